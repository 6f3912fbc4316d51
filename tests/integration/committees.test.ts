// Regional committees against a real PostgreSQL: who records and reads them, which
// actions they may discuss, search, validation, concurrency and audit.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { committeePermissions, type Actor } from '@/lib/authz/policy';
import { createCommittee, updateCommittee } from '@/lib/committees/mutations';
import { getCommittee, listCommitteesForAction, listLinkableActions, listRegionCommittees } from '@/lib/committees/queries';
import { COMMITTEE_PAGE_SIZE } from '@/lib/committees/schemas';
import { actor, DEMO } from '../fixtures';

let sgar: Actor;
let regionCouncil: Actor;
let sgarGrandEst: Actor;
let sgarNouvelleAquitaine: Actor;
let national: Actor;
let operator: Actor;
let cdp: Actor;
let elu: Actor;
let cdpHautesTerres: Actor;
let cdpCastres: Actor;

/** Working-plan action ids per territory slug. */
const ids: Record<string, string[]> = {};
const idsOf = (slug: string) => {
  const list = ids[slug];
  if (!list?.length) throw new Error(`no action in ${slug}`);
  return list;
};
const first = (slug: string) => idsOf(slug)[0] as string;

type Failure = { code: string; details?: { fieldErrors?: Record<string, string[]>; current?: { changedFields: string[] } } };
const errorOf = async (p: Promise<unknown>): Promise<Failure> => {
  try {
    await p;
  } catch (e) {
    return e as Failure;
  }
  throw new Error('expected a failure');
};

const valid = () => ({
  title: 'Revue régionale Occitanie — 1er semestre',
  date: '2025-03-14',
  attendees: ['Philippe Roche (SGAR)', 'Valérie Costes (Région)', 'Claire Fabre (Tarn Nord)'],
  decisions: 'Fiche FA-1 : cofinancement validé.\n\nFiche FA-2 : étude complémentaire demandée.',
  actionIds: [first('tarn-nord'), idsOf('tarn-nord')[1] as string, first('hautes-terres-doc')],
});

beforeAll(async () => {
  [sgar, regionCouncil, sgarGrandEst, sgarNouvelleAquitaine, national, operator, cdp, elu, cdpHautesTerres, cdpCastres] =
    await Promise.all([
      actor(DEMO.sgarOccitanie),
      actor(DEMO.regionOccitanie),
      actor(DEMO.sgarGrandEst),
      actor('sgar.nouvelle-aquitaine@demo.test'),
      actor(DEMO.national),
      actor(DEMO.operatorAdeme),
      actor(DEMO.cdpTarnNord),
      actor(DEMO.eluTarnNord),
      actor(DEMO.cdpHautesTerres),
      actor(DEMO.cdpCastres),
    ]);
  const rows = await db.action.findMany({
    where: { archivedAt: null, territory: { slug: { in: ['tarn-nord', 'hautes-terres-doc', 'ardennes', 'lacq-pau-tarbes'] } } },
    orderBy: { number: 'asc' },
    select: { id: true, territory: { select: { slug: true } } },
  });
  for (const r of rows) (ids[r.territory.slug] ??= []).push(r.id);
});

const auditRows = (id: string) =>
  db.auditLog.findMany({
    where: { entityType: 'RegionalCommittee', entityId: id },
    orderBy: { id: 'asc' },
    select: { actorId: true, actorRole: true, operation: true, entityVersion: true, before: true, after: true },
  });

