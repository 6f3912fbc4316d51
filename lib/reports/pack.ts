// Committee packs: what a territory's project committee, a region's revue régionale
// and the programme's governance look at, assembled from live data and within the
// actor's scope (every read goes through a domain function that authorises itself).
// The result is format-neutral (sections of paragraphs, tables and charts); ./render-pdf
// and ./render-docx lay it out.
import { db } from '@/lib/db';
import { authorize, territoryWhere, type Actor } from '@/lib/authz/policy';
import { scopedActionWhere, type ProgrammeFilters } from '@/lib/actions/programme-filters';
import { reference, FIELD_LABELS, TRACKED_FIELDS, type TrackedField } from '@/lib/actions/dto';
import { getRegion, getTerritoryRef } from '@/lib/territories/queries';
import { listCommitments } from '@/lib/commitments/queries';
import { committeeWhere, listRegionCommittees } from '@/lib/committees/queries';
import { healthByTerritoryId, countHealth } from '@/lib/health/queries';
import { HEALTH_LABELS, HEALTH_RANK } from '@/lib/health/territory-health';
import { parisDay } from '@/lib/commitments/rules';
import { programmeSeries, regionSeries, territorySeries, type ProgressSeries } from './series';
import { progressCharts, type Chart } from './charts';
import {
  ACTION_STATUS_LABELS,
  AXIS_LABELS,
  AXIS_SHORT_LABELS,
  FINANCING_STATUS_LABELS,
  PHASE_LABELS,
  PRIORITY_LABELS,
  formatDate,
  formatEuros,
} from '@/lib/labels';
import { getAction } from '@/lib/actions/queries';
import { AXES, STATUSES } from '@/lib/actions/schemas';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ActionStatus, Axis } from '@/lib/generated/prisma/enums';

export interface PackTable {
  head: string[];
  rows: string[][];
  /** Relative column widths. */
  widths?: number[];
}

export interface PackSection {
  heading: string;
  paragraphs: string[];
  table?: PackTable;
  charts?: Chart[];
}

export interface Pack {
  kind: 'territory' | 'region' | 'programme' | 'action';
  title: string;
  subtitle: string;
  /** YYYY-MM-DD */
  date: string;
  period: { from: string; to: string; label: string };
  keyFigures: { label: string; value: string }[];
  sections: PackSection[];
  filename: string;
}

const DEFAULT_PERIOD_DAYS = 90;
const MAX_LIST = 150;
const int = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const num = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const clip = <T>(rows: T[], max = MAX_LIST) => rows.slice(0, max);
const more = (n: number, max = MAX_LIST) => (n > max ? [`(${int.format(max)} premières lignes sur ${int.format(n)} ; la liste complète est dans l'export XLSX.)`] : []);

async function actionsOf(where: Prisma.ActionWhereInput) {
  return db.action.findMany({
    where: { AND: [where, { archivedAt: null }] },
    orderBy: [{ territory: { name: 'asc' } }, { position: 'asc' }],
    select: {
      id: true,
      number: true,
      title: true,
      axes: true,
      status: true,
      budgetCents: true,
      endDate: true,
      territory: { select: { name: true, slug: true } },
      financing: { select: { amountCents: true, status: true } },
    },
  });
}

async function lateMilestonesOf(where: Prisma.ActionWhereInput, today: string) {
  return db.milestone.findMany({
    where: { doneAt: null, dueDate: { lt: new Date(`${today}T00:00:00Z`) }, action: { AND: [where, { archivedAt: null }] } },
    orderBy: [{ dueDate: 'asc' }],
    select: { title: true, dueDate: true, action: { select: { number: true, title: true, territory: { select: { name: true } } } } },
  });
}

