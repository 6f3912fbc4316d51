// What an action is, as every reader sees it (UI, API, version snapshots).
// Built from an explicit select: no internal column leaves the server by accident.
import type {
  ActionPhase,
  ActionStatus,
  Axis,
  FinancingStatus,
  IndicatorKind,
  Priority,
} from '@/lib/generated/prisma/enums';

export const actionSelect = {
  id: true,
  number: true,
  version: true,
  position: true,
  title: true,
  description: true,
  objectives: true,
  axes: true,
  phase: true,
  status: true,
  priority: true,
  startDate: true,
  endDate: true,
  pilot: true,
  partners: true,
  budgetCents: true,
  notes: true,
  links: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
  territory: { select: { slug: true, name: true } },
  operators: { select: { operator: { select: { slug: true, name: true } } }, orderBy: { operator: { name: 'asc' } } },
  financing: {
    select: { financer: true, amountCents: true, status: true, operator: { select: { slug: true } } },
    orderBy: { position: 'asc' },
  },
  milestones: { select: { id: true, title: true, dueDate: true, doneAt: true }, orderBy: { position: 'asc' } },
  indicators: {
    select: {
      id: true,
      name: true,
      kind: true,
      unit: true,
      target: true,
      actual: true,
      values: { select: { date: true, value: true, comment: true }, orderBy: { date: 'asc' } },
    },
    orderBy: { position: 'asc' },
  },
} as const;

/** One dated actual value of an indicator; the series is in date order, the last one is `actual`. */
export interface IndicatorValueDto {
  date: string;
  value: number;
  comment: string;
}

export interface ActionDto {
  id: string;
  number: number;
  reference: string;
  territory: { slug: string; name: string };
  version: number;
  position: number;
  title: string;
  description: string;
  objectives: string;
  axes: Axis[];
  phase: ActionPhase;
  status: ActionStatus;
  priority: Priority;
  startDate: string | null;
  endDate: string | null;
  pilot: string;
  partners: string[];
  operators: { slug: string; name: string }[];
  budgetCents: number | null;
  financing: { financer: string; operator: string | null; amountCents: number; status: FinancingStatus }[];
  milestones: { id: string; title: string; dueDate: string; doneAt: string | null }[];
  indicators: {
    id: string;
    name: string;
    kind: IndicatorKind;
    unit: string;
    target: number | null;
    actual: number | null;
    values: IndicatorValueDto[];
  }[];
  notes: string;
  links: string[];
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}

type Decimalish = { toNumber(): number } | number | null;
const num = (d: Decimalish) => (d === null ? null : typeof d === 'number' ? d : d.toNumber());
export const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
export const reference = (n: number) => `FA-${n}`;

export interface ActionRow {
  id: string;
  number: number;
  version: number;
  position: number;
  title: string;
  description: string;
  objectives: string;
  axes: Axis[];
  phase: ActionPhase;
  status: ActionStatus;
  priority: Priority;
  startDate: Date | null;
  endDate: Date | null;
  pilot: string;
  partners: string[];
  budgetCents: bigint | null;
  notes: string;
  links: string[];
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  territory: { slug: string; name: string };
  operators: { operator: { slug: string; name: string } }[];
  financing: { financer: string; amountCents: bigint; status: FinancingStatus; operator: { slug: string } | null }[];
  milestones: { id: string; title: string; dueDate: Date; doneAt: Date | null }[];
  indicators: {
    id: string;
    name: string;
    kind: IndicatorKind;
    unit: string;
    target: Decimalish;
    actual: Decimalish;
    values?: { date: Date; value: NonNullable<Decimalish>; comment: string }[];
  }[];
}

