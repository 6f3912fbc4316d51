// The committee form's pure logic, apart from its markup (ADR 0020): the values the form
// holds, the payload the schemas expect, error keys to fields and lines, and the action
// picker's filter.
import type { ConflictAdapter } from '@/components/forms/conflict';
import { parseKey, type ErrorMap } from '@/components/forms/errors';
import type { CommitteeDto } from '@/lib/committees/queries';
import { committeeCreateSchema, committeeUpdateSchema } from '@/lib/committees/schemas';
import type { FieldErrors } from '@/lib/errors';
import { formatDate } from '@/lib/labels';
import { fieldErrorsFromZod } from '@/lib/validation';

export interface CommitteeValues {
  title: string;
  date: string;
  /** One participant per line, as typed. */
  attendees: string;
  decisions: string;
  actionIds: string[];
}

export type CommitteeFormField = keyof CommitteeValues;

/** What the form starts from when editing (the page builds it from the DTO). */
export interface CommitteeFormInitial {
  id: string;
  version: number;
  title: string;
  date: string;
  attendees: string[];
  decisions: string;
  actionIds: string[];
}

export const COMMITTEE_FIELD_IDS = {
  title: 'comite-titre',
  date: 'comite-date',
  attendees: 'comite-participants',
  decisions: 'comite-decisions',
  actions: 'comite-actions',
  filter: 'comite-actions-filtre',
} as const;

export const COMMITTEE_FORM_FIELDS: CommitteeFormField[] = ['title', 'date', 'attendees', 'decisions', 'actionIds'];

export const COMMITTEE_FORM_LABELS: Record<CommitteeFormField, string> = {
  title: 'Titre',
  date: 'Date',
  attendees: 'Participants',
  decisions: 'Décisions',
  actionIds: 'Actions examinées',
};

export const checkboxId = (actionId: string) => `comite-action-${actionId}`;
export const removeButtonId = (actionId: string) => `comite-retirer-${actionId}`;

export const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export function committeeValuesOf(initial: CommitteeFormInitial | CommitteeDto | undefined): CommitteeValues {
  if (!initial) return { title: '', date: '', attendees: '', decisions: '', actionIds: [] };
  return {
    title: initial.title,
    date: initial.date,
    attendees: (initial.attendees ?? []).join('\n'),
    decisions: initial.decisions,
    actionIds: 'actionIds' in initial ? [...initial.actionIds] : initial.actions.map((a) => a.id),
  };
}

/**
 * The payload the schemas expect and the French errors it would get. Selected actions go
 * in list order (`listOrder`, the picker's ids), so the payload does not depend on click
 * order; selected ids the list does not show (out of the actor's view) are kept after them.
 */
export function buildCommitteePayload(
  v: CommitteeValues,
  mode: 'create' | 'update',
  baseVersion: number,
  listOrder: readonly string[],
): { data: Record<string, unknown>; errors: FieldErrors } {
  const known = new Set(listOrder);
  const fields = {
    title: v.title,
    date: v.date,
    attendees: lines(v.attendees),
    decisions: v.decisions,
    actionIds: [...listOrder.filter((id) => v.actionIds.includes(id)), ...v.actionIds.filter((id) => !known.has(id))],
  };
  const data = mode === 'update' ? { version: baseVersion, ...fields } : fields;
  const result = (mode === 'update' ? committeeUpdateSchema : committeeCreateSchema).safeParse(data);
  const errors: FieldErrors = result.success ? {} : fieldErrorsFromZod(result.error);
  if (!v.date) errors.date = ['La date du comité est obligatoire.'];
  return { data, errors };
}

/** The form field an error key belongs to (`attendees.2` → attendees). */
export function committeeFieldOf(key: string): CommitteeFormField | null {
  const top = key.split('.')[0] ?? key;
  return (COMMITTEE_FORM_FIELDS as string[]).includes(top) ? (top as CommitteeFormField) : null;
}

/** The 1-based line an item error key names (`attendees.2` → 3), null for a field error. */
export function lineOf(key: string): number | null {
  const index = key.split('.')[1];
  return index !== undefined && /^\d+$/.test(index) ? Number(index) + 1 : null;
}

/** Where the summary link of an error key leads: the field, or the first visible checkbox. */
export function committeeErrorTarget(key: string, firstActionId: string | null): string | null {
  const field = committeeFieldOf(key);
  if (field === 'actionIds') return firstActionId ? checkboxId(firstActionId) : COMMITTEE_FIELD_IDS.filter;
  return field ? COMMITTEE_FIELD_IDS[field] : null;
}

// The picker's filter runs on the server now (lib/committees/picker.ts, ADR 0026).
export { filterActionGroups } from '@/lib/committees/picker';

/** The summary: fields in form order, "Participants (ligne 3) : …" for an item's error. */
export function committeeErrorMap(firstActionId: string | null): ErrorMap {
  return {
    order: ['_', 'version', ...COMMITTEE_FORM_FIELDS],
    target: (key) => committeeErrorTarget(key, firstActionId),
    text: (key, message) => {
      const field = committeeFieldOf(key);
      if (!field) return message;
      const line = lineOf(key);
      return `${COMMITTEE_FORM_LABELS[field]}${line ? ` (ligne ${line})` : ''} : ${message}`;
    },
  };
}

/** Item errors (`attendees.2`, `actionIds.0`) count for their whole control. */
export const committeeTouchKey = (key: string) => parseKey(key).top;

/**
 * How the conflict panel compares, shows and takes each committee field. `describe` names a
 * linked action ("Ariège — FA-3 : Friche"); the saved DTO names the ones the picker does not list.
 */
export function committeeConflictAdapter(describe: (actionId: string) => string | undefined): ConflictAdapter<CommitteeValues, CommitteeDto> {
  const savedNames = new Map<string, string>();
  const name = (id: string) => describe(id) ?? savedNames.get(id) ?? 'Action non visible';
  return {
    entityKey: 'committee',
    valuesFrom: (dto) => {
      for (const a of dto.actions) savedNames.set(a.id, `${a.territory.name} — ${a.reference} : ${a.title}`);
      return committeeValuesOf(dto);
    },
    compare: (v, field) => {
      if (field === 'attendees') return lines(v.attendees);
      if (field === 'actionIds') return [...v.actionIds].sort();
      return committeeFieldOf(field) === field ? (v[field as CommitteeFormField] as string).trim() : null;
    },
    adopt: (v, from, field) => (committeeFieldOf(field) === field ? { ...v, [field]: from[field as CommitteeFormField] } : v),
    display: (v, field) => {
      switch (field) {
        case 'date':
          return formatDate(v.date || null);
        case 'attendees':
          return lines(v.attendees).join('\n') || 'Aucun participant.';
        case 'decisions':
          return v.decisions.trim() || 'Aucune décision saisie.';
        case 'actionIds':
          return v.actionIds.length ? v.actionIds.map(name).join('\n') : 'Aucune action liée.';
        default:
          return field === 'title' ? v.title || '—' : '—';
      }
    },
    label: (field) => COMMITTEE_FORM_LABELS[field as CommitteeFormField] ?? field,
    editable: (field) => committeeFieldOf(field) === field,
  };
}