function keyFigures(actions: Awaited<ReturnType<typeof actionsOf>>, late: number, extra: { label: string; value: string }[] = []) {
  const budget = actions.reduce((s, a) => s + Number(a.budgetCents ?? 0n), 0);
  const granted = actions.reduce((s, a) => s + a.financing.reduce((t, f) => t + (f.status === 'GRANTED' ? Number(f.amountCents) : 0), 0), 0);
  const done = actions.filter((a) => a.status === 'DONE').length;
  const blocked = actions.filter((a) => a.status === 'BLOCKED').length;
  return [
    { label: 'Actions du plan', value: int.format(actions.length) },
    { label: 'Actions réalisées', value: int.format(done) },
    { label: 'Actions bloquées', value: int.format(blocked) },
    { label: 'Budget prévisionnel', value: formatEuros(budget) },
    { label: 'Financements accordés', value: formatEuros(granted) },
    { label: 'Jalons en retard', value: int.format(late) },
    ...extra,
  ];
}

function actionsByAxis(actions: Awaited<ReturnType<typeof actionsOf>>, withTerritory: boolean): PackSection {
  const rows: string[][] = [];
  for (const axis of AXES) {
    const of = actions.filter((a) => (a.axes[0] ?? 'ECOLOGICAL_TRANSITION') === axis);
    for (const a of of) {
      rows.push([
        AXIS_SHORT_LABELS[axis],
        ...(withTerritory ? [a.territory.name] : []),
        `${reference(a.number)} ${a.title}`,
        ACTION_STATUS_LABELS[a.status],
        formatEuros(a.budgetCents),
        formatDate(a.endDate),
      ]);
    }
  }
  return {
    heading: 'Actions par axe',
    paragraphs: [
      AXES.map((x) => `${AXIS_LABELS[x]} : ${actions.filter((a) => (a.axes[0] ?? 'ECOLOGICAL_TRANSITION') === x).length} action(s)`).join(' ; ') + '.',
      ...more(rows.length),
    ],
    table: {
      head: ['Axe', ...(withTerritory ? ['Territoire'] : []), 'Action', 'Statut', 'Budget', 'Fin prévue'],
      rows: clip(rows),
      widths: withTerritory ? [2, 2.5, 5, 1.6, 1.8, 1.6] : [2, 6, 1.6, 1.8, 1.6],
    },
  };
}

/** Axis × status summary, for the programme (listing every action would run to hundreds of pages). */
function axisStatusTable(actions: Awaited<ReturnType<typeof actionsOf>>): PackSection {
  const rows = AXES.map((axis) => {
    const of = actions.filter((a) => a.axes.includes(axis));
    return [
      AXIS_SHORT_LABELS[axis],
      int.format(of.length),
      ...(['IN_PROGRESS', 'DONE', 'BLOCKED', 'LATE'] as ActionStatus[]).map((s) => int.format(of.filter((a) => a.status === s).length)),
      formatEuros(of.reduce((t, a) => t + Number(a.budgetCents ?? 0n), 0)),
    ];
  });
  return {
    heading: 'Actions par axe',
    paragraphs: ['Une action peut relever de plusieurs axes : elle compte dans chacun.'],
    table: { head: ['Axe', 'Actions', 'En cours', 'Réalisées', 'Bloquées', 'En retard', 'Budget'], rows, widths: [2.4, 1, 1, 1, 1, 1, 2] },
  };
}

function lateSection(late: Awaited<ReturnType<typeof lateMilestonesOf>>, withTerritory: boolean): PackSection {
  return {
    heading: 'Jalons en retard',
    paragraphs: late.length ? [`${int.format(late.length)} jalon(s) dont l'échéance est passée sans réalisation.`, ...more(late.length)] : ['Aucun jalon en retard.'],
    table: late.length
      ? {
          head: [...(withTerritory ? ['Territoire'] : []), 'Action', 'Jalon', 'Échéance'],
          rows: clip(late).map((m) => [
            ...(withTerritory ? [m.action.territory.name] : []),
            `${reference(m.action.number)} ${m.action.title}`,
            m.title,
            formatDate(m.dueDate),
          ]),
          widths: withTerritory ? [2.5, 5, 3.5, 1.6] : [6, 4, 1.6],
        }
      : undefined,
  };
}

