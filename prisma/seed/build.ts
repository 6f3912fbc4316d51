// Shared builders for the demo and national datasets: territories with their
// team and plan, and actions with financing, milestones, indicators and history.
// Bulk inserts (createMany) with client-side ids keep the national seed fast.
import crypto from 'node:crypto';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import type { ActionPhase, ActionStatus, Priority, Role, TerritoryPhase } from '../../lib/generated/prisma/enums';
import { deriveTerritoryGeography } from '../../lib/territories/composition';
import { FIRST_NAMES, LAST_NAMES, TEMPLATES, type ActionTemplate } from './content';

export type Db = PrismaClient;

/** Deterministic PRNG (mulberry32): the same seed gives the same dataset. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
  };
}
export type Rng = ReturnType<typeof rng>;

const id = () => crypto.randomUUID();

export interface Person {
  email: string;
  name: string;
  title: string;
}

export interface TerritorySpec {
  slug: string;
  name: string;
  phase: TerritoryPhase;
  officialId?: string;
  epcis: string[];
  illustrative: boolean;
  lead: Person;
  elu: Person;
  industriel: Person;
}

export interface CreatedTerritory {
  id: string;
  slug: string;
  planId: string;
  leadId: string;
}

export function personName(r: Rng): string {
  return `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
}

export async function createUsers(
  db: Db,
  users: { id?: string; email: string; name: string; memberships: { role: Role; territoryId?: string; regionCode?: string; operatorId?: string; title?: string }[] }[],
  passwordHash: string,
): Promise<Map<string, string>> {
  const rows = users.map((u) => ({ id: u.id ?? id(), email: u.email.toLowerCase(), name: u.name, passwordHash }));
  await db.user.createMany({ data: rows });
  await db.membership.createMany({
    data: users.flatMap((u, i) =>
      u.memberships.map((m) => ({
        userId: rows[i]!.id,
        role: m.role,
        territoryId: m.territoryId ?? null,
        regionCode: m.regionCode ?? null,
        operatorId: m.operatorId ?? null,
        title: m.title ?? null,
      })),
    ),
  });
  return new Map(rows.map((r) => [r.email, r.id]));
}

export async function createTerritories(db: Db, specs: TerritorySpec[], passwordHash: string): Promise<CreatedTerritory[]> {
  const epcis = await db.epci.findMany({
    where: { siren: { in: specs.flatMap((s) => s.epcis) } },
    select: { siren: true, departementCodes: true, regionCodes: true, population: true },
  });
  const bySiren = new Map(epcis.map((e) => [e.siren, e]));
  const territories = specs.map((s) => {
    const members = s.epcis.map((siren) => {
      const e = bySiren.get(siren);
      if (!e) throw new Error(`EPCI ${siren} introuvable pour ${s.name}`);
      return e;
    });
    return {
      id: id(),
      slug: s.slug,
      name: s.name,
      officialId: s.officialId ?? null,
      phase: s.phase,
      compositionIllustrative: s.illustrative,
      ...deriveTerritoryGeography(members),
    };
  });
  await db.territory.createMany({ data: territories });
  await db.territoryEpci.createMany({
    data: specs.flatMap((s, i) => s.epcis.map((epciSiren) => ({ territoryId: territories[i]!.id, epciSiren }))),
  });
  const plans = territories.map((t) => ({ id: id(), territoryId: t.id }));
  await db.actionPlan.createMany({ data: plans });
  const leadIds = specs.map(() => id());
  await createUsers(
    db,
    specs.flatMap((s, i) => [
      { id: leadIds[i], email: s.lead.email, name: s.lead.name, memberships: [{ role: 'PROJECT_LEAD' as Role, territoryId: territories[i]!.id, title: s.lead.title }] },
      { email: s.elu.email, name: s.elu.name, memberships: [{ role: 'ELECTED_OFFICIAL' as Role, territoryId: territories[i]!.id, title: s.elu.title }] },
      { email: s.industriel.email, name: s.industriel.name, memberships: [{ role: 'INDUSTRIALIST' as Role, territoryId: territories[i]!.id, title: s.industriel.title }] },
    ]),
    passwordHash,
  );
  return territories.map((t, i) => ({ id: t.id, slug: t.slug, planId: plans[i]!.id, leadId: leadIds[i]! }));
}

const STATUS_WEIGHTS: [ActionStatus, number][] = [
  ['NOT_STARTED', 22],
  ['IN_PROGRESS', 40],
  ['DONE', 14],
  ['PAUSED', 5],
  ['BLOCKED', 6],
  ['LATE', 9],
  ['ABANDONED', 4],
];

function weighted<T>(r: Rng, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r.next() * total;
  for (const [v, w] of items) {
    if ((x -= w) < 0) return v;
  }
  return items[0]![0];
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

export interface ActionBatchItem {
  territory: CreatedTerritory;
  templates: ActionTemplate[];
  history: number; // max number of update entries per action
}

/** Inserts actions with their children and their audit history. Returns the number of actions. */
export async function createActions(db: Db, items: ActionBatchItem[], r: Rng, operatorIds: Map<string, string>): Promise<number> {
  const actions: object[] = [];
  const financing: object[] = [];
  const milestones: object[] = [];
  const indicators: object[] = [];
  const links: object[] = [];
  const audit: object[] = [];
  const values: object[] = [];
  const today = new Date();
  for (const item of items) {
    const mark = { actions: actions.length, milestones: milestones.length, indicators: indicators.length, audit: audit.length };
    item.templates.forEach((tpl, index) => {
      const actionId = id();
      const status = weighted(r, STATUS_WEIGHTS);
      const phase: ActionPhase = status === 'NOT_STARTED' ? r.pick(['IDEA', 'STUDY'] as const) : r.pick(['STUDY', 'OPERATION', 'OPERATION'] as const);
      const priority: Priority = r.pick(['LOW', 'MEDIUM', 'MEDIUM', 'HIGH'] as const);
      const start = addDays(day('2023-09-01'), r.int(0, 700));
      const end = addDays(start, r.int(180, 1100));
      const budget = Math.round((tpl.budget * (0.6 + r.next() * 0.8)) / 1000) * 1000;
      const createdAt = addDays(start, -r.int(10, 90));
      const updatedAt = new Date(Math.min(today.getTime(), addDays(createdAt, r.int(1, 900)).getTime()));
      const base = {
        id: actionId,
        planId: item.territory.planId,
        territoryId: item.territory.id,
        number: index + 1,
        position: index + 1,
        title: tpl.title,
        description: tpl.description,
        objectives: tpl.objectives,
        axes: tpl.axes,
        phase,
        status,
        priority,
        startDate: start,
        endDate: end,
        pilot: r.pick(['Intercommunalité', 'Chef de projet Territoires d’industrie', 'CCI', 'Club d’entreprises', 'Région']),
        partners: tpl.partners,
        budgetCents: BigInt(budget * 100),
        createdAt,
        updatedAt,
        createdById: item.territory.leadId,
        updatedById: item.territory.leadId,
      };
      actions.push(base);
      tpl.financers.forEach(([financer, operator, share], i) => {
        const granted = status === 'DONE' || (status === 'IN_PROGRESS' && r.next() < 0.6);
        financing.push({
          id: id(),
          actionId,
          position: i + 1,
          financer,
          operatorId: operator ? (operatorIds.get(operator) ?? null) : null,
          amountCents: BigInt(Math.round(budget * share) * 100),
          status: granted ? 'GRANTED' : r.pick(['PLANNED', 'REQUESTED', 'REQUESTED'] as const),
        });
      });
      tpl.milestones.forEach((title, i) => {
        const due = addDays(start, Math.round(((i + 1) / tpl.milestones.length) * (end.getTime() - start.getTime()) / 86_400_000));
        const done = status === 'DONE' || (due < today && r.next() < 0.7);
        milestones.push({ id: id(), actionId, position: i + 1, title, dueDate: day(iso(due)), doneAt: done ? day(iso(addDays(due, -r.int(0, 20)))) : null });
      });
      const [name, kind, unit, target] = tpl.indicator;
      const progress = status === 'DONE' ? 1 : status === 'NOT_STARTED' ? 0 : r.next() * 0.8;
      indicators.push({ id: id(), actionId, position: 1, name, kind, unit, target, actual: Math.round(target * progress) });
      for (const slug of tpl.operators) {
        const operatorId = operatorIds.get(slug);
        if (operatorId) links.push({ actionId, operatorId });
      }
      const leadRole = 'PROJECT_LEAD';
      audit.push({
        at: createdAt,
        actorId: item.territory.leadId,
        actorRole: leadRole,
        entityType: 'Action',
        entityId: actionId,
        operation: 'create',
        entityVersion: 1,
        territoryId: item.territory.id,
        before: undefined,
        after: { title: tpl.title, axes: tpl.axes, phase, status: 'NOT_STARTED', priority, budgetCents: budget * 100 },
      });
      // A plausible trail of status changes ending in the current status.
      const steps = Math.min(item.history, r.int(0, item.history));
      const trail: ActionStatus[] = status === 'NOT_STARTED' ? [] : (['IN_PROGRESS', ...(status === 'IN_PROGRESS' ? [] : [status])] as ActionStatus[]).slice(-Math.max(1, steps));
      let previous: ActionStatus = 'NOT_STARTED';
      let version = 1;
      trail.forEach((next, i) => {
        version += 1;
        audit.push({
          at: new Date(createdAt.getTime() + ((i + 1) / (trail.length + 1)) * (updatedAt.getTime() - createdAt.getTime())),
          actorId: item.territory.leadId,
          actorRole: leadRole,
          entityType: 'Action',
          entityId: actionId,
          operation: next === 'DONE' ? 'progress' : 'update',
          entityVersion: version,
          territoryId: item.territory.id,
          before: { status: previous },
          after: { status: next },
        });
        previous = next;
      });
      (base as { version?: number }).version = version;
    });
    values.push(
      ...recentHistory(item.territory.slug, today, {
        actions: actions.slice(mark.actions) as SeedAction[],
        milestones: milestones.slice(mark.milestones) as SeedMilestone[],
        indicators: indicators.slice(mark.indicators) as SeedIndicator[],
        audit: audit.slice(mark.audit) as SeedAudit[],
      }),
    );
  }
  const chunk = async <T>(rows: T[], insert: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 2000) await insert(rows.slice(i, i + 2000));
  };
  await chunk(actions, (data) => db.action.createMany({ data: data as never }));
  await chunk(financing, (data) => db.financingLine.createMany({ data: data as never }));
  await chunk(milestones, (data) => db.milestone.createMany({ data: data as never }));
  await chunk(indicators, (data) => db.indicator.createMany({ data: data as never }));
  await chunk(links, (data) => db.actionOperator.createMany({ data: data as never, skipDuplicates: true }));
  await chunk(audit, (data) => db.auditLog.createMany({ data: data as never }));
  await chunk(values, (data) => db.indicatorValue.createMany({ data: data as never }));
  return actions.length;
}

