// National-scale dataset for benchmarks: the demo dataset, then generated
// territories up to 183 across the 18 regions (2-5 real EPCI each, an EPCI in at
// most one territory), ~25 actions each with history, and regional copilots.
import type { Role } from '../../lib/generated/prisma/enums';
import { createActions, createTerritories, createUsers, personName, rng, templatesFor, type Db, type TerritorySpec } from './build';
import { seedDemo } from './demo';
import { slugify } from '../../lib/slug';

const TOTAL = 183;


// EPCI names of the official geography carry quotes and double spaces
// (`CA "Saintes - Grandes Rives - L'Agglo"`): a territory name has neither.
export const shortName = (epciName: string) =>
  epciName
    .replace(/["«»]/g, ' ')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .replace(/^(CC|CA|CU|Métropole|Communauté (de communes|d'agglomération|urbaine))\s+(du |de la |de l'|des |de |d')?/i, '')
    .trim();

export async function seedNational(db: Db, { passwordHash }: { passwordHash: string }) {
  const demo = await seedDemo(db, { passwordHash });
  const r = rng(183);
  const regions = await db.region.findMany({ select: { code: true, name: true }, orderBy: { code: 'asc' } });
  const taken = new Set((await db.territoryEpci.findMany({ select: { epciSiren: true } })).map((e) => e.epciSiren));
  const epcis = await db.epci.findMany({ select: { siren: true, name: true, regionCodes: true, population: true }, orderBy: { siren: 'asc' } });
  // Candidate EPCI per region (single-region EPCI only), biggest first.
  const byRegion = new Map<string, typeof epcis>();
  for (const e of epcis) {
    if (taken.has(e.siren) || e.regionCodes.length !== 1) continue;
    const list = byRegion.get(e.regionCodes[0] as string) ?? [];
    list.push(e);
    byRegion.set(e.regionCodes[0] as string, list);
  }
  const toCreate = TOTAL - demo.territories.length;
  const totalCandidates = [...byRegion.values()].reduce((s, l) => s + l.length, 0);
  const quota = new Map(regions.map((reg) => [reg.code, Math.max(1, Math.round(((byRegion.get(reg.code)?.length ?? 0) / totalCandidates) * toCreate))]));
  const specs: TerritorySpec[] = [];
  const slugs = new Set(demo.territories.map((t) => t.slug));
  let counter = 1;
  outer: for (let round = 0; specs.length < toCreate && round < 200; round++) {
    for (const reg of regions) {
      const pool = byRegion.get(reg.code) ?? [];
      const already = specs.filter((s) => s.officialId?.endsWith(`-${reg.code}`)).length;
      if (already >= (quota.get(reg.code) ?? 0) + Math.floor(round / 20) || pool.length < 2) continue;
      const size = Math.min(pool.length, r.int(2, 5));
      const members = pool.splice(0, size);
      const main = [...members].sort((a, b) => b.population - a.population)[0]!;
      let name = shortName(main.name);
      let slug = slugify(name);
      while (slugs.has(slug)) slug = `${slugify(name)}-${reg.code}`;
      if (slugs.has(slug)) {
        name = `${name} (${reg.name})`;
        slug = `${slug}-${counter}`;
      }
      slugs.add(slug);
      const n = String(counter++).padStart(4, '0');
      specs.push({
        slug,
        name,
        phase: r.next() < 0.6 ? 'RENEWED' : 'NEW',
        // ti-9NNNN: five digits, never one of the official four-digit ids (ti-RRNN).
        officialId: `ti-9${n}-${reg.code}`,
        epcis: members.map((m) => m.siren),
        illustrative: true,
        lead: { email: `cdp.${slug}@national.test`, name: personName(r), title: "Chef·fe de projet Territoires d'industrie" },
        elu: { email: `elu.${slug}@national.test`, name: personName(r), title: 'Élu·e référent·e' },
        industriel: { email: `industriel.${slug}@national.test`, name: personName(r), title: 'Dirigeant·e industriel·le' },
      });
      if (specs.length >= toCreate) break outer;
    }
  }
  // Official-looking ids ti-9NNNN (the region suffix above only drove the quotas).
  for (const s of specs) s.officialId = s.officialId?.replace(/-\d+$/, '');
  const created = await createTerritories(db, specs, passwordHash);
  const actions = await createActions(
    db,
    created.map((t) => ({ territory: t, templates: templatesFor(r, r.int(15, 35)), history: 3 })),
    r,
    demo.operatorIds,
  );
  const existing = new Set((await db.membership.findMany({ where: { role: { in: ['REGIONAL_STATE', 'REGIONAL_COUNCIL'] } }, select: { role: true, regionCode: true } })).map((m) => `${m.role}-${m.regionCode}`));
  await createUsers(
    db,
    regions.flatMap((reg) =>
      (['REGIONAL_STATE', 'REGIONAL_COUNCIL'] as Role[])
        .filter((role) => !existing.has(`${role}-${reg.code}`))
        .map((role) => ({
          email: `${role === 'REGIONAL_STATE' ? 'sgar' : 'region'}.${slugify(reg.name)}@national.test`,
          name: personName(r),
          memberships: [{ role, regionCode: reg.code, title: role === 'REGIONAL_STATE' ? `SGAR ${reg.name}` : `Conseil régional ${reg.name}` }],
        })),
    ),
    passwordHash,
  );
  return { territories: demo.territories.length + created.length, actions: demo.actions + actions };
}