async function changesSince(territoryIds: string[], since: Date, withTerritory: boolean): Promise<PackSection> {
  const rows = territoryIds.length
    ? await db.auditLog.findMany({
        where: { entityType: 'Action', territoryId: { in: territoryIds }, at: { gte: since } },
        orderBy: { id: 'desc' },
        select: { at: true, operation: true, entityId: true, before: true, after: true },
      })
    : [];
  const ids = [...new Set(rows.map((r) => r.entityId))];
  const actions = ids.length
    ? await db.action.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, title: true, territory: { select: { name: true } } } })
    : [];
  const byId = new Map(actions.map((a) => [a.id, a]));
  const created = rows.filter((r) => r.operation === 'create').length;
  const transitions = new Map<string, number>();
  for (const r of rows) {
    const a = r.after as Record<string, unknown> | null;
    const b = r.before as Record<string, unknown> | null;
    if (r.operation !== 'create' && a && typeof a.status === 'string') {
      const key = `${ACTION_STATUS_LABELS[(b?.status as ActionStatus) ?? 'NOT_STARTED']} > ${ACTION_STATUS_LABELS[a.status as ActionStatus]}`;
      transitions.set(key, (transitions.get(key) ?? 0) + 1);
    }
  }
  const OPERATION: Record<string, string> = { create: 'Création', update: 'Modification', progress: 'Mise à jour rapide', archive: 'Archivage', restore: 'Restauration' };
  const table = rows.map((r) => {
    const a = byId.get(r.entityId);
    const fields = Object.keys((r.after as object | null) ?? {}).filter((f): f is TrackedField => (TRACKED_FIELDS as readonly string[]).includes(f));
    return [
      formatDate(r.at),
      ...(withTerritory ? [a?.territory.name ?? ''] : []),
      a ? `${reference(a.number)} ${a.title}` : '',
      OPERATION[r.operation] ?? r.operation,
      r.operation === 'create' ? '' : fields.map((f) => FIELD_LABELS[f]).join(', '),
    ];
  });
  return {
    heading: 'Évolutions depuis le comité précédent',
    paragraphs: [
      rows.length
        ? `${int.format(rows.length)} modification(s) enregistrée(s) sur ${int.format(ids.length)} action(s), dont ${int.format(created)} création(s).`
        : 'Aucune modification enregistrée sur la période.',
      ...(transitions.size ? [`Changements de statut : ${[...transitions].map(([k, n]) => `${k} (${n})`).join(' ; ')}.`] : []),
      ...more(rows.length),
    ],
    table: rows.length
      ? { head: ['Date', ...(withTerritory ? ['Territoire'] : []), 'Action', 'Opération', 'Champs modifiés'], rows: clip(table), widths: withTerritory ? [1.5, 2.3, 4.5, 1.8, 3] : [1.5, 5.5, 2, 4] }
      : undefined,
  };
}

async function planDecisions(territoryIds: string[], since: Date) {
  return territoryIds.length
    ? db.review.findMany({
        where: { kind: { in: ['VALIDATE', 'REQUEST_CHANGES'] }, createdAt: { gte: since }, planVersion: { plan: { territoryId: { in: territoryIds } } } },
        orderBy: { createdAt: 'asc' },
        select: {
          createdAt: true,
          kind: true,
          tier: true,
          body: true,
          planVersion: { select: { number: true, plan: { select: { territory: { select: { name: true } } } } } },
        },
      })
    : [];
}

