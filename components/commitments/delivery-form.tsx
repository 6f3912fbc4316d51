'use client';

// Delivery update (delivered quantity and status), for national staff and the operator's
// own staff. What is typed survives a refused save; a concurrent update is reported with
// the saved values, and the person chooses to keep their entry or take the saved one.
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useRouter } from 'next/navigation';
import type { SaveCommitmentResult } from '@/app/(app)/engagements/server-actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Select, TextInput } from '@/components/ui/form';
import { parseDecimalInput } from '@/components/actions/money';
import type { CommitmentDto } from '@/lib/commitments/queries';
import type { CommitmentPermissions } from '@/lib/authz/policy';
import { COMMITMENT_STATUSES, deliveryUpdateSchema } from '@/lib/commitments/schemas';
import { COMMITMENT_FIELD_LABELS, COMMITMENT_STATUS_LABELS, formatQuantity, formatQuantityInput } from '@/lib/commitments/labels';
import type { CommitmentStatus } from '@/lib/generated/prisma/enums';
import { fieldErrorsFromZod } from '@/lib/validation';
import { currentValue } from './current-value';

type Errors = Record<string, string[]>;

const ID = { delivered: 'realisation-quantite', status: 'realisation-statut' } as const;
const LABELS = COMMITMENT_FIELD_LABELS as Record<string, string>;

type Feedback =
  | { kind: 'errors'; message?: string; items: { key: string; message: string; target: string | null }[] }
  | { kind: 'failure'; message: string }
  | { kind: 'conflict'; message: string; changedFields: string[]; current: CommitmentDto }
  | { kind: 'success' | 'info'; message: string };

export interface DeliveryFormProps {
  commitment: CommitmentDto;
  /** What the caller may do (lib/authz/policy.ts), beside the data. */
  permissions: CommitmentPermissions;
  saveDelivery: (input: { id: string; data: unknown }) => Promise<SaveCommitmentResult>;
}

function focusById(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.focus();
  el.scrollIntoView({ block: 'center' });
}

