// Search against a real PostgreSQL: results never leave the caller's scope.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { search } from '@/lib/search/queries';
import { actor, DEMO } from '../fixtures';

let national: Actor;
let cdpTarn: Actor;
let cdpHautesTerres: Actor;
let sgarOccitanie: Actor;
let sgarGrandEst: Actor;
let operator: Actor;
let noRole: Actor;

let tarnId: string;
let hautesTerresId: string;

const TAG = 'Zéphyrine';

beforeAll(async () => {
  [national, cdpTarn, cdpHautesTerres, sgarOccitanie, sgarGrandEst, operator] = await Promise.all([
    actor(DEMO.national),
    actor(DEMO.cdpTarnNord),
    actor(DEMO.cdpHautesTerres),
    actor(DEMO.sgarOccitanie),
    actor(DEMO.sgarGrandEst),
    actor(DEMO.operatorAdeme),
  ]);
  const [tarn, hautes, ardennes] = await Promise.all(
    ['tarn-nord', 'hautes-terres-doc', 'ardennes'].map((slug) =>
      db.territory.findUniqueOrThrow({ where: { slug }, select: { id: true, plan: { select: { id: true } } } }),
    ),
  );
  tarnId = tarn!.id;
  hautesTerresId = hautes!.id;
  // One action carrying the same rare word in three territories (two regions).
  for (const [i, t] of [tarn!, hautes!, ardennes!].entries()) {
    await db.action.create({
      data: {
        planId: t.plan!.id,
        territoryId: t.id,
        number: 900 + i,
        position: 900 + i,
        title: i === 1 ? `Atelier ${TAG.toUpperCase()} mutualisé` : `Action test ${i}`,
        description: i === 1 ? '' : `Projet dit ${TAG.toLowerCase()} pour la recherche`,
        axes: ['INNOVATION'],
      },
    });
  }
  const ademe = await db.operator.findUniqueOrThrow({ where: { slug: 'ademe' }, select: { id: true } });
  await db.commitment.createMany({
    data: [
      { operatorId: ademe.id, title: `${TAG} national`, scope: 'NATIONAL', unit: 'EUR', promised: 1 },
      { operatorId: ademe.id, title: `${TAG} Occitanie`, scope: 'REGION', regionCode: '76', unit: 'EUR', promised: 1 },
      { operatorId: ademe.id, title: `${TAG} Grand Est`, scope: 'REGION', regionCode: '44', unit: 'EUR', promised: 1 },
      { operatorId: ademe.id, title: `${TAG} Tarn Nord`, scope: 'TERRITORY', territoryId: tarnId, unit: 'EUR', promised: 1 },
      { operatorId: ademe.id, title: `${TAG} Hautes Terres`, scope: 'TERRITORY', territoryId: hautesTerresId, unit: 'EUR', promised: 1 },
    ],
  });
  const lonely = await db.user.create({ data: { email: 'sans-role@exemple.test', name: 'Sans Rôle' }, select: { id: true } });
  noRole = { id: lonely.id, email: 'sans-role@exemple.test', name: 'Sans Rôle', memberships: [] };
});

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string; details?: { fieldErrors?: Record<string, string[]> } };
  }
  throw new Error('expected a failure');
};

const titles = (list: { title: string }[]) => list.map((x) => x.title).sort();

describe('scope', () => {
  it('national staff find everything, case-insensitively, in titles and descriptions', async () => {
    const r = await search(national, TAG.toLowerCase());
    expect(r.actions.map((a) => a.territory.slug).sort()).toEqual(['ardennes', 'hautes-terres-doc', 'tarn-nord']);
    expect(titles(r.commitments)).toEqual(
      [`${TAG} Grand Est`, `${TAG} Hautes Terres`, `${TAG} Occitanie`, `${TAG} Tarn Nord`, `${TAG} national`].sort(),
    );
    expect(r.actions[0]).toMatchObject({ reference: expect.stringMatching(/^FA-\d+$/), archived: false });
  });

  it('a project lead never finds another territory’s actions or commitments', async () => {
    const r = await search(cdpTarn, TAG);
    expect(r.actions.map((a) => a.territory.slug)).toEqual(['tarn-nord']);
    // National, its region's, its territory's; not another territory's nor another region's.
    expect(titles(r.commitments)).toEqual([`${TAG} Occitanie`, `${TAG} Tarn Nord`, `${TAG} national`].sort());
    const other = await search(cdpHautesTerres, TAG);
    expect(other.actions.map((a) => a.territory.slug)).toEqual(['hautes-terres-doc']);
    expect(titles(other.commitments)).not.toContain(`${TAG} Tarn Nord`);
    // Territories: only its own.
    expect((await search(cdpTarn, 'Terres')).territories).toEqual([]);
    expect((await search(cdpTarn, 'tarn')).territories.map((t) => t.slug)).toEqual(['tarn-nord']);
  });

  it('a regional copilot finds its region’s territories, actions and commitments', async () => {
    const occ = await search(sgarOccitanie, TAG);
    expect(occ.actions.map((a) => a.territory.slug).sort()).toEqual(['hautes-terres-doc', 'tarn-nord']);
    expect(titles(occ.commitments)).toEqual(
      [`${TAG} Hautes Terres`, `${TAG} Occitanie`, `${TAG} Tarn Nord`, `${TAG} national`].sort(),
    );
    const ge = await search(sgarGrandEst, TAG);
    expect(ge.actions.map((a) => a.territory.slug)).toEqual(['ardennes']);
    expect(titles(ge.commitments)).toEqual([`${TAG} Grand Est`, `${TAG} national`].sort());
    expect((await search(sgarGrandEst, 'Tarn')).territories).toEqual([]);
  });

  it('operator staff read the whole programme; a user without role finds nothing', async () => {
    const r = await search(operator, TAG);
    expect(r.actions).toHaveLength(3);
    expect(r.commitments).toHaveLength(5);
    expect(await search(noRole, TAG)).toEqual({ territories: [], actions: [], commitments: [] });
  });
});

describe('input', () => {
  it('requires 2 to 200 characters, with a French message', async () => {
    for (const q of ['', ' a ', 'x'.repeat(201)]) {
      const e = await errorOf(search(national, q));
      expect(e.code).toBe('INVALID');
      expect(e.details?.fieldErrors?.q?.[0]).toMatch(/^Recherche : /);
    }
  });

  it('searches LIKE wildcards literally and caps each kind at 20', async () => {
    const r = await search(national, '%_');
    expect(r).toEqual({ territories: [], actions: [], commitments: [] });
    const wide = await search(national, 'de');
    expect(wide.actions.length).toBeLessThanOrEqual(20);
    expect(wide.territories.length).toBeLessThanOrEqual(20);
    expect(wide.actions).toHaveLength(20);
  });
});