function decisionsSection(
  reviews: Awaited<ReturnType<typeof planDecisions>>,
  committees: { date: string; title: string; decisions: string; region: { name: string } }[],
): PackSection {
  const TIER: Record<string, string> = { LOCAL: 'binôme', REGIONAL: 'région', NATIONAL: 'national' };
  return {
    heading: 'Décisions enregistrées',
    paragraphs: [
      ...committees.map((c) => `${c.title} (${c.region.name}, ${formatDate(c.date)}) : ${c.decisions.trim() || 'aucune décision consignée.'}`),
      ...(reviews.length ? [] : ['Aucune décision sur le plan (validation ou demande de modifications) pendant la période.']),
      ...(committees.length ? [] : ['Aucun comité régional enregistré pendant la période.']),
    ],
    table: reviews.length
      ? {
          head: ['Date', 'Territoire', 'Version', 'Décision', 'Commentaire'],
          rows: clip(reviews).map((r) => [
            formatDate(r.createdAt),
            r.planVersion.plan.territory.name,
            `n° ${r.planVersion.number}`,
            `${r.kind === 'VALIDATE' ? 'Validation' : 'Demande de modifications'} (${TIER[r.tier] ?? r.tier})`,
            r.body ?? '',
          ]),
          widths: [1.5, 2.5, 1.2, 3, 4],
        }
      : undefined,
  };
}

async function commitmentsSection(actor: Actor, filter: Record<string, string>): Promise<PackSection> {
  const items = await listCommitments(actor, filter);
  const late = items.filter((c) => c.late).length;
  const under = items.filter((c) => c.underDelivered).length;
  const amount = (c: (typeof items)[number], v: number) => (c.unit === 'EUR' ? formatEuros(Math.round(v * 100)) : `${num.format(v)} ${c.unit}`);
  return {
    heading: 'Engagements des opérateurs',
    paragraphs: [
      items.length
        ? `${int.format(items.length)} engagement(s) dans le périmètre, dont ${int.format(late)} en retard et ${int.format(under)} en deçà du rythme attendu.`
        : 'Aucun engagement d’opérateur dans le périmètre.',
      ...more(items.length),
    ],
    table: items.length
      ? {
          head: ['Opérateur', 'Engagement', 'Promis', 'Réalisé', 'Échéance', 'Alerte'],
          rows: clip(items).map((c) => [
            c.operator.name,
            c.title,
            amount(c, c.promised),
            amount(c, c.delivered),
            formatDate(c.dueDate),
            c.late ? 'En retard' : c.underDelivered ? 'En deçà' : '—',
          ]),
          widths: [2.2, 4.5, 1.8, 1.8, 1.5, 1.3],
        }
      : undefined,
  };
}

function chartsSection(series: ProgressSeries, scopeLabel: string): PackSection {
  const charts = progressCharts(series, scopeLabel);
  return { heading: 'Évolution', paragraphs: charts.map((c) => `${c.title} : ${c.summary}`), charts };
}

const periodOf = (from: Date, to: string, lastCommittee: { date: string; title: string } | null) => ({
  from: parisDay(from),
  to,
  label: lastCommittee
    ? `depuis le comité précédent (${lastCommittee.title}, ${formatDate(lastCommittee.date)})`
    : `sur les ${DEFAULT_PERIOD_DAYS} derniers jours (aucun comité précédent enregistré)`,
});

async function lastCommittees(actor: Actor, regionCodes: string[], today: string) {
  const pages = await Promise.all(regionCodes.map((code) => listRegionCommittees(actor, code, { to: today }).catch(() => null)));
  return pages
    .flatMap((p) => p?.items ?? [])
    .sort((a, b) => b.date.localeCompare(a.date));
}

