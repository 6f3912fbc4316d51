// What an action is, as every reader sees it (UI, API, version snapshots).
// Built from an explicit select: no internal column leaves the server by accident.
// The scalar columns come from the field registry (lib/actions/fields.ts); the DTO's
// type is the output schema's (lib/actions/contracts.ts); the row's is Prisma's own.
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/db';
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

const RELATIONS = ['operators', 'financing', 'milestones', 'indicators'] as const;

/** The relation parts of the DTO: operators, financing lines, milestones, indicators. */
export type ActionRelationsDto = Pick<ActionDto, (typeof RELATIONS)[number]>;

/** `actionSelect` without its relations (for readers that take them from `readActionRelations`). */
export const actionScalarSelect = Object.fromEntries(
  Object.entries(actionSelect).filter(([key]) => !(RELATIONS as readonly string[]).includes(key)),
) as Omit<typeof actionSelect, (typeof RELATIONS)[number]>;
export type ActionScalarRow = Prisma.ActionGetPayload<{ select: typeof actionScalarSelect }>;

function relationsFromRow(row: ActionRow): ActionRelationsDto {
  return {
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
  };
}

/**
 * The relation parts of many actions' DTOs in one SQL statement, already in the DTO's
 * shape (PostgreSQL writes dates as `YYYY-MM-DD` and numbers as JSON numbers). Same
 * content and order as `actionSelect`'s relations through `toActionDto`, which
 * `tests/integration/action-relations.test.ts` checks on every action of the demo data. Why: for thousands
 * of actions (exports), Prisma materialising the nested rows cost twice as much as the
 * statement (ADR 0026).
 */
export async function readActionRelations(client: Pick<Tx, '$queryRaw'>, ids: readonly string[]): Promise<Map<string, ActionRelationsDto>> {
  if (!ids.length) return new Map();
  const rows = await client.$queryRaw<({ id: string } & ActionRelationsDto)[]>`
    select a.id,
      (select coalesce(json_agg(json_build_object('slug', o.slug, 'name', o.name) order by o.name), '[]')
         from "ActionOperator" ao join "Operator" o on o.id = ao."operatorId" where ao."actionId" = a.id) as operators,
      (select coalesce(json_agg(json_build_object('financer', f.financer, 'operator', o.slug,
                'amountCents', f."amountCents", 'status', f.status) order by f.position), '[]')
         from "FinancingLine" f left join "Operator" o on o.id = f."operatorId" where f."actionId" = a.id) as financing,
      (select coalesce(json_agg(json_build_object('id', m.id, 'title', m.title, 'dueDate', m."dueDate",
                'doneAt', m."doneAt") order by m.position), '[]')
         from "Milestone" m where m."actionId" = a.id) as milestones,
      (select coalesce(json_agg(json_build_object('id', i.id, 'name', i.name, 'kind', i.kind, 'unit', i.unit,
                'target', i.target, 'actual', i.actual,
                'values', (select coalesce(json_agg(json_build_object('date', v.date, 'value', v.value,
                             'comment', v.comment) order by v.date), '[]')
                           from "IndicatorValue" v where v."indicatorId" = i.id)) order by i.position), '[]')
         from "Indicator" i where i."actionId" = a.id) as indicators
    from "Action" a where a.id = any(${ids as string[]}::text[])`;
  return new Map(rows.map(({ id, ...relations }) => [id, relations]));
}

export function toActionDto(row: ActionRow, updatedBy: string | null = null): ActionDto {
  return toActionDtoWith(row, relationsFromRow(row), updatedBy);
}

/** The DTO from a row read with `actionScalarSelect` and its relations read apart. */
export function toActionDtoWith(row: ActionScalarRow, relations: ActionRelationsDto, updatedBy: string | null = null): ActionDto {
  return {
    id: row.id,
    number: row.number,
    reference: reference(row.number),
    territory: { slug: row.territory.slug, name: row.territory.name },
    version: row.version,
    position: row.position,
    ...columnsFromRow(row),
    ...relations,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy,
  };
}

// Derived from the registry (lib/actions/fields.ts); re-exported for existing importers.
export { TRACKED_FIELDS, FIELD_LABELS, comparable, diffActions, type TrackedField } from './fields';
