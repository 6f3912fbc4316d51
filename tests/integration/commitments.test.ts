// Operators' commitments against a real PostgreSQL: who reads which commitments, who
// records them and updates delivery, concurrency, validation, funded actions, the late /
// under-delivered figures and the overdue notifications.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import {
  createCommitment,
  linkActions,
  notifyOverdueCommitments,
  unlinkAction,
  updateCommitment,
  updateDelivery,
} from '@/lib/commitments/mutations';
import {
  getCommitment,
  getCommitmentView,
  getCommitmentHistory,
  getCommitmentOverview,
  listCommitments,
  listCommitmentsForAction,
  listLinkableActions,
  LINKABLE_MAX,
  type CommitmentDto,
} from '@/lib/commitments/queries';
import { actor, DEMO } from '../fixtures';

let national: Actor;
let admin: Actor;
let ademe: Actor;
let bpifrance: Actor;
let sgar: Actor;
let regionCouncil: Actor;
let sgarGrandEst: Actor;
let sgarNouvelleAquitaine: Actor;
let cdp: Actor;
let elu: Actor;
let cdpHautesTerres: Actor;
const nobody: Actor = { id: 'nobody', email: 'nobody@demo.test', name: 'Sans rôle', memberships: [] };

/** Working-plan action ids per territory slug, in number order. */
const ids: Record<string, string[]> = {};
const first = (slug: string, index = 0) => {
  const id = ids[slug]?.[index];
  if (!id) throw new Error(`no action ${index} in ${slug}`);
  return id;
};

type Failure = {
  code: string;
  message: string;
  details?: { fieldErrors?: Record<string, string[]>; current?: { changedFields: string[]; commitment: CommitmentDto } };
};
const errorOf = async (p: Promise<unknown>): Promise<Failure> => {
  try {
    await p;
  } catch (e) {
    return e as Failure;
  }
  throw new Error('expected a failure');
};

async function operatorStaff(email: string, operatorSlug: string): Promise<Actor> {
  const operator = await db.operator.findUniqueOrThrow({ where: { slug: operatorSlug }, select: { id: true } });
  await db.user.create({
    data: { email, name: `Agent ${operatorSlug}`, memberships: { create: { role: 'OPERATOR_STAFF', operatorId: operator.id } } },
  });
  return actor(email);
}

const base = {
  operator: 'ademe',
  title: 'Accompagnement des projets de chaleur renouvelable',
  unit: 'EUR',
  promised: 2_000_000,
  dueDate: '2027-12-31',
};

/** The commitments of the scoping tests, one per kind of place. */
const c = {} as Record<'nationalApec' | 'occitanie' | 'grandEst' | 'tarnNord' | 'ardennes' | 'lacq', CommitmentDto>;

beforeAll(async () => {
  [national, admin, ademe, sgar, regionCouncil, sgarGrandEst, sgarNouvelleAquitaine, cdp, elu, cdpHautesTerres] = await Promise.all([
    actor(DEMO.national),
    actor(DEMO.admin),
    actor(DEMO.operatorAdeme),
    actor(DEMO.sgarOccitanie),
    actor(DEMO.regionOccitanie),
    actor(DEMO.sgarGrandEst),
    actor('sgar.nouvelle-aquitaine@demo.test'),
    actor(DEMO.cdpTarnNord),
    actor(DEMO.eluTarnNord),
    actor(DEMO.cdpHautesTerres),
  ]);
  bpifrance = await operatorStaff('agent.bpifrance@demo.test', 'bpifrance');
  const rows = await db.action.findMany({
    where: { archivedAt: null, territory: { slug: { in: ['tarn-nord', 'hautes-terres-doc', 'ardennes', 'lacq-pau-tarbes'] } } },
    orderBy: { number: 'asc' },
    select: { id: true, territory: { select: { slug: true } } },
  });
  for (const r of rows) (ids[r.territory.slug] ??= []).push(r.id);

  c.nationalApec = await createCommitment(national, { ...base, operator: 'apec', title: 'Ateliers cadres de l’industrie', scope: 'NATIONAL', unit: 'ateliers', promised: 200 });
  c.occitanie = await createCommitment(national, { ...base, scope: 'REGION', regionCode: '76' });
  c.grandEst = await createCommitment(national, { ...base, scope: 'REGION', regionCode: '44' });
  c.tarnNord = await createCommitment(national, { ...base, operator: 'action-logement', title: 'Logements pour salariés', scope: 'TERRITORY', territory: 'tarn-nord', unit: 'logements', promised: 120 });
  c.ardennes = await createCommitment(national, { ...base, operator: 'action-logement', title: 'Logements Ardennes', scope: 'TERRITORY', territory: 'ardennes', unit: 'logements', promised: 80 });
  c.lacq = await createCommitment(national, { ...base, operator: 'bpifrance', title: 'Prêts croissance Lacq', scope: 'TERRITORY', territory: 'lacq-pau-tarbes' });
});

