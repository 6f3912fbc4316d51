// The territory edit form's pure logic (issue 11 item 2: payload, merge and errors apart from
// the markup): form values, the payload with its base version, the conflict adapter.
import type { TerritoryPhase, TerritoryStatus } from '@/lib/generated/prisma/enums';
import { fieldErrorsFromZod } from '@/lib/validation';
import { TERRITORY_PHASE_LABELS, TERRITORY_STATUS_LABELS } from '@/lib/labels';
import type { FieldErrors } from '@/lib/errors';
import { splitSirens, territoryUpdateSchema } from './schemas';

/** What the form edits, plus what the composition derives (shown in a conflict, not edited). */
export interface TerritoryFormValues {
  name: string;
  officialId: string;
  phase: TerritoryPhase;
  status: TerritoryStatus;
  /** One SIREN per line (or separated by commas). */
  epcis: string;
  derived: { departementCodes: string[]; regionCodes: string[]; population: number };
}

/** The parts of the admin territory DTO the form reads. */
export interface TerritoryFormSource {
  name: string;
  officialId: string | null;
  phase: TerritoryPhase;
  status: TerritoryStatus;
  epcis: { siren: string }[];
  departements: { code: string }[];
  regions: { code: string }[];
  population: number;
  version: number;
}

export const TERRITORY_FORM_FIELDS = ['name', 'officialId', 'phase', 'status', 'epcis'] as const;

export const TERRITORY_FIELD_LABELS: Record<string, string> = {
  name: 'Nom',
  officialId: 'Identifiant officiel',
  phase: 'Phase',
  status: 'Statut',
  epcis: 'Composition (EPCI)',
  departementCodes: 'Départements',
  regionCodes: 'Régions',
  population: 'Population',
};

export function territoryFormValues(t: TerritoryFormSource): TerritoryFormValues {
  return {
    name: t.name,
    officialId: t.officialId ?? '',
    phase: t.phase,
    status: t.status,
    epcis: t.epcis.map((e) => e.siren).join('\n'),
    derived: { departementCodes: t.departements.map((d) => d.code), regionCodes: t.regions.map((r) => r.code), population: t.population },
  };
}

export interface TerritoryPayload {
  name: string;
  officialId: string;
  phase: TerritoryPhase;
  status: TerritoryStatus;
  epcis: string[];
  version: number;
}

/** The payload (same schema as the server) and its errors. */
export function territoryPayload(values: TerritoryFormValues, version: number): { data: TerritoryPayload; errors: FieldErrors } {
  const data: TerritoryPayload = {
    name: values.name,
    officialId: values.officialId,
    phase: values.phase,
    status: values.status,
    epcis: splitSirens(values.epcis),
    version,
  };
  const parsed = territoryUpdateSchema.safeParse(data);
  return { data, errors: parsed.success ? {} : fieldErrorsFromZod(parsed.error) };
}

const sorted = (list: string[]) => [...list].sort();

/** How the conflict panel compares, shows and takes each field (components/forms/conflict.ts). */
export const territoryConflictAdapter = {
  entityKey: 'territory',
  valuesFrom: (dto: TerritoryFormSource) => territoryFormValues(dto),
  compare(values: TerritoryFormValues, field: string): unknown {
    if (field === 'epcis') return sorted(splitSirens(values.epcis));
    if (field === 'officialId') return values.officialId.trim().toLowerCase();
    if (field in values.derived) return values.derived[field as keyof TerritoryFormValues['derived']];
    return values[field as keyof TerritoryFormValues];
  },
  adopt(values: TerritoryFormValues, from: TerritoryFormValues, field: string): TerritoryFormValues {
    if (field === 'epcis') return { ...values, epcis: from.epcis, derived: from.derived };
    if (!(TERRITORY_FORM_FIELDS as readonly string[]).includes(field)) return values;
    return { ...values, [field]: from[field as keyof TerritoryFormValues] };
  },
  display(values: TerritoryFormValues, field: string): string {
    switch (field) {
      case 'phase':
        return TERRITORY_PHASE_LABELS[values.phase];
      case 'status':
        return TERRITORY_STATUS_LABELS[values.status];
      case 'officialId':
        return values.officialId || '(aucun)';
      case 'epcis':
        return splitSirens(values.epcis).join(', ') || '(aucun)';
      case 'departementCodes':
      case 'regionCodes':
        return values.derived[field].join(', ') || '—';
      case 'population':
        return values.derived.population.toLocaleString('fr-FR');
      default:
        return String(values[field as keyof TerritoryFormValues] ?? '');
    }
  },
  label: (field: string) => TERRITORY_FIELD_LABELS[field] ?? field,
  editable: (field: string) => (TERRITORY_FORM_FIELDS as readonly string[]).includes(field),
};
