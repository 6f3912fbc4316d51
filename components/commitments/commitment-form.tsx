'use client';

// Recording or editing an operator's commitment (national staff). What is typed lives in
// React state, so a refused save (invalid data, concurrent edit, lost connection) never
// loses a keystroke. Validation runs the server's zod schema; on submit, an error summary
// receives focus and links to each field (RGAA 11.10).
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { RequiredFieldsNote, Select, TextArea, TextInput } from '@/components/ui/form';
import { parseDecimalInput } from '@/components/actions/money';
import { AXES } from '@/lib/actions/schemas';
import { AXIS_SHORT_LABELS } from '@/lib/labels';
import type { CommitmentDto, CommitmentFormOptions } from '@/lib/commitments/queries';
import { COMMITMENT_LIMITS, COMMITMENT_SCOPES } from '@/lib/commitments/schemas';
import type { SaveCommitmentInput, SaveCommitmentResult } from '@/lib/commitments/save-results';
import { COMMITMENT_SCOPE_LABELS, formatQuantity } from '@/lib/commitments/labels';
import { currentValue } from './current-value';
import {
  COMMITMENT_FIELD_IDS,
  COMMITMENT_FORM_FIELDS,
  COMMITMENT_FORM_LABELS,
  buildCommitmentPayload,
  commitmentValuesOf,
  isEuroUnit,
  type CommitmentValues,
} from './commitment-form-logic';

type Errors = Record<string, string[]>;
type Values = CommitmentValues;

const ID = COMMITMENT_FIELD_IDS;
const FIELD_ORDER = COMMITMENT_FORM_FIELDS;
const LABELS = COMMITMENT_FORM_LABELS;

const UNIT_SUGGESTIONS = ['EUR', 'entreprises', 'recrutements', 'territoires accompagnés', 'projets', 'diagnostics', 'hectares'];

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

const valuesOf = commitmentValuesOf;

const topOf = (key: string) => key.split('.')[0] ?? key;

function focusById(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.focus();
  el.scrollIntoView({ block: 'center' });
}

type Feedback =
  | { kind: 'errors'; message?: string; items: { key: string; message: string; target: string | null }[] }
  | { kind: 'failure'; message: string }
  | { kind: 'conflict'; message: string; changedFields: string[]; current: CommitmentDto }
  | { kind: 'info'; message: string };

export interface CommitmentFormProps {
  mode: 'create' | 'update';
  initial?: CommitmentDto;
  options: CommitmentFormOptions;
  saveCommitment: (input: SaveCommitmentInput) => Promise<SaveCommitmentResult>;
  cancelHref: string;
}