describe('recording a committee', () => {
  it('a regional copilot records a committee with attendees, decisions and linked actions, audited', async () => {
    const c = await createCommittee(sgar, '76', valid());
    expect(c).toMatchObject({
      region: { code: '76', name: 'Occitanie' },
      title: 'Revue régionale Occitanie — 1er semestre',
      date: '2025-03-14',
      attendees: valid().attendees,
      decisions: valid().decisions,
      access: 'full',
      version: 1,
      createdBy: 'Philippe Roche',
    });
    // Permissions travel beside the data, never inside it (ADR 0022).
    expect(c).not.toHaveProperty('canEdit');
    expect(committeePermissions(sgar, c).canEdit).toBe(true);
    // Grouped by territory name, then reference.
    expect(c.actions.map((a) => a.territory.slug)).toEqual(['hautes-terres-doc', 'tarn-nord', 'tarn-nord']);
    expect(c.actions.every((a) => /^FA-\d+$/.test(a.reference))).toBe(true);
    expect(await db.committeeAction.count({ where: { committeeId: c.id } })).toBe(3);

    const audit = await auditRows(c.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: sgar.id, actorRole: 'REGIONAL_STATE', operation: 'create', entityVersion: 1, before: null });
    expect(audit[0]?.after).toMatchObject({ title: c.title, date: '2025-03-14', actionIds: [...valid().actionIds].sort() });
  });

  it('the Region’s copilot and national staff may record too', async () => {
    expect(committeePermissions(regionCouncil, await createCommittee(regionCouncil, '76', { title: 'Comité Région', date: '2025-04-01' })).canEdit).toBe(true);
    const c = await createCommittee(national, '44', { title: 'Revue Grand Est', date: '2025-04-02', actionIds: [first('ardennes')] });
    expect(c).toMatchObject({ attendees: [], decisions: '', actions: [{ id: first('ardennes') }] });
  });

  it('refuses local teams and operators (forbidden), other regions (not found), and writes nothing', async () => {
    const before = await db.regionalCommittee.count();
    for (const who of [cdp, elu, operator]) {
      expect((await errorOf(createCommittee(who, '76', valid()))).code).toBe('FORBIDDEN');
    }
    expect((await errorOf(createCommittee(sgarGrandEst, '76', valid()))).code).toBe('NOT_FOUND');
    expect((await errorOf(createCommittee(cdp, '44', valid()))).code).toBe('NOT_FOUND');
    expect((await errorOf(createCommittee(national, '99', valid()))).code).toBe('NOT_FOUND');
    expect(await db.regionalCommittee.count()).toBe(before);
    expect(await db.auditLog.count({ where: { entityType: 'RegionalCommittee', actorId: { in: [cdp.id, elu.id, operator.id, sgarGrandEst.id] } } })).toBe(0);
  });

  it('refuses to link an action of another region, an unknown action or an archived one', async () => {
    const before = await db.regionalCommittee.count();
    const other = await errorOf(createCommittee(sgar, '76', { ...valid(), actionIds: [first('tarn-nord'), first('ardennes')] }));
    expect(other.code).toBe('INVALID');
    expect(other.details?.fieldErrors?.actionIds?.join(' ')).toMatch(/hors des territoires de la région/);
    // National staff may read every region, but a committee still only discusses its region's actions.
    expect((await errorOf(createCommittee(national, '44', { ...valid(), actionIds: [first('tarn-nord')] }))).code).toBe('INVALID');
    expect((await errorOf(createCommittee(sgar, '76', { ...valid(), actionIds: ['does-not-exist'] }))).code).toBe('INVALID');

    const archivedId = idsOf('hautes-terres-doc').at(-1) as string;
    await db.action.update({ where: { id: archivedId }, data: { archivedAt: new Date() } });
    try {
      const archived = await errorOf(createCommittee(sgar, '76', { ...valid(), actionIds: [archivedId] }));
      expect(archived.code).toBe('INVALID');
      expect(archived.details?.fieldErrors?.actionIds?.join(' ')).toMatch(/archivée/);
      const linkable = await listLinkableActions(sgar, '76');
      expect(linkable.flatMap((g) => g.actions.map((a) => a.id))).not.toContain(archivedId);
    } finally {
      await db.action.update({ where: { id: archivedId }, data: { archivedAt: null } });
    }
    expect(await db.regionalCommittee.count()).toBe(before);
  });

  it.each([
    ['title', { title: '' }],
    ['title', { title: 'x'.repeat(201) }],
    ['date', { date: '2025-02-30' }],
    ['date', { date: '14/03/2025' }],
    ['date', { date: undefined }],
    ['attendees', { attendees: 'Philippe Roche' }],
    ['attendees', { attendees: ['Philippe Roche', 'philippe roche'] }],
    ['attendees.1', { attendees: ['Philippe Roche', '  '] }],
    ['attendees.0', { attendees: ['Philippe Roche\nValérie Costes'] }],
    ['attendees', { attendees: Array.from({ length: 101 }, (_, i) => `Participant ${i}`) }],
    ['decisions', { decisions: 'x'.repeat(20_001) }],
    ['actionIds', { actionIds: 'abc' }],
    ['actionIds', { actionIds: ['a', 'a'] }],
    ['regionCode', { regionCode: '44' }],
    ['createdById', { createdById: 'someone' }],
  ])('refuses bad input on %s with a French message', async (field, patch) => {
    const before = await db.regionalCommittee.count();
    const e = await errorOf(createCommittee(sgar, '76', { ...valid(), ...patch }));
    expect(e.code).toBe('INVALID');
    const messages = e.details?.fieldErrors?.[field];
    expect(messages, JSON.stringify(e.details?.fieldErrors)).toBeDefined();
    expect(messages?.join(' ')).toMatch(/[a-zà-ü]/i);
    expect(await db.regionalCommittee.count()).toBe(before);
  });

  it('refuses a body that is not an object', async () => {
    for (const body of [null, [], 'x']) expect((await errorOf(createCommittee(sgar, '76', body))).code).toBe('INVALID');
  });
});

