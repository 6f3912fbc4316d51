// What an action is, as every reader sees it (UI, API, version snapshots).
// Built from an explicit select: no internal column leaves the server by accident.
// The scalar columns come from the field registry (lib/actions/fields.ts); the DTO's
// type is the output schema's (lib/actions/contracts.ts); the row's is Prisma's own.
import type { Prisma } from '@/lib/generated/prisma/client';
import { COLUMN_SELECT, columnsFromRow } from './fields';
import type { ActionDto } from './contracts';

export type { ActionDto } from './contracts';

export const actionSelect = {
  id: true,
  number: true,
  version: true,
  position: true,
  ...COLUMN_SELECT,
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
export type IndicatorValueDto = ActionDto['indicators'][number]['values'][number];

type Decimalish = { toNumber(): number } | number | null;
const num = (d: Decimalish) => (d === null ? null : typeof d === 'number' ? d : d.toNumber());
export const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
export const reference = (n: number) => `FA-${n}`;

/** A row read with `actionSelect`: Prisma's own payload type, never a hand-written copy. */
export type ActionRow = Prisma.ActionGetPayload<{ select: typeof actionSelect }>;

export function toActionDto(row: ActionRow, updatedBy: string | null = null): ActionDto {
  return {
    id: row.id,
    number: row.number,
    reference: reference(row.number),
    territory: { slug: row.territory.slug, name: row.territory.name },
    version: row.version,
    position: row.position,
    ...columnsFromRow(row),
    operators: row.operators.map((o) => o.operator),
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
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy,
  };
}

// Derived from the registry (lib/actions/fields.ts); re-exported for existing importers.
export { TRACKED_FIELDS, FIELD_LABELS, comparable, diffActions, type TrackedField } from './fields';