interface SeedAction { id: string; startDate: Date; endDate: Date; createdAt: Date; updatedAt: Date }
interface SeedMilestone { actionId: string; dueDate: Date; doneAt: Date | null }
interface SeedIndicator { id: string; actionId: string; actual: number | null }
interface SeedAudit { entityId: string; at: Date }

/** A stable number from a slug (a territory's own random stream, apart from the shared one). */
const slugSeed = (slug: string) => [...slug].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);

/**
 * Moves a territory's history to recent dates and gives its indicators dated values.
 *
 * The shared random stream (`r`) draws the same numbers as before, so every seeded fact
 * (statuses, budgets, financing, which milestones are done) is unchanged; only dates move.
 * Each territory gets a profile from its own stream: most were updated in the last weeks
 * and have caught up their past milestones (on track), some keep late milestones (to
 * watch), a few have not been updated for three months or more (off track). The whole
 * history of the territory is shifted by one number of days, so that its latest update
 * lands at the profile's date; past events never go beyond today. Tarn Nord, the
 * journeys' territory, is "to watch": updated recently, with its late milestones.
 */
function recentHistory(
  slug: string,
  today: Date,
  rows: { actions: SeedAction[]; milestones: SeedMilestone[]; indicators: SeedIndicator[]; audit: SeedAudit[] },
): object[] {
  if (!rows.actions.length) return [];
  const rd = rng(slugSeed(slug));
  const roll = rd.next();
  const profile = slug === 'tarn-nord' ? 'watch' : roll < 0.5 ? 'track' : roll < 0.8 ? 'watch' : 'stale';
  const daysAgo = profile === 'track' ? rd.int(2, 25) : profile === 'watch' ? rd.int(5, 45) : rd.int(95, 160);
  const latest = Math.max(...rows.actions.map((a) => a.updatedAt.getTime()));
  const shift = Math.round((today.getTime() - daysAgo * 86_400_000 - latest) / 86_400_000);
  const move = (d: Date) => addDays(d, shift);
  const past = (d: Date) => new Date(Math.min(d.getTime(), today.getTime()));
  for (const a of rows.actions) {
    a.startDate = move(a.startDate);
    a.endDate = move(a.endDate);
    a.createdAt = past(move(a.createdAt));
    a.updatedAt = past(move(a.updatedAt));
  }
  for (const l of rows.audit) l.at = past(move(l.at));
  const todayDay = day(iso(today));
  for (const m of rows.milestones) {
    m.dueDate = move(m.dueDate);
    if (m.doneAt) m.doneAt = day(iso(past(move(m.doneAt))));
    // An on-track territory has done its past milestones, a few days after they fell due.
    else if (profile === 'track' && m.dueDate < todayDay) m.doneAt = day(iso(past(addDays(m.dueDate, rd.int(0, 12)))));
  }
  // Dated indicator values: a rising series from the action's start to its last change,
  // ending with the current value (the current value is the latest dated one).
  const byId = new Map(rows.actions.map((a) => [a.id, a]));
  const values: object[] = [];
  for (const ind of rows.indicators) {
    const action = byId.get(ind.actionId);
    if (ind.actual === null || !action) continue;
    const from = Math.max(action.createdAt.getTime(), action.updatedAt.getTime() - 540 * 86_400_000);
    const to = action.updatedAt.getTime();
    const points = ind.actual > 0 ? rd.int(3, 6) : 1;
    const seen = new Set<string>();
    for (let k = 1; k <= points; k++) {
      const date = iso(new Date(points === 1 ? to : from + ((to - from) * (k - 1)) / (points - 1)));
      if (seen.has(date)) continue;
      seen.add(date);
      const value = k === points ? ind.actual : Math.round((ind.actual * k * (0.7 + rd.next() * 0.3)) / points);
      values.push({ indicatorId: ind.id, date: day(date), value, comment: '' });
    }
    // The last point carries the current value even when two points fell on one day.
    const last = values.at(-1) as { indicatorId: string; value: number } | undefined;
    if (last?.indicatorId === ind.id) last.value = ind.actual;
  }
  return values;
}