const idsOf = (items: { id: string }[]) => items.map((i) => i.id);

describe('who reads which commitments', () => {
  it('national staff and every operator’s staff read them all', async () => {
    const all = Object.values(c).map((x) => x.id);
    for (const who of [national, admin, ademe, bpifrance]) {
      expect(idsOf(await listCommitments(who))).toEqual(expect.arrayContaining(all));
    }
    // The demo's own five commitments are there too.
    expect((await listCommitments(national)).length).toBeGreaterThanOrEqual(all.length + 5);
  });

  it('regional copilots read national ones, their region’s and their territories’ (cross-region territories included)', async () => {
    for (const who of [sgar, regionCouncil]) {
      const seen = idsOf(await listCommitments(who));
      expect(seen).toEqual(expect.arrayContaining([c.nationalApec.id, c.occitanie.id, c.tarnNord.id, c.lacq.id]));
      expect(seen).not.toContain(c.grandEst.id);
      expect(seen).not.toContain(c.ardennes.id);
    }
    const grandEst = idsOf(await listCommitments(sgarGrandEst));
    expect(grandEst).toEqual(expect.arrayContaining([c.nationalApec.id, c.grandEst.id, c.ardennes.id]));
    expect(grandEst).not.toContain(c.occitanie.id);
    expect(grandEst).not.toContain(c.tarnNord.id);
    // Lacq-Pau-Tarbes spans Nouvelle-Aquitaine and Occitanie.
    expect(idsOf(await listCommitments(sgarNouvelleAquitaine))).toContain(c.lacq.id);
    expect(idsOf(await listCommitments(sgarNouvelleAquitaine))).not.toContain(c.occitanie.id);
  });

  it('a territory’s team reads national ones, its territory’s and its region’s', async () => {
    for (const who of [cdp, elu]) {
      const seen = idsOf(await listCommitments(who));
      expect(seen).toEqual(expect.arrayContaining([c.nationalApec.id, c.occitanie.id, c.tarnNord.id]));
      for (const hidden of [c.grandEst, c.ardennes, c.lacq]) expect(seen).not.toContain(hidden.id);
    }
    const other = idsOf(await listCommitments(cdpHautesTerres));
    expect(other).toEqual(expect.arrayContaining([c.nationalApec.id, c.occitanie.id]));
    expect(other).not.toContain(c.tarnNord.id);
  });

  it('out of scope is not found, even by id; no role reads nothing', async () => {
    expect((await errorOf(getCommitment(cdp, c.ardennes.id))).code).toBe('NOT_FOUND');
    expect((await errorOf(getCommitment(sgarGrandEst, c.tarnNord.id))).code).toBe('NOT_FOUND');
    expect((await errorOf(getCommitmentHistory(cdpHautesTerres, c.tarnNord.id))).code).toBe('NOT_FOUND');
    expect((await getCommitment(cdp, c.tarnNord.id)).title).toBe('Logements pour salariés');
    expect(await listCommitments(nobody)).toEqual([]);
    expect((await errorOf(getCommitment(nobody, c.nationalApec.id))).code).toBe('NOT_FOUND');
  });

  it('filters by operator, scope, region (its territories included), territory and status', async () => {
    const by = async (f: Record<string, string>) => idsOf(await listCommitments(national, f));
    expect(await by({ operator: 'action-logement' })).toEqual(expect.arrayContaining([c.tarnNord.id, c.ardennes.id]));
    expect(await by({ operator: 'action-logement' })).not.toContain(c.occitanie.id);
    const occitanie = await by({ region: '76' });
    expect(occitanie).toEqual(expect.arrayContaining([c.occitanie.id, c.tarnNord.id, c.lacq.id]));
    expect(occitanie).not.toContain(c.nationalApec.id);
    expect(occitanie).not.toContain(c.grandEst.id);
    expect(await by({ scope: 'NATIONAL' })).toContain(c.nationalApec.id);
    expect(await by({ scope: 'NATIONAL' })).not.toContain(c.occitanie.id);
    expect(await by({ territory: 'ardennes' })).toEqual([c.ardennes.id]);
    expect(await by({ status: 'CANCELLED', operator: 'apec' })).toEqual([]);
    // Empty query-string values are ignored.
    expect((await by({ operator: '', region: '', late: '' })).length).toBe((await listCommitments(national)).length);
  });

  it('refuses malformed filters with per-field messages', async () => {
    const e = await errorOf(listCommitments(national, { region: 'Occitanie', status: 'FINI', late: 'peut-être' }));
    expect(e.code).toBe('INVALID');
    expect(Object.keys(e.details?.fieldErrors ?? {}).sort()).toEqual(['late', 'region', 'status']);
  });
});