export function DeliveryForm({ commitment, permissions, saveDelivery }: DeliveryFormProps) {
  const router = useRouter();
  const [source, setSource] = useState(commitment);
  const [delivered, setDelivered] = useState(formatQuantityInput(commitment.delivered));
  const [status, setStatus] = useState<CommitmentStatus>(commitment.status);
  const [errors, setErrors] = useState<Errors>({});
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [pending, setPending] = useState(false);
  const feedbackRef = useRef<HTMLDivElement>(null);

  const build = (): { data: Record<string, unknown>; errors: Errors } => {
    const n = parseDecimalInput(delivered);
    const parseErrors: Errors = {};
    if (n === 'invalid') parseErrors.delivered = ['Saisissez un nombre, par exemple 250 000 ou 12,5.'];
    if (n === null) parseErrors.delivered = ['Le réalisé : champ obligatoire (0 si rien n’est encore réalisé).'];
    const data = { version: source.version, ...(typeof n === 'number' ? { delivered: n } : {}), status };
    const result = deliveryUpdateSchema.safeParse(data);
    return { data, errors: { ...(result.success ? {} : fieldErrorsFromZod(result.error)), ...parseErrors } };
  };

  const show = (next: Feedback, extra?: () => void) => {
    flushSync(() => {
      setFeedback(next);
      setPending(false);
      extra?.();
    });
    feedbackRef.current?.focus();
  };

  const summarize = (errs: Errors) =>
    Object.entries(errs).flatMap(([key, messages]) => {
      const top = key.split('.')[0] ?? key;
      const target = top === 'delivered' ? ID.delivered : top === 'status' ? ID.status : null;
      return messages.map((m) => ({ key, message: `${LABELS[top] ? `${LABELS[top]} : ` : ''}${m}`, target }));
    });

  const submit = async () => {
    if (pending) return;
    const built = build();
    if (Object.keys(built.errors).length) {
      show({ kind: 'errors', items: summarize(built.errors) }, () => setErrors(built.errors));
      return;
    }
    setErrors({});
    setPending(true);
    let result: SaveCommitmentResult;
    try {
      result = await saveDelivery({ id: source.id, data: built.data });
    } catch {
      show({ kind: 'failure', message: "L'enregistrement n'a pas abouti (connexion au serveur interrompue ?). Votre saisie est conservée : réessayez." });
      return;
    }
    if (result.ok) {
      const next = result.commitment;
      show({ kind: 'success', message: `Réalisation enregistrée : ${formatQuantity(next.delivered, next.unit)}, statut « ${COMMITMENT_STATUS_LABELS[next.status]} ».` }, () => {
        setSource(next);
        setDelivered(formatQuantityInput(next.delivered));
        setStatus(next.status);
      });
      router.refresh();
      return;
    }
    if (result.conflict) {
      show({ kind: 'conflict', message: result.message, ...result.conflict });
      return;
    }
    if (result.errors && Object.keys(result.errors).length) {
      const received = result.errors;
      show({ kind: 'errors', message: result.message, items: summarize(received) }, () => setErrors(received));
      return;
    }
    show({ kind: 'failure', message: result.message });
  };

  const keepMine = (current: CommitmentDto) =>
    show({ kind: 'info', message: 'Votre saisie est conservée : en enregistrant, elle remplacera la réalisation à jour.' }, () => setSource(current));

  const adoptCurrent = (current: CommitmentDto) =>
    show({ kind: 'info', message: 'Le formulaire affiche maintenant la réalisation à jour.' }, () => {
      setSource(current);
      setDelivered(formatQuantityInput(current.delivered));
      setStatus(current.status);
      setErrors({});
    });

  const fieldErrors = (field: 'delivered' | 'status') => {
    const list = Object.entries(errors)
      .filter(([k]) => (k.split('.')[0] ?? k) === field)
      .flatMap(([, m]) => m);
    return list.length ? list : undefined;
  };

  return (
    <form
      noValidate
      className="space-y-6"
      aria-busy={pending || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div ref={feedbackRef} tabIndex={-1} className="outline-none">
        {feedback?.kind === 'errors' && (
          <Alert tone="error" title={feedback.message ?? 'La saisie contient des erreurs'}>
            <ul className="list-disc space-y-1 pl-6">
              {feedback.items.map((item, i) => (
                <li key={`${item.key}-${i}`}>
                  {item.target ? (
                    <a
                      className="link"
                      href={`#${item.target}`}
                      onClick={(e) => {
                        e.preventDefault();
                        focusById(item.target as string);
                      }}
                    >
                      {item.message}
                    </a>
                  ) : (
                    item.message
                  )}
                </li>
              ))}
            </ul>
          </Alert>
        )}
        {feedback?.kind === 'failure' && (
          <Alert tone="error" title="Enregistrement impossible">
            {feedback.message}
          </Alert>
        )}
        {feedback?.kind === 'success' && <Alert tone="success">{feedback.message}</Alert>}
        {feedback?.kind === 'info' && <Alert tone="info">{feedback.message}</Alert>}
        {feedback?.kind === 'conflict' && (
          <Alert tone="warning" title="Modification concurrente">
            <p>{feedback.message}</p>
            {feedback.changedFields.length > 0 && (
              <dl className="mt-3 space-y-2">
                {feedback.changedFields.map((field) => (
                  <div key={field}>
                    <dt className="font-semibold">{LABELS[field] ?? field} (version à jour)</dt>
                    <dd className="whitespace-pre-line">{currentValue(feedback.current, field)}</dd>
                  </div>
                ))}
              </dl>
            )}
            <div className="mt-4 flex flex-wrap gap-2">
              <Button type="button" size="sm" variant="secondary" onClick={() => keepMine(feedback.current)}>
                Garder ma saisie
              </Button>
              <Button type="button" size="sm" variant="secondary" onClick={() => adoptCurrent(feedback.current)}>
                Reprendre la version à jour
              </Button>
            </div>
          </Alert>
        )}
      </div>
      <div className="grid gap-6 sm:grid-cols-2">
        <TextInput
          id={ID.delivered}
          name="delivered"
          label={`Réalisé à ce jour (${source.unit === 'EUR' ? 'euros' : source.unit})`}
          required
          inputMode="decimal"
          autoComplete="off"
          hint={`Cumul depuis le début ; promis : ${formatQuantity(source.promised, source.unit)}.`}
          value={delivered}
          error={fieldErrors('delivered')}
          onChange={(e) => {
            setDelivered(e.target.value);
            setErrors((prev) => {
              const { delivered: _d, ...rest } = prev;
              return rest;
            });
          }}
        />
        <Select
          id={ID.status}
          name="status"
          label="Statut"
          required
          hint={
            permissions.canManage
              ? '« Réalisé » ou « Annulé » clôt l’engagement : il ne sera plus signalé en retard.'
              : '« Réalisé » clôt l’engagement : il ne sera plus signalé en retard. Seule l’équipe nationale peut l’annuler.'
          }
          // Only national staff may cancel (lib/authz/policy.ts `commitment:cancel`).
          options={COMMITMENT_STATUSES.filter((s) => s !== 'CANCELLED' || permissions.canManage || commitment.status === 'CANCELLED').map((s) => ({
            value: s,
            label: COMMITMENT_STATUS_LABELS[s],
          }))}
          value={status}
          error={fieldErrors('status')}
          onChange={(e) => setStatus(e.target.value as CommitmentStatus)}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Enregistrement…' : 'Enregistrer la réalisation'}
      </Button>
    </form>
  );
}