export function CommitmentForm({ mode, initial, options, saveCommitment, cancelHref }: CommitmentFormProps) {
  const router = useRouter();
  const [values, setValues] = useState<Values>(() => valuesOf(initial));
  const [saved, setSaved] = useState<Values>(values);
  const [baseVersion, setBaseVersion] = useState(initial?.version ?? 1);
  const [submitted, setSubmitted] = useState(false);
  const [clientErrors, setClientErrors] = useState<Errors>({});
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [pending, setPending] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const feedbackRef = useRef<HTMLDivElement>(null);

  const dirty = JSON.stringify(values) !== JSON.stringify(saved);
  useEffect(() => {
    if (!dirty || leaving) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, leaving]);

  const build = (v: Values) => buildCommitmentPayload(v, mode, baseVersion);

  const shown: Errors = { ...serverErrors, ...(submitted ? clientErrors : {}) };
  const errorsOf = (field: keyof Values) => {
    const list = Object.entries(shown)
      .filter(([k]) => topOf(k) === field)
      .flatMap(([, m]) => m);
    return list.length ? list : undefined;
  };

  const update = (patch: Partial<Values>, field: keyof Values) => {
    const next = { ...values, ...patch };
    setValues(next);
    setServerErrors((prev) => {
      const keys = Object.keys(prev).filter((k) => topOf(k) === field || (field === 'scope' && ['regionCode', 'territory'].includes(topOf(k))));
      if (!keys.length) return prev;
      const out = { ...prev };
      for (const k of keys) delete out[k];
      return out;
    });
    // Once the person has tried to save, errors follow their corrections.
    if (submitted) setClientErrors(build(next).errors);
  };

  const summarize = (errors: Errors) => {
    const order = (k: string) => {
      const i = FIELD_ORDER.indexOf(topOf(k) as keyof Values);
      return i === -1 ? FIELD_ORDER.length : i;
    };
    return Object.keys(errors)
      .sort((a, b) => order(a) - order(b))
      .flatMap((key) => {
        const top = topOf(key);
        const target = top in ID ? ID[top as keyof Values] : null;
        const prefix = LABELS[top] ? `${LABELS[top]} : ` : '';
        return (errors[key] ?? []).map((m) => ({ key, message: `${prefix}${m}`, target }));
      });
  };

  const show = (next: Feedback, extra?: () => void) => {
    flushSync(() => {
      setFeedback(next);
      setPending(false);
      extra?.();
    });
    feedbackRef.current?.focus();
  };

  const submit = async () => {
    if (pending) return;
    const { data, errors } = build(values);
    setSubmitted(true);
    if (Object.keys(errors).length) {
      show({ kind: 'errors', items: summarize({ ...serverErrors, ...errors }) }, () => setClientErrors(errors));
      return;
    }
    setClientErrors({});
    setPending(true);
    let result: SaveCommitmentResult;
    try {
      result = await saveCommitment(mode === 'update' && initial ? { mode: 'update', id: initial.id, data } : { mode: 'create', data });
    } catch {
      show({
        kind: 'failure',
        message: "L'enregistrement n'a pas abouti (connexion au serveur interrompue ?). Vos saisies sont conservées : réessayez.",
      });
      return;
    }
    if (result.ok) {
      // Stay pending: the page is about to change.
      setLeaving(true);
      setSaved(values);
      router.push(result.redirectTo);
      return;
    }
    if (result.conflict) {
      show({ kind: 'conflict', message: result.message, changedFields: result.conflict.changedFields, current: result.conflict.commitment });
      return;
    }
    if (result.errors && Object.keys(result.errors).length) {
      const received = result.errors;
      show({ kind: 'errors', message: result.message, items: summarize(received) }, () => setServerErrors(received));
      return;
    }
    show({ kind: 'failure', message: result.message });
  };

  const keepMine = (current: CommitmentDto) =>
    show(
      { kind: 'info', message: 'Vos saisies sont conservées : en enregistrant, elles remplaceront la version à jour de l’engagement.' },
      () => setBaseVersion(current.version),
    );

  const adoptCurrent = (current: CommitmentDto) =>
    show({ kind: 'info', message: 'Le formulaire affiche maintenant la version à jour de l’engagement.' }, () => {
      const next = valuesOf(current);
      setValues(next);
      setSaved(next);
      setBaseVersion(current.version);
      setServerErrors({});
      setClientErrors({});
    });

  const selectedTerritory = options.territories.find((t) => t.slug === values.territory);
  const regionName = (code: string) => options.regions.find((r) => r.code === code)?.name ?? code;
  const promisedPreview = parseDecimalInput(values.promised);

  return (
    <form
      noValidate
      className="space-y-8"
      aria-busy={pending || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div ref={feedbackRef} tabIndex={-1} className="outline-none">
        {feedback?.kind === 'errors' && (
          <Alert tone="error" title={feedback.message ?? `Le formulaire contient ${plural(feedback.items.length, 'erreur', 'erreurs')}`}>
            <ul className="list-disc space-y-1 pl-6">
              {feedback.items.map((item, i) => (
                <li key={`${item.key}-${i}`}>
                  {item.target ? (
                    <a
                      className="link"
                      href={`#${item.target}`}
                      onClick={(e) => {
                        const target = item.target;
                        if (!target || !document.getElementById(target)) return;
                        e.preventDefault();
                        focusById(target);
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
                Garder mes saisies
              </Button>
              <Button type="button" size="sm" variant="secondary" onClick={() => adoptCurrent(feedback.current)}>
                Reprendre la version à jour
              </Button>
            </div>
          </Alert>
        )}
      </div>

      <RequiredFieldsNote />

      <Card title="L’engagement">
        <div className="space-y-6">
          <Select
            id={ID.operator}
            name="operator"
            label="Opérateur"
            required
            placeholder="— Choisir l’opérateur —"
            options={options.operators.map((o) => ({ value: o.slug, label: o.name }))}
            value={values.operator}
            error={errorsOf('operator')}
            onChange={(e) => update({ operator: e.target.value }, 'operator')}
            className="max-w-md"
          />
          <TextInput
            id={ID.title}
            name="title"
            label="Intitulé"
            required
            maxLength={COMMITMENT_LIMITS.title}
            hint="Ce à quoi l’opérateur s’engage, par exemple : Cofinancement de l’ingénierie des chefs de projet."
            value={values.title}
            error={errorsOf('title')}
            onChange={(e) => update({ title: e.target.value }, 'title')}
          />
          <TextArea
            id={ID.description}
            name="description"
            label="Description"
            rows={4}
            maxLength={COMMITMENT_LIMITS.description}
            hint="Modalités, conditions, contacts (facultatif)."
            value={values.description}
            error={errorsOf('description')}
            onChange={(e) => update({ description: e.target.value }, 'description')}
          />
          <Select
            id={ID.axis}
            name="axis"
            label="Axe du programme"
            options={[{ value: '', label: 'Aucun axe en particulier' }, ...AXES.map((a) => ({ value: a, label: AXIS_SHORT_LABELS[a] }))]}
            value={values.axis}
            error={errorsOf('axis')}
            onChange={(e) => update({ axis: e.target.value }, 'axis')}
            className="max-w-md"
          />
        </div>
      </Card>

      <Card title="Où s’applique l’engagement">
        <div className="space-y-6">
          <Select
            id={ID.scope}
            name="scope"
            label="Portée"
            required
            hint="Un engagement national concerne tout le programme ; un engagement régional, une région ; un engagement territorial, un territoire d’industrie."
            placeholder="— Choisir la portée —"
            options={COMMITMENT_SCOPES.map((s) => ({ value: s, label: COMMITMENT_SCOPE_LABELS[s] }))}
            value={values.scope}
            error={errorsOf('scope')}
            onChange={(e) => update({ scope: e.target.value }, 'scope')}
            className="max-w-md"
          />
          {values.scope === 'REGION' && (
            <Select
              id={ID.regionCode}
              name="regionCode"
              label="Région"
              required
              placeholder="— Choisir la région —"
              options={options.regions.map((r) => ({ value: r.code, label: r.name }))}
              value={values.regionCode}
              error={errorsOf('regionCode')}
              onChange={(e) => update({ regionCode: e.target.value }, 'regionCode')}
              className="max-w-md"
            />
          )}
          {values.scope === 'TERRITORY' && (
            <Select
              id={ID.territory}
              name="territory"
              label="Territoire d’industrie"
              required
              placeholder="— Choisir le territoire —"
              hint={
                selectedTerritory
                  ? `Région${selectedTerritory.regionCodes.length > 1 ? 's' : ''} : ${selectedTerritory.regionCodes.map(regionName).join(', ')}.`
                  : undefined
              }
              options={options.territories.map((t) => ({ value: t.slug, label: t.name }))}
              value={values.territory}
              error={errorsOf('territory')}
              onChange={(e) => update({ territory: e.target.value }, 'territory')}
              className="max-w-md"
            />
          )}
        </div>
      </Card>

      <Card title="Combien et quand">
        <div className="grid gap-6 sm:grid-cols-3">
          <TextInput
            id={ID.unit}
            name="unit"
            label="Unité"
            required
            maxLength={COMMITMENT_LIMITS.unit}
            list="engagement-unites"
            autoComplete="off"
            hint="EUR pour un montant en euros ; sinon ce qui est compté (entreprises, recrutements…)."
            value={values.unit}
            error={errorsOf('unit')}
            onChange={(e) => update({ unit: e.target.value }, 'unit')}
          />
          <datalist id="engagement-unites">
            {UNIT_SUGGESTIONS.map((u) => (
              <option key={u} value={u} />
            ))}
          </datalist>
          <TextInput
            id={ID.promised}
            name="promised"
            label="Promis"
            required
            inputMode="decimal"
            autoComplete="off"
            hint={
              typeof promisedPreview === 'number' && values.unit.trim()
                ? `Soit ${formatQuantity(promisedPreview, isEuroUnit(values.unit) ? 'EUR' : values.unit.trim())}.`
                : 'Nombre, deux décimales au plus (1 500 000 ou 12,5).'
            }
            value={values.promised}
            error={errorsOf('promised')}
            onChange={(e) => update({ promised: e.target.value }, 'promised')}
          />
          <TextInput
            id={ID.dueDate}
            name="dueDate"
            type="date"
            label="Échéance"
            hint="Date à laquelle tout doit être réalisé (facultative)."
            value={values.dueDate}
            error={errorsOf('dueDate')}
            onChange={(e) => update({ dueDate: e.target.value }, 'dueDate')}
          />
        </div>
      </Card>

      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Enregistrement…' : mode === 'create' ? 'Enregistrer l’engagement' : 'Enregistrer les modifications'}
        </Button>
        <ButtonLink href={cancelHref} variant="ghost">
          Annuler
        </ButtonLink>
      </div>
    </form>
  );
}