describe('reading committees', () => {
  let id: string;
  beforeAll(async () => {
    id = (await createCommittee(sgar, '76', { ...valid(), title: 'Revue de lecture' })).id;
  });

  it('national staff, operators and the region’s copilots read everything', async () => {
    for (const who of [sgar, regionCouncil, national, operator]) {
      const c = await getCommittee(who, id);
      expect(c.access).toBe('full');
      expect(c.attendees).toEqual(valid().attendees);
      expect(c.actions).toHaveLength(3);
    }
    expect(committeePermissions(operator, await getCommittee(operator, id)).canEdit).toBe(false);
  });

  it('another region’s copilot does not find it', async () => {
    expect((await errorOf(getCommittee(sgarGrandEst, id))).code).toBe('NOT_FOUND');
    expect((await errorOf(listRegionCommittees(sgarGrandEst, '76'))).code).toBe('NOT_FOUND');
    expect((await errorOf(listCommitteesForAction(sgarGrandEst, first('tarn-nord')))).code).toBe('NOT_FOUND');
  });

  it('local teams see title, date and decisions of committees that discussed their actions, and only their actions', async () => {
    for (const who of [cdp, elu]) {
      const c = await getCommittee(who, id);
      expect(c).toMatchObject({ access: 'limited', title: 'Revue de lecture', date: '2025-03-14', decisions: valid().decisions });
      expect(committeePermissions(who, c).canEdit).toBe(false);
      expect(c.attendees).toBeNull();
      expect(c.createdBy).toBeNull();
      expect(c.actions.map((a) => a.territory.slug)).toEqual(['tarn-nord', 'tarn-nord']);
    }
    expect((await getCommittee(cdpHautesTerres, id)).actions.map((a) => a.id)).toEqual([first('hautes-terres-doc')]);
    // A territory whose actions were not discussed does not see the committee.
    expect((await errorOf(getCommittee(cdpCastres, id))).code).toBe('NOT_FOUND');
    const castres = await listRegionCommittees(cdpCastres, '76');
    expect(castres.items.map((c) => c.id)).not.toContain(id);
  });

  it('lists the committees that discussed an action, for whoever may read the action', async () => {
    const forCdp = await listCommitteesForAction(cdp, first('tarn-nord'));
    const mine = forCdp.find((c) => c.id === id);
    expect(mine).toMatchObject({ title: 'Revue de lecture', date: '2025-03-14', access: 'limited', attendees: null, actionCount: 2 });
    const forSgar = await listCommitteesForAction(sgar, first('tarn-nord'));
    expect(forSgar.find((c) => c.id === id)).toMatchObject({ access: 'full', actionCount: 3, attendees: valid().attendees });
    // Most recent first.
    const dates = forSgar.map((c) => c.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect((await errorOf(listCommitteesForAction(cdp, first('hautes-terres-doc')))).code).toBe('NOT_FOUND');
    expect((await errorOf(listCommitteesForAction(cdp, 'does-not-exist'))).code).toBe('NOT_FOUND');
    expect((await listCommitteesForAction(cdpHautesTerres, first('hautes-terres-doc'))).map((c) => c.id)).toContain(id);
  });

  it('a territory spanning two regions: the other region’s copilots see the decisions about it, limited', async () => {
    const lacq = await db.territory.findUniqueOrThrow({ where: { slug: 'lacq-pau-tarbes' }, select: { regionCodes: true } });
    expect(lacq.regionCodes).toEqual(expect.arrayContaining(['75', '76']));
    const c = await createCommittee(sgar, '76', { title: 'Revue interrégionale', date: '2025-05-05', actionIds: [first('lacq-pau-tarbes'), first('tarn-nord')] });
    const seen = await getCommittee(sgarNouvelleAquitaine, c.id);
    expect(seen).toMatchObject({ access: 'limited', attendees: null });
    expect(committeePermissions(sgarNouvelleAquitaine, seen).canEdit).toBe(false);
    expect(seen.actions.map((a) => a.id)).toEqual([first('lacq-pau-tarbes')]);
    expect((await errorOf(updateCommittee(sgarNouvelleAquitaine, c.id, { version: 1, title: 'x' }))).code).toBe('FORBIDDEN');
    expect((await errorOf(getCommittee(sgarNouvelleAquitaine, id))).code).toBe('NOT_FOUND');
  });
});

describe('editing a committee', () => {
  it('updates with the current version, replaces linked actions, audits the changed fields only', async () => {
    const c = await createCommittee(sgar, '76', valid());
    const keep = first('tarn-nord');
    const add = idsOf('tarn-nord')[2] as string;
    const updated = await updateCommittee(regionCouncil, c.id, {
      version: 1,
      decisions: 'Nouvelle rédaction des décisions.',
      actionIds: [keep, add],
    });
    expect(updated).toMatchObject({ version: 2, decisions: 'Nouvelle rédaction des décisions.', title: c.title, updatedBy: 'Valérie Costes' });
    expect(updated.actions.map((a) => a.id).sort()).toEqual([keep, add].sort());
    const audit = await auditRows(c.id);
    expect(audit.map((a) => [a.operation, a.entityVersion])).toEqual([
      ['create', 1],
      ['update', 2],
    ]);
    expect(audit[1]).toMatchObject({ actorId: regionCouncil.id, actorRole: 'REGIONAL_COUNCIL' });
    expect(Object.keys(audit[1]?.after as object).sort()).toEqual(['actionIds', 'decisions']);
    expect(audit[1]?.before).toMatchObject({ decisions: valid().decisions });
  });

  it('saving without any change writes nothing', async () => {
    const c = await createCommittee(sgar, '76', valid());
    const same = await updateCommittee(sgar, c.id, { version: 1, title: c.title, actionIds: [...valid().actionIds].reverse() });
    expect(same.version).toBe(1);
    expect(await auditRows(c.id)).toHaveLength(1);
  });

  it('refuses a stale version with a conflict that says what changed, and overwrites nothing', async () => {
    const c = await createCommittee(sgar, '76', valid());
    await updateCommittee(national, c.id, { version: 1, title: 'Titre corrigé' });
    const e = await errorOf(updateCommittee(sgar, c.id, { version: 1, decisions: 'Écrasement' }));
    expect(e.code).toBe('CONFLICT');
    expect(e.details?.current?.changedFields).toEqual(['title']);
    expect((await getCommittee(sgar, c.id)).decisions).toBe(valid().decisions);
  });

  it('two concurrent writers from the same version: exactly one wins', async () => {
    const c = await createCommittee(sgar, '76', valid());
    const results = await Promise.allSettled([
      updateCommittee(sgar, c.id, { version: 1, title: 'Version A' }),
      updateCommittee(regionCouncil, c.id, { version: 1, title: 'Version B' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect((rejected?.reason as Failure).code).toBe('CONFLICT');
    expect(await auditRows(c.id)).toHaveLength(2);
  });

  it('who may edit: forbidden to readers in scope, not found out of scope', async () => {
    const c = await createCommittee(sgar, '76', valid());
    for (const who of [cdp, elu, operator]) {
      expect((await errorOf(updateCommittee(who, c.id, { version: 1, title: 'x' }))).code).toBe('FORBIDDEN');
    }
    expect((await errorOf(updateCommittee(sgarGrandEst, c.id, { version: 1, title: 'x' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(updateCommittee(cdpCastres, c.id, { version: 1, title: 'x' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(updateCommittee(sgar, 'does-not-exist', { version: 1, title: 'x' }))).code).toBe('NOT_FOUND');
    expect((await getCommittee(sgar, c.id)).title).toBe(valid().title);
  });

  it('requires the base version, refuses unknown keys and other regions’ actions', async () => {
    const c = await createCommittee(sgar, '76', valid());
    expect((await errorOf(updateCommittee(sgar, c.id, { title: 'x' }))).details?.fieldErrors?.version).toBeDefined();
    expect((await errorOf(updateCommittee(sgar, c.id, { version: 1, regionCode: '44' }))).details?.fieldErrors?.regionCode).toBeDefined();
    expect((await errorOf(updateCommittee(sgar, c.id, { version: 1, date: '2025-13-01' }))).details?.fieldErrors?.date).toBeDefined();
    const other = await errorOf(updateCommittee(sgar, c.id, { version: 1, actionIds: [first('ardennes')] }));
    expect(other.code).toBe('INVALID');
    expect(other.details?.fieldErrors?.actionIds).toBeDefined();
    expect((await getCommittee(sgar, c.id)).actions).toHaveLength(3);
    expect(await auditRows(c.id)).toHaveLength(1);
  });

  it('an action archived after the committee stays linked on edit, but cannot be newly linked', async () => {
    const [a, b] = [idsOf('tarn-nord')[3] as string, idsOf('tarn-nord')[4] as string];
    const c = await createCommittee(sgar, '76', { title: 'Revue archivage', date: '2025-06-01', actionIds: [a] });
    await db.action.updateMany({ where: { id: { in: [a, b] } }, data: { archivedAt: new Date() } });
    try {
      const linkable = (await listLinkableActions(sgar, '76', [a])).flatMap((g) => g.actions);
      expect(linkable.find((x) => x.id === a)).toMatchObject({ archived: true });
      expect(linkable.find((x) => x.id === b)).toBeUndefined();
      const kept = await updateCommittee(sgar, c.id, { version: 1, title: 'Revue archivage (corrigée)', actionIds: [a] });
      expect(kept.actions).toMatchObject([{ id: a, archived: true }]);
      const added = await errorOf(updateCommittee(sgar, c.id, { version: 2, actionIds: [a, b] }));
      expect(added.code).toBe('INVALID');
    } finally {
      await db.action.updateMany({ where: { id: { in: [a, b] } }, data: { archivedAt: null } });
    }
  });
});

describe('links out of the editor’s sight', () => {
  it('an edit keeps the links to actions the editor can no longer see', async () => {
    const lacq = first('lacq-pau-tarbes');
    const c = await createCommittee(sgar, '76', { title: 'Revue frontière', date: '2025-07-01', actionIds: [lacq, first('tarn-nord')] });
    const territory = await db.territory.findUniqueOrThrow({ where: { slug: 'lacq-pau-tarbes' }, select: { id: true, regionCodes: true } });
    await db.territory.update({ where: { id: territory.id }, data: { regionCodes: ['75'] } });
    try {
      const edited = await updateCommittee(sgar, c.id, { version: 1, actionIds: [first('tarn-nord'), idsOf('tarn-nord')[1] as string] });
      expect(edited.actions.map((a) => a.territory.slug)).toEqual(['tarn-nord', 'tarn-nord']);
      const links = await db.committeeAction.findMany({ where: { committeeId: c.id }, select: { actionId: true } });
      expect(links.map((l) => l.actionId)).toContain(lacq);
      // National staff see every link, and may drop it.
      await updateCommittee(national, c.id, { version: 2, actionIds: [first('tarn-nord')] });
      expect(await db.committeeAction.count({ where: { committeeId: c.id } })).toBe(1);
    } finally {
      await db.territory.update({ where: { id: territory.id }, data: { regionCodes: territory.regionCodes } });
    }
  });
});

describe('finding committees', () => {
  const token = 'Zéphyrin';
  let march: string, september: string, february: string, grandEst: string;

  beforeAll(async () => {
    march = (
      await createCommittee(sgar, '76', {
        title: `Revue ${token} printemps`,
        date: '2024-03-15',
        attendees: ['Agnès Bousquet (Banque des Territoires)'],
        decisions: 'Report de la fiche foncier.',
      })
    ).id;
    september = (
      await createCommittee(sgar, '76', {
        title: 'Revue automne',
        date: '2024-09-20',
        decisions: `Le projet ${token.toUpperCase()} est prioritaire pour la région.`,
        actionIds: [first('tarn-nord')],
      })
    ).id;
    february = (
      await createCommittee(sgar, '76', {
        title: 'Revue hiver',
        date: '2025-02-10',
        attendees: [`Jeanne ${token}`],
        actionIds: [first('tarn-nord')],
      })
    ).id;
    grandEst = (await createCommittee(sgarGrandEst, '44', { title: `Revue ${token} Grand Est`, date: '2024-06-01' })).id;
  });

  const idsFor = async (who: Actor, code: string, filters: Record<string, string>) =>
    (await listRegionCommittees(who, code, filters)).items.map((c) => c.id);

  it('searches title, decisions and attendees, case-insensitively, within the region', async () => {
    expect(await idsFor(sgar, '76', { q: token.toLowerCase() })).toEqual([february, september, march]);
    expect(await idsFor(sgar, '76', { q: 'banque des territoires' })).toEqual([march]);
    expect(await idsFor(sgarGrandEst, '44', { q: token })).toEqual([grandEst]);
    expect(await idsFor(national, '76', { q: 'aucun comité ne contient ceci' })).toEqual([]);
    // LIKE wildcards are searched as plain characters.
    for (const q of ['%', '_', '\\', `${token}%printemps`]) expect(await idsFor(sgar, '76', { q })).toEqual([]);
    const percent = (await createCommittee(sgar, '76', { title: 'Revue 100 % industrie_verte', date: '2023-11-09' })).id;
    expect(await idsFor(sgar, '76', { q: '100 %' })).toEqual([percent]);
    expect(await idsFor(sgar, '76', { q: 'industrie_verte' })).toEqual([percent]);
  });

  it('searches the titles of the linked actions', async () => {
    const title = (await db.action.findUniqueOrThrow({ where: { id: first('tarn-nord') }, select: { title: true } })).title;
    const found = await idsFor(sgar, '76', { q: title.slice(0, 25) });
    expect(found).toEqual(expect.arrayContaining([september, february]));
    expect(found).not.toContain(march);
  });

  it('filters by an inclusive date range', async () => {
    expect(await idsFor(sgar, '76', { q: token, from: '2024-03-15', to: '2024-09-20' })).toEqual([september, march]);
    expect(await idsFor(sgar, '76', { q: token, from: '2024-03-16' })).toEqual([february, september]);
    expect(await idsFor(sgar, '76', { q: token, to: '2024-12-31' })).toEqual([september, march]);
    expect(await idsFor(sgar, '76', { q: token, from: '', to: '' })).toHaveLength(3);
  });

  it('refuses malformed filters with per-field messages', async () => {
    const reversed = await errorOf(listRegionCommittees(sgar, '76', { from: '2025-01-01', to: '2024-01-01' }));
    expect(reversed.code).toBe('INVALID');
    expect(reversed.details?.fieldErrors?.to).toBeDefined();
    expect((await errorOf(listRegionCommittees(sgar, '76', { from: 'hier' }))).details?.fieldErrors?.from).toBeDefined();
    expect((await errorOf(listRegionCommittees(sgar, '76', { q: 'x'.repeat(201) }))).details?.fieldErrors?.q).toBeDefined();
    expect((await errorOf(listRegionCommittees(sgar, '76', { page: '0' }))).details?.fieldErrors?.page).toBeDefined();
  });

  it('local teams search only what they may see: not attendees, not committees without their actions', async () => {
    expect(await idsFor(cdp, '76', { q: token })).toEqual([september]);
    // February matches only by an attendee's name, which the project lead does not see.
    expect(await idsFor(cdp, '76', { q: `Jeanne ${token}` })).toEqual([]);
    expect(await idsFor(sgar, '76', { q: `Jeanne ${token}` })).toEqual([february]);
    const page = await listRegionCommittees(cdp, '76', {});
    expect(page.access).toBe('limited');
    expect(page.canRecord).toBe(false);
    expect(page.items.every((c) => c.attendees === null)).toBe(true);
    expect(page.items.map((c) => c.id)).not.toContain(march);
  });

  it('pages through long lists, most recent first', async () => {
    const all = await listRegionCommittees(national, '76', {});
    expect(all.pageSize).toBe(COMMITTEE_PAGE_SIZE);
    expect(all.total).toBeGreaterThanOrEqual(all.items.length);
    const dates = all.items.map((c) => c.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const beyond = await listRegionCommittees(national, '76', { page: '999' });
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(all.total);
  });
});