describe('recording and editing commitments', () => {
  it('national staff record a commitment: version 1, nothing delivered yet, audited', async () => {
    const created = await createCommitment(national, {
      operator: 'cerema',
      title: '  Diagnostic foncier des zones d’activités  ',
      description: 'Inventaire des friches et des zones sous-densifiées.',
      axis: 'INDUSTRIAL_LAND',
      scope: 'TERRITORY',
      territory: 'tarn-nord',
      unit: 'diagnostics',
      promised: 3,
      dueDate: '2027-03-31',
    });
    expect(created).toMatchObject({
      title: 'Diagnostic foncier des zones d’activités',
      operator: { slug: 'cerema', name: 'Cerema' },
      scope: 'TERRITORY',
      territory: { slug: 'tarn-nord', name: 'Tarn Nord' },
      region: null,
      regions: [{ code: '76', name: 'Occitanie' }],
      unit: 'diagnostics',
      promised: 3,
      delivered: 0,
      status: 'PLANNED',
      version: 1,
      dueDate: '2027-03-31',
      actions: [],
    });
    // Permissions travel beside the data, never inside it (ADR 0022).
    expect(created).not.toHaveProperty('canManage');
    expect((await getCommitmentView(national, created.id)).permissions).toEqual({ canManage: true, canUpdateDelivery: true });
    const audit = await db.auditLog.findMany({ where: { entityType: 'Commitment', entityId: created.id }, select: { actorId: true, actorRole: true, operation: true, entityVersion: true, after: true } });
    expect(audit).toEqual([
      expect.objectContaining({ actorId: national.id, actorRole: 'NATIONAL_STAFF', operation: 'create', entityVersion: 1 }),
    ]);
    expect(audit[0]?.after).toMatchObject({ operator: 'cerema', territory: 'tarn-nord', promised: 3, delivered: 0, status: 'PLANNED' });
  });

  it('“euros” and “€” are recorded as the EUR unit', async () => {
    const created = await createCommitment(national, { ...base, scope: 'NATIONAL', unit: 'euros' });
    expect(created.unit).toBe('EUR');
  });

  it('refuses operators’ staff, copilots and local teams, and writes nothing', async () => {
    const before = await db.commitment.count();
    for (const who of [ademe, bpifrance, sgar, cdp, elu, nobody]) {
      expect((await errorOf(createCommitment(who, { ...base, scope: 'NATIONAL' }))).code).toBe('FORBIDDEN');
    }
    expect(await db.commitment.count()).toBe(before);
  });

  it.each([
    ['title', { title: '' }],
    ['title', { title: 'x'.repeat(201) }],
    ['operator', { operator: 'inconnu' }],
    ['operator', { operator: 'ADEME !' }],
    ['scope', { scope: 'WORLD' }],
    ['scope', { scope: undefined }],
    ['title', { title: undefined }],
    ['regionCode', { scope: 'REGION' }],
    ['regionCode', { scope: 'REGION', regionCode: '99' }],
    ['regionCode', { scope: 'REGION', regionCode: 'Occitanie' }],
    ['territory', { scope: 'REGION', regionCode: '76', territory: 'tarn-nord' }],
    ['territory', { scope: 'TERRITORY' }],
    ['territory', { scope: 'TERRITORY', territory: 'atlantide' }],
    ['regionCode', { regionCode: '76' }],
    ['unit', { unit: '' }],
    ['promised', { promised: 0 }],
    ['promised', { promised: -5 }],
    ['promised', { promised: '100' }],
    ['promised', { promised: 1.234 }],
    ['promised', { promised: 1e15 }],
    ['dueDate', { dueDate: '2025-02-30' }],
    ['dueDate', { dueDate: '31/12/2025' }],
    ['axis', { axis: 'SPACE' }],
    ['delivered', { delivered: 10 }],
    ['version', { version: 3 }],
    ['operatorId', { operatorId: 'x' }],
  ])('refuses bad input on %s with a French message, and writes nothing', async (field, patch) => {
    const before = await db.commitment.count();
    const e = await errorOf(createCommitment(national, { ...base, scope: 'NATIONAL', ...patch }));
    expect(e.code).toBe('INVALID');
    const messages = e.details?.fieldErrors?.[field];
    expect(messages, JSON.stringify(e.details?.fieldErrors)).toBeDefined();
    expect(messages?.join(' ')).toMatch(/[a-zà-ü]{3}/i);
    expect(await db.commitment.count()).toBe(before);
  });

  it('refuses a body that is not an object', async () => {
    for (const body of [null, [], 'texte', 42]) {
      expect((await errorOf(createCommitment(national, body))).code).toBe('INVALID');
    }
  });

  it('national staff edit a commitment, move it, and the audit keeps before/after of the changed fields', async () => {
    const created = await createCommitment(national, { ...base, scope: 'REGION', regionCode: '76', title: 'À déplacer' });
    const moved = await updateCommitment(national, created.id, { version: 1, scope: 'TERRITORY', territory: 'hautes-terres-doc', promised: 2_500_000 });
    expect(moved).toMatchObject({ version: 2, scope: 'TERRITORY', region: null, territory: { slug: 'hautes-terres-doc' }, promised: 2_500_000 });
    const back = await updateCommitment(national, created.id, { version: 2, scope: 'NATIONAL' });
    expect(back).toMatchObject({ version: 3, scope: 'NATIONAL', region: null, territory: null, regions: [] });
    const history = await getCommitmentHistory(national, created.id);
    expect(history.map((h) => h.operation)).toEqual(['create', 'update', 'update']);
    expect(history[1]?.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'scope', label: 'Portée', before: 'REGION', after: 'TERRITORY', beforeText: 'Région', afterText: 'Territoire' }),
        expect.objectContaining({ field: 'regionCode', label: 'Région', before: '76', after: null, beforeText: 'Occitanie', afterText: '—' }),
        expect.objectContaining({ field: 'territory', label: 'Territoire', before: null, after: 'hautes-terres-doc', afterText: "Hautes Terres d'Oc" }),
        expect.objectContaining({ field: 'promised', label: 'Promis', before: 2_000_000, after: 2_500_000, afterText: expect.stringMatching(/^2\s500\s000\s€$/) }),
      ]),
    );
    // A save that changes nothing makes no new version and no audit row.
    expect((await updateCommitment(national, created.id, { version: 3, title: 'À déplacer' })).version).toBe(3);
    expect(await db.auditLog.count({ where: { entityType: 'Commitment', entityId: created.id } })).toBe(3);
  });

  it('refuses edits from anyone but national staff, and a location without its scope', async () => {
    expect((await errorOf(updateCommitment(ademe, c.occitanie.id, { version: 1, title: 'x' }))).code).toBe('FORBIDDEN');
    expect((await errorOf(updateCommitment(sgar, c.occitanie.id, { version: 1, title: 'x' }))).code).toBe('FORBIDDEN');
    expect((await errorOf(updateCommitment(cdp, c.ardennes.id, { version: 1, title: 'x' }))).code).toBe('NOT_FOUND');
    const e = await errorOf(updateCommitment(national, c.occitanie.id, { version: 1, regionCode: '44' }));
    expect(e.code).toBe('INVALID');
    expect(e.details?.fieldErrors?.scope).toBeDefined();
    expect((await errorOf(updateCommitment(national, c.occitanie.id, { title: 'x' }))).details?.fieldErrors?.version).toBeDefined();
    expect((await errorOf(updateCommitment(national, c.occitanie.id, { version: 1, delivered: 5 }))).details?.fieldErrors?.delivered).toBeDefined();
    expect((await getCommitment(national, c.occitanie.id)).version).toBe(1);
  });
});

