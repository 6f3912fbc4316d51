'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { RadioGroup, RequiredFieldsNote, Select, TextArea, TextInput } from '@/components/ui/form';
import { TERRITORY_PHASES, TERRITORY_STATUSES } from '@/lib/admin/schemas';
import { TERRITORY_PHASE_LABELS, TERRITORY_STATUS_LABELS } from '@/lib/labels';
import type { TerritoryPhase, TerritoryStatus } from '@/lib/generated/prisma/enums';
import { updateTerritoryForm, type FormState } from '../../server-actions';

export interface TerritoryFormValues {
  slug: string;
  name: string;
  officialId: string;
  phase: TerritoryPhase;
  status: TerritoryStatus;
  epcis: string[];
  /** The version the form is based on (ADR 0021). */
  version: number;
}

/** Messages of a field and of its items (`epcis.3` → "Ligne 4 : …"). */
function messagesOf(errors: Record<string, string[]>, field: string): string[] | undefined {
  const out: string[] = [];
  for (const [key, messages] of Object.entries(errors)) {
    const [top, index] = key.split('.');
    if (top !== field) continue;
    out.push(...(index !== undefined ? messages.map((m) => `Ligne ${Number(index) + 1} : ${m}`) : messages));
  }
  return out.length ? out : undefined;
}

export function TerritoryForm({ initial }: { initial: TerritoryFormValues }) {
  const [state, action, pending] = useActionState<FormState, FormData>(updateTerritoryForm, null);
  const errors = state?.errors ?? {};
  const general = errors._;
  return (
    <form action={action} className="space-y-6" aria-busy={pending}>
      <input type="hidden" name="slug" value={initial.slug} />
      <input type="hidden" name="version" value={initial.version} />
      {state && !state.ok && (
        <Alert tone="error" title="Le territoire n’a pas été enregistré">
          <p>{state.message}</p>
          {general && (
            <ul className="mt-2 list-disc pl-6">
              {general.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <RequiredFieldsNote />
      <div className="grid gap-4 md:grid-cols-2">
        <TextInput id="name" name="name" label="Nom" required maxLength={200} defaultValue={initial.name} error={messagesOf(errors, 'name')} />
        <TextInput
          id="officialId"
          name="officialId"
          label="Identifiant officiel"
          hint="Celui de la liste publiée sur data.gouv.fr (ti-XXXX). Vide : aucun."
          maxLength={15}
          defaultValue={initial.officialId}
          error={messagesOf(errors, 'officialId')}
        />
        <RadioGroup
          id="phase"
          name="phase"
          label="Phase"
          required
          defaultValue={initial.phase}
          options={TERRITORY_PHASES.map((p) => ({ value: p, label: TERRITORY_PHASE_LABELS[p] }))}
          error={messagesOf(errors, 'phase')}
        />
        <Select
          id="status"
          name="status"
          label="Statut"
          required
          defaultValue={initial.status}
          options={TERRITORY_STATUSES.map((s) => ({ value: s, label: TERRITORY_STATUS_LABELS[s] }))}
          error={messagesOf(errors, 'status')}
        />
      </div>
      <TextArea
        id="epcis"
        name="epcis"
        label="Composition : SIREN des EPCI"
        required
        rows={8}
        hint="Un SIREN (9 chiffres) par ligne, ou séparés par des virgules. La liste remplace la composition actuelle ; départements, régions et population sont recalculés, et les copilotes régionaux voient le territoire selon ses nouvelles régions."
        defaultValue={initial.epcis.join('\n')}
        className="max-w-md"
        error={messagesOf(errors, 'epcis')}
      />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonClasses('primary', 'md')}>
          {pending ? 'Enregistrement…' : 'Enregistrer le territoire'}
        </button>
        <Link href="/administration/territoires" className={buttonClasses('ghost', 'md')}>
          Retour à la liste
        </Link>
      </div>
    </form>
  );
}