export function toActionDto(row: ActionRow, updatedBy: string | null = null): ActionDto {
  return {
    id: row.id,
    number: row.number,
    reference: reference(row.number),
    territory: row.territory,
    version: row.version,
    position: row.position,
    title: row.title,
    description: row.description,
    objectives: row.objectives,
    axes: row.axes,
    phase: row.phase,
    status: row.status,
    priority: row.priority,
    startDate: isoDay(row.startDate),
    endDate: isoDay(row.endDate),
    pilot: row.pilot,
    partners: row.partners,
    operators: row.operators.map((o) => o.operator),
    budgetCents: row.budgetCents === null ? null : Number(row.budgetCents),
    financing: row.financing.map((f) => ({
      financer: f.financer,
      operator: f.operator?.slug ?? null,
      amountCents: Number(f.amountCents),
      status: f.status,
    })),
    milestones: row.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      dueDate: isoDay(m.dueDate) as string,
      doneAt: isoDay(m.doneAt),
    })),
    indicators: row.indicators.map((i) => ({
      id: i.id,
      name: i.name,
      kind: i.kind,
      unit: i.unit,
      target: num(i.target),
      actual: num(i.actual),
      values: (i.values ?? []).map((v) => ({ date: isoDay(v.date) as string, value: num(v.value) as number, comment: v.comment })),
    })),
    notes: row.notes,
    links: row.links,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy,
  };
}

/** The fields a person edits: what history, conflicts and version comparisons speak of. */
export const TRACKED_FIELDS = [
  'title',
  'description',
  'objectives',
  'axes',
  'phase',
  'status',
  'priority',
  'startDate',
  'endDate',
  'pilot',
  'partners',
  'operators',
  'budgetCents',
  'financing',
  'milestones',
  'indicators',
  'notes',
  'links',
  'archivedAt',
] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];

export const FIELD_LABELS: Record<TrackedField, string> = {
  title: 'Titre',
  description: 'Description',
  objectives: 'Objectifs',
  axes: 'Axes',
  phase: 'Phase',
  status: 'Statut',
  priority: 'Priorité',
  startDate: 'Date de début',
  endDate: 'Date de fin prévue',
  pilot: 'Pilote',
  partners: 'Partenaires',
  operators: 'Opérateurs',
  budgetCents: 'Budget prévisionnel',
  financing: 'Financements',
  milestones: 'Jalons',
  indicators: 'Indicateurs',
  notes: 'Notes',
  links: 'Liens',
  archivedAt: 'Archivage',
};

/** Comparable form of a tracked field (ids of sub-rows left out: they change on rewrite). */
export function comparable(dto: Partial<ActionDto>, field: TrackedField): unknown {
  const value = dto[field];
  if (field === 'milestones') return (value as ActionDto['milestones'] | undefined)?.map(({ id: _id, ...m }) => m);
  if (field === 'indicators') return (value as ActionDto['indicators'] | undefined)?.map(({ id: _id, ...i }) => i);
  if (field === 'operators') return (value as ActionDto['operators'] | undefined)?.map((o) => o.slug);
  return value;
}

/** Field-by-field differences between two states of an action. */
export function diffActions(
  before: Partial<ActionDto>,
  after: Partial<ActionDto>,
  fields: readonly TrackedField[] = TRACKED_FIELDS,
): { field: TrackedField; before: unknown; after: unknown }[] {
  const out: { field: TrackedField; before: unknown; after: unknown }[] = [];
  // Snapshots taken before dated indicator values existed have no series: compare
  // them on the other indicator fields only, so an old version does not look changed.
  const noSeries = (d: Partial<ActionDto>) => d.indicators?.some((i) => !('values' in i)) ?? false;
  const seriesless = noSeries(before) || noSeries(after);
  const strip = (v: unknown) =>
    seriesless ? (v as Record<string, unknown>[] | undefined)?.map(({ values: _v, ...i }) => i) : v;
  for (const field of fields) {
    const a = field === 'indicators' ? strip(comparable(before, field)) : comparable(before, field);
    const b = field === 'indicators' ? strip(comparable(after, field)) : comparable(after, field);
    if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) out.push({ field, before: a ?? null, after: b ?? null });
  }
  return out;
}