describe('delivery updates', () => {
  it('the operator’s staff update delivered and status; audited under their role', async () => {
    const fresh = await createCommitment(national, { ...base, scope: 'REGION', regionCode: '76', title: 'Livraison ADEME' });
    const updated = await updateDelivery(ademe, fresh.id, { version: 1, delivered: 750_000.5, status: 'IN_PROGRESS' });
    expect(updated).toMatchObject({ version: 2, delivered: 750_000.5, status: 'IN_PROGRESS' });
    expect((await getCommitmentView(ademe, fresh.id)).permissions).toEqual({ canManage: false, canUpdateDelivery: true });
    expect(updated.deliveredShare).toBeCloseTo(0.375, 5);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: 'Commitment', entityId: fresh.id, operation: 'delivery' },
      select: { actorId: true, actorRole: true, entityVersion: true, before: true, after: true },
    });
    expect(audit).toEqual({
      actorId: ademe.id,
      actorRole: 'OPERATOR_STAFF',
      entityVersion: 2,
      before: { delivered: 0, status: 'PLANNED' },
      after: { delivered: 750_000.5, status: 'IN_PROGRESS' },
    });
    // National staff may update delivery too.
    expect((await updateDelivery(national, fresh.id, { version: 2, status: 'DELIVERED' })).status).toBe('DELIVERED');
  });

  it('refuses another operator’s staff, copilots and local teams; out of scope is not found', async () => {
    const fresh = await createCommitment(national, { ...base, scope: 'REGION', regionCode: '76', title: 'Chasse gardée' });
    const refused = await errorOf(updateDelivery(bpifrance, fresh.id, { version: 1, delivered: 1 }));
    expect(refused.code).toBe('FORBIDDEN');
    for (const who of [sgar, regionCouncil, cdp, elu]) {
      expect((await errorOf(updateDelivery(who, fresh.id, { version: 1, delivered: 1 }))).code).toBe('FORBIDDEN');
    }
    expect((await errorOf(updateDelivery(sgarGrandEst, fresh.id, { version: 1, delivered: 1 }))).code).toBe('NOT_FOUND');
    expect((await getCommitmentView(national, fresh.id)).permissions.canUpdateDelivery).toBe(true);
    expect((await getCommitmentView(bpifrance, fresh.id)).permissions.canUpdateDelivery).toBe(false);
    expect((await getCommitmentView(sgar, fresh.id)).permissions.canUpdateDelivery).toBe(false);
    const after = await getCommitment(national, fresh.id);
    expect(after).toMatchObject({ version: 1, delivered: 0 });
    expect(await db.auditLog.count({ where: { entityType: 'Commitment', entityId: fresh.id, operation: 'delivery' } })).toBe(0);
  });

  it.each([
    ['delivered', { delivered: -1 }],
    ['delivered', { delivered: 'beaucoup' }],
    ['delivered', { delivered: 1.005 }],
    ['delivered', {}],
    ['status', { status: 'DONE' }],
    ['promised', { delivered: 1, promised: 3 }],
  ])('refuses a bad delivery on %s', async (field, patch) => {
    const e = await errorOf(updateDelivery(ademe, c.occitanie.id, { version: 1, ...patch }));
    expect(e.code).toBe('INVALID');
    expect(e.details?.fieldErrors?.[field], JSON.stringify(e.details?.fieldErrors)).toBeDefined();
  });

  it('a stale version is a conflict that says what changed and who changed it; nothing is overwritten', async () => {
    const fresh = await createCommitment(national, { ...base, scope: 'REGION', regionCode: '76', title: 'Concurrence' });
    await updateDelivery(ademe, fresh.id, { version: 1, delivered: 100_000, status: 'IN_PROGRESS' });
    const e = await errorOf(updateDelivery(national, fresh.id, { version: 1, delivered: 5 }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/Lucie Perrin/);
    expect(e.message).toMatch(/Réalisé, Statut/);
    expect(e.details?.current?.changedFields).toEqual(['delivered', 'status']);
    expect(e.details?.current?.commitment).toMatchObject({ version: 2, delivered: 100_000 });
    expect((await errorOf(updateCommitment(national, fresh.id, { version: 1, title: 'Écrasement' }))).code).toBe('CONFLICT');
    expect(await getCommitment(national, fresh.id)).toMatchObject({ version: 2, delivered: 100_000, title: 'Concurrence' });
  });

  it('two concurrent writers from the same version: exactly one wins', async () => {
    const fresh = await createCommitment(national, { ...base, scope: 'NATIONAL', title: 'Course' });
    const results = await Promise.allSettled([
      updateDelivery(ademe, fresh.id, { version: 1, delivered: 10 }),
      updateDelivery(national, fresh.id, { version: 1, delivered: 20 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as Failure).code).toBe('CONFLICT');
    expect((await getCommitment(national, fresh.id)).version).toBe(2);
  });
});

describe('funded actions', () => {
  it('national staff link actions in the commitment’s place; each reader sees only the actions in their scope', async () => {
    const linked = await linkActions(national, c.occitanie.id, {
      version: 1,
      actionIds: [first('tarn-nord'), first('tarn-nord', 1), first('hautes-terres-doc')],
    });
    expect(linked.version).toBe(2);
    expect(linked.actions.map((a) => a.territory.slug)).toEqual(['hautes-terres-doc', 'tarn-nord', 'tarn-nord']);
    expect(linked.actionCount).toBe(3);
    const seenByCdp = await getCommitment(cdp, c.occitanie.id);
    expect(seenByCdp.actions.map((a) => a.id)).toEqual([first('tarn-nord'), first('tarn-nord', 1)]);
    expect(seenByCdp.actionCount).toBe(2);
    expect((await getCommitment(cdpHautesTerres, c.occitanie.id)).actions.map((a) => a.id)).toEqual([first('hautes-terres-doc')]);
    expect(idsOf(await listCommitmentsForAction(cdp, first('tarn-nord')))).toContain(c.occitanie.id);
    expect((await errorOf(listCommitmentsForAction(cdp, first('ardennes')))).code).toBe('NOT_FOUND');
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'Commitment', entityId: c.occitanie.id, operation: 'link' }, select: { before: true, after: true } });
    expect(audit.before).toEqual({ actionIds: [] });
    expect((audit.after as { actionIds: string[] }).actionIds).toHaveLength(3);
  });

  it('refuses actions out of the commitment’s place, unknown or archived ones, and changes nothing', async () => {
    const current = await getCommitment(national, c.occitanie.id);
    const keep = current.actions.map((a) => a.id);
    const otherRegion = await errorOf(linkActions(national, c.occitanie.id, { version: current.version, actionIds: [...keep, first('ardennes')] }));
    expect(otherRegion.code).toBe('INVALID');
    expect(otherRegion.details?.fieldErrors?.actionIds?.join(' ')).toMatch(/hors des territoires de la région/);
    const otherTerritory = await errorOf(linkActions(national, c.tarnNord.id, { version: 1, actionIds: [first('hautes-terres-doc')] }));
    expect(otherTerritory.details?.fieldErrors?.actionIds?.join(' ')).toMatch(/hors du territoire/);
    expect((await errorOf(linkActions(national, c.occitanie.id, { version: current.version, actionIds: ['inexistante'] }))).code).toBe('INVALID');
    const archived = first('hautes-terres-doc', 1);
    await db.action.update({ where: { id: archived }, data: { archivedAt: new Date() } });
    const e = await errorOf(linkActions(national, c.occitanie.id, { version: current.version, actionIds: [archived] }));
    expect(e.details?.fieldErrors?.actionIds?.join(' ')).toMatch(/archivée/);
    await db.action.update({ where: { id: archived }, data: { archivedAt: null } });
    const dup = await errorOf(linkActions(national, c.occitanie.id, { version: current.version, actionIds: [keep[0], keep[0]] }));
    expect(dup.details?.fieldErrors?.actionIds).toBeDefined();
    expect((await getCommitment(national, c.occitanie.id)).actions.map((a) => a.id)).toEqual(keep);
  });

  it('only national staff link; out of scope is not found; a stale version is a conflict', async () => {
    const current = await getCommitment(national, c.occitanie.id);
    const body = { version: current.version, actionIds: [first('tarn-nord')] };
    for (const who of [ademe, sgar, cdp]) expect((await errorOf(linkActions(who, c.occitanie.id, body))).code).toBe('FORBIDDEN');
    expect((await errorOf(linkActions(sgarGrandEst, c.occitanie.id, body))).code).toBe('NOT_FOUND');
    expect((await errorOf(linkActions(national, c.occitanie.id, { ...body, version: 1 }))).code).toBe('CONFLICT');
    expect((await errorOf(listLinkableActions(ademe, c.occitanie.id))).code).toBe('FORBIDDEN');
  });

  it('the picker offers the working-plan actions of the commitment’s place, linked ones marked', async () => {
    // Occitanie's plans hold more actions than the picker offers at once (LINKABLE_MAX,
    // ADR 0026): the first ones in territory order, and the territory filter lists all of
    // the commitment's place.
    const picker = await listLinkableActions(national, c.occitanie.id);
    const slugs = picker.groups.map((g) => g.territory.slug);
    expect(picker.groups.reduce((n, g) => n + g.actions.length, 0)).toBe(LINKABLE_MAX);
    expect(picker.truncated).toBe(true);
    expect(slugs).toEqual(expect.arrayContaining(['hautes-terres-doc', 'lacq-pau-tarbes']));
    expect(picker.territories.map((t) => t.slug)).toEqual(expect.arrayContaining(['tarn-nord', 'hautes-terres-doc', 'lacq-pau-tarbes']));
    expect([...slugs, ...picker.territories.map((t) => t.slug)]).not.toContain('ardennes');
    const tarn = (await listLinkableActions(national, c.occitanie.id, { territory: 'tarn-nord' })).groups.find((g) => g.territory.slug === 'tarn-nord');
    expect(tarn?.actions.find((a) => a.id === first('tarn-nord'))?.linked).toBe(true);
    const filtered = await listLinkableActions(national, c.occitanie.id, { territory: 'hautes-terres-doc' });
    expect(filtered.groups.map((g) => g.territory.slug)).toEqual(['hautes-terres-doc']);
    expect(filtered.hiddenLinkedIds.sort()).toEqual([first('tarn-nord'), first('tarn-nord', 1)].sort());
  });

  it('unlinks one action, and replacing the set drops the others', async () => {
    const current = await getCommitment(national, c.occitanie.id);
    const after = await unlinkAction(national, c.occitanie.id, { version: current.version, actionId: first('tarn-nord', 1) });
    expect(after.version).toBe(current.version + 1);
    expect(after.actions.map((a) => a.id)).not.toContain(first('tarn-nord', 1));
    // Unlinking an action that is not linked changes nothing.
    expect((await unlinkAction(national, c.occitanie.id, { version: after.version, actionId: first('tarn-nord', 1) })).version).toBe(after.version);
    const replaced = await linkActions(national, c.occitanie.id, { version: after.version, actionIds: [first('hautes-terres-doc')] });
    expect(replaced.actions.map((a) => a.id)).toEqual([first('hautes-terres-doc')]);
    expect((await getCommitmentHistory(national, c.occitanie.id)).map((h) => h.operation)).toEqual(['create', 'link', 'unlink', 'link']);
    expect((await errorOf(unlinkAction(ademe, c.occitanie.id, { version: replaced.version, actionId: first('hautes-terres-doc') }))).code).toBe('FORBIDDEN');
  });

  it('keeps an existing link when its action is archived later', async () => {
    const current = await getCommitment(national, c.tarnNord.id);
    const linked = await linkActions(national, c.tarnNord.id, { version: current.version, actionIds: [first('tarn-nord', 2)] });
    await db.action.update({ where: { id: first('tarn-nord', 2) }, data: { archivedAt: new Date() } });
    const again = await linkActions(national, c.tarnNord.id, { version: linked.version, actionIds: [first('tarn-nord', 2), first('tarn-nord', 3)] });
    expect(again.actions.map((a) => [a.id, a.archived])).toEqual([
      [first('tarn-nord', 2), true],
      [first('tarn-nord', 3), false],
    ]);
    await db.action.update({ where: { id: first('tarn-nord', 2) }, data: { archivedAt: null } });
  });
});