/** The project committee's pack of one territory. */
export async function territoryPack(actor: Actor, slug: string, now: Date = new Date()): Promise<Pack> {
  const t = await getTerritoryRef(actor, slug);
  const today = parisDay(now);
  const where: Prisma.ActionWhereInput = { territoryId: t.id };
  const committees = await lastCommittees(actor, t.regionCodes, today);
  const previous = committees[0] ?? null;
  const since = previous ? new Date(`${previous.date}T00:00:00Z`) : new Date(now.getTime() - DEFAULT_PERIOD_DAYS * 86_400_000);
  const [actions, late, health, series, changes, reviews, commitments] = await Promise.all([
    actionsOf(where),
    lateMilestonesOf(where, today),
    healthByTerritoryId([t.id], now),
    territorySeries(actor, slug, now),
    changesSince([t.id], since, false),
    planDecisions([t.id], since),
    commitmentsSection(actor, { territory: slug }),
  ]);
  const h = health.get(t.id);
  return {
    kind: 'territory',
    title: `Comité de projet — ${t.name}`,
    subtitle: `Territoire d'industrie ${t.name}`,
    date: today,
    period: periodOf(since, today, previous),
    keyFigures: keyFigures(actions, late.length, h ? [{ label: 'État', value: HEALTH_LABELS[h.status] }] : []),
    sections: [
      { heading: 'État du territoire', paragraphs: h ? [`${HEALTH_LABELS[h.status]} : ${h.summary}.`] : ['Non calculé.'] },
      chartsSection(series, t.name),
      actionsByAxis(actions, false),
      lateSection(late, false),
      changes,
      decisionsSection(reviews, committees.filter((c) => c.date >= parisDay(since))),
      commitments,
    ],
    filename: `comite-de-projet-${t.slug}-${today}`,
  };
}

function healthTable(
  territories: { id: string; name: string }[],
  health: Awaited<ReturnType<typeof healthByTerritoryId>>,
  onlyAlerts: boolean,
): PackSection {
  const rows = territories
    .map((t) => ({ t, h: health.get(t.id) }))
    .filter((r) => r.h && (!onlyAlerts || r.h.status !== 'ON_TRACK'))
    .sort((a, b) => HEALTH_RANK[a.h!.status] - HEALTH_RANK[b.h!.status] || a.t.name.localeCompare(b.t.name, 'fr'));
  const counts = countHealth([...health.values()].map((h) => ({ health: h })));
  return {
    heading: 'État des territoires',
    paragraphs: [
      `${int.format(counts.OFF_TRACK)} en difficulté, ${int.format(counts.TO_WATCH)} à surveiller, ${int.format(counts.ON_TRACK)} en bonne voie.`,
      ...(onlyAlerts ? ['Seuls les territoires en difficulté ou à surveiller sont listés.'] : []),
      ...more(rows.length),
    ],
    table: { head: ['Territoire', 'État', 'Raisons'], rows: clip(rows).map((r) => [r.t.name, HEALTH_LABELS[r.h!.status], r.h!.summary]), widths: [3, 1.8, 7] },
  };
}

/** The revue régionale's pack of one region. */
export async function regionPack(actor: Actor, code: string, now: Date = new Date()): Promise<Pack> {
  const region = await getRegion(actor, code);
  const today = parisDay(now);
  const territories = await db.territory.findMany({
    where: { AND: [territoryWhere(actor), { regionCodes: { has: code } }] },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  });
  const ids = territories.map((t) => t.id);
  const where: Prisma.ActionWhereInput = { territoryId: { in: ids } };
  const committees = await lastCommittees(actor, [code], today);
  const previous = committees[0] ?? null;
  const since = previous ? new Date(`${previous.date}T00:00:00Z`) : new Date(now.getTime() - DEFAULT_PERIOD_DAYS * 86_400_000);
  const [actions, late, health, series, changes, reviews, commitments] = await Promise.all([
    actionsOf(where),
    lateMilestonesOf(where, today),
    healthByTerritoryId(ids, now),
    regionSeries(actor, code, now),
    changesSince(ids, since, true),
    planDecisions(ids, since),
    commitmentsSection(actor, { region: code }),
  ]);
  const counts = countHealth([...health.values()].map((h) => ({ health: h })));
  return {
    kind: 'region',
    title: `Revue régionale — ${region.name}`,
    subtitle: `Territoires d'industrie de la région ${region.name}`,
    date: today,
    period: periodOf(since, today, previous),
    keyFigures: keyFigures(actions, late.length, [
      { label: 'Territoires', value: int.format(territories.length) },
      { label: 'Territoires en difficulté', value: int.format(counts.OFF_TRACK) },
    ]),
    sections: [
      healthTable(territories, health, false),
      chartsSection(series, `région ${region.name}`),
      actionsByAxis(actions, true),
      lateSection(late, true),
      changes,
      // The previous committee's decisions (what this revue follows up), then the plans' decisions.
      decisionsSection(reviews, previous ? [previous] : []),
      commitments,
    ],
    filename: `revue-regionale-${code}-${today}`,
  };
}