export function templatesFor(r: Rng, count: number, first?: ActionTemplate[]): ActionTemplate[] {
  const out = [...(first ?? [])];
  // Phase I shares: transition 24 %, innovation 18 %, skills 32 %, land 18 %, rest multi-axis.
  const byAxis = (axis: string, multi: boolean) => TEMPLATES.filter((t) => (multi ? t.axes.length > 1 : t.axes.length === 1 && t.axes[0] === axis));
  while (out.length < count) {
    const x = r.next();
    const pool =
      x < 0.24 ? byAxis('ECOLOGICAL_TRANSITION', false) : x < 0.42 ? byAxis('INNOVATION', false) : x < 0.74 ? byAxis('SKILLS', false) : x < 0.92 ? byAxis('INDUSTRIAL_LAND', false) : byAxis('', true);
    out.push(r.pick(pool));
  }
  return out;
}

export const OPERATORS: { slug: string; name: string; kind: 'OPERATOR' | 'STATE_SERVICE' }[] = [
  { slug: 'banque-des-territoires', name: 'Banque des Territoires', kind: 'OPERATOR' },
  { slug: 'bpifrance', name: 'Bpifrance', kind: 'OPERATOR' },
  { slug: 'ademe', name: 'ADEME', kind: 'OPERATOR' },
  { slug: 'business-france', name: 'Business France', kind: 'OPERATOR' },
  { slug: 'france-travail', name: 'France Travail', kind: 'OPERATOR' },
  { slug: 'cerema', name: 'Cerema', kind: 'OPERATOR' },
  { slug: 'action-logement', name: 'Action Logement', kind: 'OPERATOR' },
  { slug: 'apec', name: 'APEC', kind: 'OPERATOR' },
  { slug: 'dge', name: 'DGE', kind: 'STATE_SERVICE' },
  { slug: 'prefectures', name: 'Préfectures', kind: 'STATE_SERVICE' },
];