describe('late and under-delivered, per operator and per region', () => {
  // Recorded on 1 January 2026; evaluated on 2 July 2026, half-way through the year.
  const now = new Date('2026-07-02T12:00:00Z');
  const recorded = new Date('2026-01-01T10:00:00Z');
  const names: Record<string, string> = {};

  beforeAll(async () => {
    const make = async (name: string, fields: Record<string, unknown>, delivery: { delivered?: number; status?: string } = {}) => {
      const created = await createCommitment(national, { operator: 'business-france', title: name, scope: 'REGION', regionCode: '53', unit: 'entreprises', promised: 100, dueDate: '2026-12-31', ...fields });
      if (delivery.delivered !== undefined || delivery.status !== undefined) await updateDelivery(national, created.id, { version: 1, ...delivery });
      await db.commitment.update({ where: { id: created.id }, data: { createdAt: recorded } });
      names[name] = created.id;
    };
    await make('ahead', {}, { delivered: 60 });
    await make('behind', {}, { delivered: 40 });
    await make('late', { dueDate: '2026-06-30', promised: 10 }, { delivered: 5 });
    await make('late but delivered', { dueDate: '2026-06-30', promised: 10 }, { delivered: 5, status: 'DELIVERED' });
    await make('complete', { dueDate: '2026-06-30', promised: 10 }, { delivered: 10 });
    await make('no due date', { dueDate: null });
    await make('cancelled', { dueDate: '2026-05-01' }, { status: 'CANCELLED' });
    await make('due today', { dueDate: '2026-07-02', promised: 10 }, { delivered: 9 });
  });

  it('flags late and under-delivered commitments by the documented rules', async () => {
    const items = await listCommitments(national, { operator: 'business-france' }, { now });
    const flags = Object.fromEntries(items.map((i) => [i.title, [i.late, i.underDelivered]]));
    expect(flags).toEqual({
      ahead: [false, false],
      behind: [false, true],
      late: [true, true],
      'late but delivered': [false, false],
      complete: [false, false],
      'no due date': [false, false],
      cancelled: [false, false],
      'due today': [false, true],
    });
    const behind = items.find((i) => i.title === 'behind');
    expect(behind?.expectedShare).toBeCloseTo(182 / 364, 5);
    expect(behind?.deliveredShare).toBeCloseTo(0.4, 5);
    expect(idsOf(await listCommitments(national, { operator: 'business-france', late: '1' }, { now }))).toEqual([names.late]);
    expect(idsOf(await listCommitments(national, { region: '53', underDelivered: 'true' }, { now })).sort()).toEqual(
      [names.late, names.behind, names['due today']].sort(),
    );
  });

  it('counts them per operator and per region', async () => {
    const overview = await getCommitmentOverview(national, { now });
    expect(overview.byOperator.find((o) => o.operator.slug === 'business-france')).toEqual({
      operator: { slug: 'business-france', name: 'Business France' },
      total: 8,
      late: 1,
      underDelivered: 3,
    });
    expect(overview.byRegion.find((r) => r.region?.code === '53')).toEqual({
      region: { code: '53', name: 'Bretagne' },
      total: 8,
      late: 1,
      underDelivered: 3,
    });
    expect(overview.byRegion[0]?.region).toBeNull();
    // A territory spanning two regions counts in both.
    expect(overview.byRegion.find((r) => r.region?.code === '75')?.total).toBeGreaterThanOrEqual(1);
    // The demo's own overdue commitments (ADEME Fonds vert 2024, Cerema 2025) are late.
    expect(overview.totals.late).toBeGreaterThanOrEqual(3);
  });

  it('every figure matches the filtered list it links to', async () => {
    for (const who of [national, sgar, cdp]) {
      const overview = await getCommitmentOverview(who, { now });
      const count = async (f: Record<string, string>) => (await listCommitments(who, f, { now })).length;
      expect(overview.totals).toEqual({ total: await count({}), late: await count({ late: '1' }), underDelivered: await count({ underDelivered: '1' }) });
      for (const row of overview.byOperator) {
        const f = { operator: row.operator.slug };
        expect([row.total, row.late, row.underDelivered]).toEqual([await count(f), await count({ ...f, late: '1' }), await count({ ...f, underDelivered: '1' })]);
      }
      for (const row of overview.byRegion) {
        const f: Record<string, string> = row.region ? { region: row.region.code } : { scope: 'NATIONAL' };
        expect([row.total, row.late, row.underDelivered]).toEqual([await count(f), await count({ ...f, late: '1' }), await count({ ...f, underDelivered: '1' })]);
      }
    }
  });

  it('counts only what the reader may read', async () => {
    const overview = await getCommitmentOverview(sgar, { now });
    expect(overview.byRegion.map((r) => r.region?.code ?? null)).not.toContain('53');
    expect(overview.byRegion.map((r) => r.region?.code ?? null)).not.toContain('44');
    expect(overview.byOperator.map((o) => o.operator.slug)).not.toContain('business-france');
    expect(await getCommitmentOverview(nobody, { now })).toEqual({ totals: { total: 0, late: 0, underDelivered: 0 }, byOperator: [], byRegion: [] });
  });
});