/** The programme's pack for national governance, with the overview's filters. */
export async function programmePack(actor: Actor, filters: ProgrammeFilters = {}, now: Date = new Date()): Promise<Pack> {
  authorize(actor, 'programme:read', null);
  const today = parisDay(now);
  const since = new Date(now.getTime() - DEFAULT_PERIOD_DAYS * 86_400_000);
  const where = scopedActionWhere(actor, filters);
  const territories = await db.territory.findMany({
    where: { AND: [territoryWhere(actor), filters.region ? { regionCodes: { has: filters.region } } : {}] },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  });
  const ids = territories.map((t) => t.id);
  const [actions, late, health, series, reviews, committees, commitments, changes] = await Promise.all([
    actionsOf(where),
    lateMilestonesOf(where, today),
    healthByTerritoryId(ids, now),
    programmeSeries(actor, filters, now),
    planDecisions(ids, since),
    db.regionalCommittee.findMany({
      where: { AND: [committeeWhere(actor), { date: { gte: since } }, filters.region ? { regionCode: filters.region } : {}] },
      orderBy: { date: 'desc' },
      select: { date: true, title: true, decisions: true, region: { select: { name: true } } },
    }),
    commitmentsSection(actor, filters.region ? { region: filters.region } : {}),
    db.auditLog.groupBy({ by: ['operation'], where: { entityType: 'Action', at: { gte: since }, territoryId: { in: ids } }, _count: true }),
  ]);
  const counts = countHealth([...health.values()].map((h) => ({ health: h })));
  const filterText = [
    filters.region && `région ${filters.region}`,
    filters.axis && `axe ${AXIS_SHORT_LABELS[filters.axis as Axis]}`,
    filters.status && `statut ${ACTION_STATUS_LABELS[filters.status as ActionStatus]}`,
    filters.operator && `opérateur ${filters.operator}`,
  ].filter(Boolean);
  const changeCount = changes.reduce((s, c) => s + c._count, 0);
  return {
    kind: 'programme',
    title: 'Programme Territoires d’industrie — point de gouvernance',
    subtitle: filterText.length ? `Filtres : ${filterText.join(', ')}` : 'Ensemble des territoires',
    date: today,
    period: { from: parisDay(since), to: today, label: `sur les ${DEFAULT_PERIOD_DAYS} derniers jours` },
    keyFigures: keyFigures(actions, late.length, [
      { label: 'Territoires', value: int.format(territories.length) },
      { label: 'Territoires en difficulté', value: int.format(counts.OFF_TRACK) },
    ]),
    sections: [
      healthTable(territories, health, true),
      chartsSection(series, 'programme'),
      axisStatusTable(actions),
      lateSection(late, true),
      {
        heading: 'Évolutions sur la période',
        paragraphs: [
          `${int.format(changeCount)} modification(s) d'actions enregistrée(s) : ${changes.map((c) => `${c.operation} ${c._count}`).join(', ') || 'aucune'}.`,
          `Statuts actuels : ${STATUSES.map((s) => `${ACTION_STATUS_LABELS[s]} ${actions.filter((a) => a.status === s).length}`).join(', ')}.`,
        ],
      },
      decisionsSection(reviews, committees.map((c) => ({ ...c, date: parisDay(c.date) }))),
      commitments,
    ],
    filename: `programme-territoires-industrie-${today}`,
  };
}

