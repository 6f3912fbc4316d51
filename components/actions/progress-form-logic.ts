// Pure logic of the "Mise à jour rapide" form: values, payload, error keys, conflict adapter.
import type { ConflictAdapter } from '@/components/forms/conflict';
import { parseKey, type ErrorMap, type FieldErrors } from '@/components/forms/errors';
import { FIELD_LABELS, type ActionDto } from '@/lib/actions/dto';
import { formatFieldValue } from '@/lib/actions/format';
import { progressUpdateSchema } from '@/lib/actions/schemas';
import type { ActionStatus } from '@/lib/generated/prisma/enums';
import { ACTION_STATUS_LABELS, formatDate } from '@/lib/labels';
import { fieldErrorsFromZod } from '@/lib/validation';
import { formatDecimalInput, parseDecimalInput } from './money';
import { parisDay } from '@/lib/calendar';

export interface ProgressValues {
  /** The action as stored at the base version: the indicators and milestones the form lists. */
  source: ActionDto;
  status: ActionStatus;
  /** Typed actual value, by indicator id. */
  actuals: Record<string, string>;
  /** Completion date (null: not done), by milestone id. */
  done: Record<string, string | null>;
}

export const STATUS_ID = 'progress-status';
export const indicatorId = (index: number) => `progress-indicator-${index}`;
export const milestoneId = (index: number) => `progress-milestone-${index}`;

export function progressValuesFrom(action: ActionDto): ProgressValues {
  return {
    source: action,
    status: action.status,
    actuals: Object.fromEntries(action.indicators.map((i) => [i.id, formatDecimalInput(i.actual)])),
    done: Object.fromEntries(action.milestones.map((m) => [m.id, m.doneAt])),
  };
}

/** What the person edits (the source is context, not an edit). */
export const progressComparable = ({ status, actuals, done }: ProgressValues) => ({ status, actuals, done });

/** The payload as progressUpdateSchema expects it, and the errors it would get. */
export function buildProgressPayload(v: ProgressValues, version: number): { data: Record<string, unknown>; errors: FieldErrors } {
  const parseErrors: FieldErrors = {};
  const indicators = v.source.indicators.map((ind, i) => {
    const n = parseDecimalInput(v.actuals[ind.id] ?? '');
    if (n === 'invalid') parseErrors[`indicators.${i}.actual`] = ['Valeur réalisée invalide : saisissez un nombre, par exemple 12 ou 12,5.'];
    return { id: ind.id, actual: n === 'invalid' ? null : n };
  });
  const milestones = v.source.milestones.map((m) => ({ id: m.id, doneAt: v.done[m.id] ?? null }));
  const data: Record<string, unknown> = {
    version,
    status: v.status,
    ...(indicators.length ? { indicators } : {}),
    ...(milestones.length ? { milestones } : {}),
  };
  const result = progressUpdateSchema.safeParse(data);
  return { data, errors: { ...(result.success ? {} : fieldErrorsFromZod(result.error)), ...parseErrors } };
}

export function progressErrorMap(source: ActionDto): ErrorMap {
  return {
    order: ['status', 'indicators', 'milestones'],
    target(key) {
      const { top, index } = parseKey(key);
      if (top === 'status') return STATUS_ID;
      if (top === 'indicators' && index !== null) return indicatorId(index);
      if (top === 'milestones' && index !== null) return milestoneId(index);
      return null;
    },
    text(key, message) {
      const { top, index } = parseKey(key);
      if (top === 'indicators' && index !== null) return `${source.indicators[index]?.name ?? `Indicateur ${index + 1}`} : ${message}`;
      if (top === 'milestones' && index !== null) return `${source.milestones[index]?.title ?? `Jalon ${index + 1}`} : ${message}`;
      return message;
    },
  };
}

const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const doneText = (doneAt: string | null) => (doneAt ? `réalisé le ${formatDate(doneAt)}` : 'non réalisé');
const labelOf = (field: string) => (FIELD_LABELS as Record<string, string>)[field] ?? field;

/** Typed actuals as numbers, by indicator name (ids of a re-created indicator differ). */
function actualsByName(v: ProgressValues): Record<string, unknown> {
  return Object.fromEntries(v.source.indicators.map((i) => [i.name, parseDecimalInput(v.actuals[i.id] ?? '')]));
}
function doneByTitle(v: ProgressValues): Record<string, string | null> {
  return Object.fromEntries(v.source.milestones.map((m) => [m.title, v.done[m.id] ?? null]));
}

/** A conflict on the quick update: status, actual values and completions can be kept or taken. */
export const progressConflict: ConflictAdapter<ProgressValues, ActionDto> = {
  entityKey: 'action',
  valuesFrom: progressValuesFrom,
  editable: (field) => field === 'status' || field === 'indicators' || field === 'milestones',
  compare(v, field) {
    if (field === 'status') return v.status;
    if (field === 'indicators') return actualsByName(v);
    if (field === 'milestones') return doneByTitle(v);
    return (v.source as unknown as Record<string, unknown>)[field];
  },
  adopt(v, from, field) {
    if (field === 'status') return { ...v, status: from.status };
    if (field === 'indicators') return { ...v, actuals: from.actuals };
    if (field === 'milestones') return { ...v, done: from.done };
    return v;
  },
  /** Kept values are carried over to the saved rows by name (indicators) or title (milestones). */
  rebase(resolved, theirs) {
    const byName = new Map(resolved.source.indicators.map((i) => [i.name, resolved.actuals[i.id]]));
    const byTitle = new Map(resolved.source.milestones.map((m) => [m.title, resolved.done[m.id] ?? null]));
    const keptActuals = resolved.actuals !== theirs.actuals;
    const keptDone = resolved.done !== theirs.done;
    return {
      source: theirs.source,
      status: resolved.status,
      actuals: keptActuals
        ? Object.fromEntries(theirs.source.indicators.map((i) => [i.id, byName.get(i.name) ?? theirs.actuals[i.id] ?? '']))
        : theirs.actuals,
      done: keptDone
        ? Object.fromEntries(theirs.source.milestones.map((m) => [m.id, byTitle.has(m.title) ? (byTitle.get(m.title) ?? null) : (theirs.done[m.id] ?? null)]))
        : theirs.done,
    };
  },
  display(v, field) {
    if (field === 'status') return ACTION_STATUS_LABELS[v.status];
    if (field === 'indicators')
      return v.source.indicators.length
        ? v.source.indicators
            .map((i) => {
              const n = parseDecimalInput(v.actuals[i.id] ?? '');
              return `${i.name} : ${typeof n === 'number' ? number.format(n) : n === null ? '—' : v.actuals[i.id]}`;
            })
            .join('\n')
        : '—';
    if (field === 'milestones')
      return v.source.milestones.length ? v.source.milestones.map((m) => `${m.title} : ${doneText(v.done[m.id] ?? null)}`).join('\n') : '—';
    return formatFieldValue(field, (v.source as unknown as Record<string, unknown>)[field]);
  },
  label: labelOf,
};

/** Today in France (lib/calendar.ts, as every "today" of the app), as the schema's YYYY-MM-DD. */
export function today(now = new Date()): string {
  return parisDay(now);
}

export const formatActual = (value: number | null) => (value === null ? '—' : number.format(value));
export { doneText };