describe('overdue notifications', () => {
  const now = new Date('2026-07-02T12:00:00Z');
  const link = (id: string) => `/engagements/${id}`;
  const notificationsOf = (userId: string, commitmentId: string) =>
    db.notification.count({ where: { userId, kind: 'COMMITMENT_OVERDUE', link: link(commitmentId) } });

  it('notifies national staff and the operator’s staff once per overdue commitment, and is idempotent', async () => {
    const fondsVert = await db.commitment.findFirstOrThrow({ where: { title: { startsWith: 'Fonds vert' } }, select: { id: true } });
    const overdue = await createCommitment(national, { ...base, scope: 'REGION', regionCode: '76', title: 'Échu', dueDate: '2026-03-31' });
    const delivered = await createCommitment(national, { ...base, scope: 'REGION', regionCode: '76', title: 'Échu mais livré', dueDate: '2026-03-31' });
    await updateDelivery(ademe, delivered.id, { version: 1, delivered: base.promised });
    const notYet = await createCommitment(national, { ...base, scope: 'REGION', regionCode: '76', title: 'Pas encore échu', dueDate: '2026-07-02' });

    const firstRun = await notifyOverdueCommitments(now);
    expect(firstRun.created).toBeGreaterThan(0);
    for (const user of [national, admin, ademe]) {
      expect(await notificationsOf(user.id, fondsVert.id)).toBe(1);
      expect(await notificationsOf(user.id, overdue.id)).toBe(1);
      expect(await notificationsOf(user.id, delivered.id)).toBe(0);
      expect(await notificationsOf(user.id, notYet.id)).toBe(0);
    }
    // Other operators' staff and the territories' teams are not notified.
    for (const user of [bpifrance, sgar, cdp]) expect(await notificationsOf(user.id, overdue.id)).toBe(0);
    const notification = await db.notification.findFirstOrThrow({ where: { userId: ademe.id, link: link(overdue.id) }, select: { title: true, readAt: true } });
    expect(notification.title).toMatch(/^Engagement en retard : « Échu » \(ADEME\)/);
    expect(notification.readAt).toBeNull();

    const total = await db.notification.count({ where: { kind: 'COMMITMENT_OVERDUE' } });
    expect(await notifyOverdueCommitments(now)).toEqual({ overdue: firstRun.overdue, created: 0 });
    expect(await db.notification.count({ where: { kind: 'COMMITMENT_OVERDUE' } })).toBe(total);
  });

  it('notifies someone who joins later, once, without notifying the others again', async () => {
    const newcomer = await operatorStaff('nouvel.agent.ademe@demo.test', 'ademe');
    const ademeOverdue = (await listCommitments(national, { operator: 'ademe', late: '1' }, { now })).length;
    expect(ademeOverdue).toBeGreaterThan(0);
    expect(await notifyOverdueCommitments(now)).toMatchObject({ created: ademeOverdue });
    expect(await db.notification.count({ where: { userId: newcomer.id, kind: 'COMMITMENT_OVERDUE' } })).toBe(ademeOverdue);
    expect((await notifyOverdueCommitments(now)).created).toBe(0);
  });

  it('concurrent runs create no duplicate; inactive users are skipped', async () => {
    const inactive = await operatorStaff('ancien.agent.ademe@demo.test', 'ademe');
    await db.user.update({ where: { id: inactive.id }, data: { active: false } });
    const fresh = await createCommitment(national, { ...base, scope: 'NATIONAL', title: 'Échu à deux', dueDate: '2026-04-30' });
    const runs = await Promise.all([notifyOverdueCommitments(now), notifyOverdueCommitments(now)]);
    const recipients = await db.membership.findMany({
      where: { user: { active: true }, OR: [{ role: { in: ['NATIONAL_STAFF', 'NATIONAL_ADMIN'] } }, { role: 'OPERATOR_STAFF', operator: { slug: 'ademe' } }] },
      distinct: ['userId'],
      select: { userId: true },
    });
    expect(runs[0].created + runs[1].created).toBe(recipients.length);
    expect(await db.notification.count({ where: { link: link(fresh.id) } })).toBe(recipients.length);
    expect(await notificationsOf(inactive.id, fresh.id)).toBe(0);
  });
});