/** One fiche action on one document (GET /api/v1/actions/{id}/report.pdf). */
export async function actionPack(actor: Actor, id: string, now: Date = new Date()): Promise<Pack> {
  const a = await getAction(actor, id);
  const today = parisDay(now);
  const granted = a.financing.reduce((s, f) => s + (f.status === 'GRANTED' ? f.amountCents : 0), 0);
  const late = a.milestones.filter((m) => !m.doneAt && m.dueDate < today).length;
  return {
    kind: 'action',
    title: `${a.reference} — ${a.title}`,
    subtitle: `Fiche action du territoire ${a.territory.name}`,
    date: today,
    period: { from: a.startDate ?? a.createdAt.slice(0, 10), to: a.endDate ?? today, label: 'de la date de début à la fin prévue' },
    keyFigures: [
      { label: 'Statut', value: ACTION_STATUS_LABELS[a.status] },
      { label: 'Phase', value: PHASE_LABELS[a.phase] },
      { label: 'Priorité', value: PRIORITY_LABELS[a.priority] },
      { label: 'Axes', value: a.axes.map((x) => AXIS_SHORT_LABELS[x]).join(', ') },
      { label: 'Pilote', value: a.pilot || '—' },
      { label: 'Budget prévisionnel', value: formatEuros(a.budgetCents) },
      { label: 'Financements accordés', value: formatEuros(granted) },
      { label: 'Début — fin prévue', value: `${formatDate(a.startDate)} — ${formatDate(a.endDate)}` },
      { label: 'Jalons en retard', value: int.format(late) },
    ],
    sections: [
      {
        heading: 'Description et objectifs',
        paragraphs: [a.description || 'Description non renseignée.', a.objectives ? `Objectifs : ${a.objectives}` : 'Objectifs non renseignés.'],
      },
      {
        heading: 'Financements',
        paragraphs: a.financing.length ? [] : ['Aucun financement.'],
        table: a.financing.length
          ? { head: ['Financeur', 'Montant', 'Statut'], rows: a.financing.map((f) => [f.financer, formatEuros(f.amountCents), FINANCING_STATUS_LABELS[f.status]]), widths: [4, 2, 2] }
          : undefined,
      },
      {
        heading: 'Jalons',
        paragraphs: a.milestones.length ? [] : ['Aucun jalon.'],
        table: a.milestones.length
          ? {
              head: ['Jalon', 'Échéance', 'État'],
              rows: a.milestones.map((m) => [m.title, formatDate(m.dueDate), m.doneAt ? `Réalisé le ${formatDate(m.doneAt)}` : m.dueDate < today ? 'En retard' : 'À venir']),
              widths: [5, 2, 2.5],
            }
          : undefined,
      },
      {
        heading: 'Indicateurs',
        paragraphs: a.indicators.length ? [] : ['Aucun indicateur.'],
        table: a.indicators.length
          ? {
              head: ['Indicateur', 'Réalisé', 'Cible', 'Valeurs datées'],
              rows: a.indicators.map((i) => [
                `${i.name} (${i.unit})`,
                i.actual === null ? '—' : num.format(i.actual),
                i.target === null ? '—' : num.format(i.target),
                i.values.map((v) => `${formatDate(v.date)} : ${num.format(v.value)}`).join(' ; ') || '—',
              ]),
              widths: [3.5, 1.3, 1.3, 5],
            }
          : undefined,
      },
      {
        heading: 'Partenaires, opérateurs, notes',
        paragraphs: [
          `Partenaires : ${a.partners.join(', ') || '—'}.`,
          `Opérateurs : ${a.operators.map((o) => o.name).join(', ') || '—'}.`,
          a.notes ? `Notes : ${a.notes}` : 'Pas de notes.',
          ...a.links.map((l) => `Lien : ${l}`),
        ],
      },
    ],
    filename: `fiche-${a.territory.slug}-${a.reference.toLowerCase()}`,
  };
}
