// The demo dataset: real phase II territory names (Occitanie winners, Ardennes in
// Grand Est) with plausible compositions from the official EPCI list, their
// teams, realistic actions, operators and commitments, and the demo accounts.
import type { Role, TerritoryPhase } from '../../lib/generated/prisma/enums';
import { TEMPLATES } from './content';
import {
  createActions,
  createTerritories,
  createUsers,
  OPERATORS,
  personName,
  rng,
  templatesFor,
  type CreatedTerritory,
  type Db,
  type TerritorySpec,
} from './build';

type DemoTerritory = [slug: string, name: string, phase: TerritoryPhase, epcis: string[]];

// EPCI SIREN codes from @etalab/decoupage-administratif; compositions are illustrative.
export const DEMO_TERRITORIES: DemoTerritory[] = [
  ['tarn-nord', 'Tarn Nord', 'NEW', ['200040905', '248100737', '200034064', '200034031']],
  ['hautes-terres-doc', "Hautes Terres d'Oc", 'NEW', ['200066553', '200066561', '248100745']],
  ['castres-revel-castelnaudary', 'Castres - Revel - Castelnaudary', 'RENEWED', ['248100430', '243100567', '200035855', '248100158']],
  ['ariege', 'Ariège', 'RENEWED', ['200067791', '240900464', '200066363']],
  ['grand-narbonne', 'Grand Narbonne', 'RENEWED', ['241100593']],
  ['ales', 'Alès', 'RENEWED', ['200066918']],
  ['pont-du-gard-gard-rhodanien', 'Pont du Gard / Gard Rhodanien', 'RENEWED', ['243000684', '200034692']],
  ['comminges-nestes', 'Comminges-Nestes', 'RENEWED', ['200072643', '200070829', '200070787']],
  ['interdepartemental-32-82', 'Interdépartemental 32/82', 'RENEWED', ['248200065', '243200391', '248200016']],
  ['beziers-sete', 'Béziers-Sète', 'RENEWED', ['243400769', '200066355']],
  ['lacq-pau-tarbes', 'Lacq-Pau-Tarbes', 'RENEWED', ['200039204', '200067254', '200069300']],
  ['aurillac-figeac-rodez', 'Aurillac-Figeac-Rodez', 'RENEWED', ['241500230', '200067361', '241200187']],
  ['grand-auch-astarac', 'Grand Auch / Astarac', 'NEW', ['200066926', '200035756']],
  ['nord-lozere', 'Nord Lozère', 'NEW', ['200069185', '200069102', '200006930']],
  ['pyrenees-orientales', 'Pyrénées-Orientales', 'NEW', ['200027183', '246600415', '246600373']],
  ['ardennes', 'Ardennes', 'RENEWED', ['200041630', '240800821', '200043156']],
];

const NAMED: Record<string, { lead: string; elu: string; industriel: string }> = {
  'tarn-nord': { lead: 'Claire Fabre', elu: 'Jean-Marc Castel', industriel: 'Sandrine Albert' },
  'hautes-terres-doc': { lead: 'Julien Cabrol', elu: 'Monique Vidal', industriel: 'Patrick Rouquette' },
  'castres-revel-castelnaudary': { lead: 'Élodie Sabatier', elu: 'Bernard Escande', industriel: 'Hervé Calvet' },
};

export interface DemoResult {
  territories: CreatedTerritory[];
  actions: number;
  operatorIds: Map<string, string>;
}

export async function createOperators(db: Db): Promise<Map<string, string>> {
  await db.operator.createMany({ data: OPERATORS, skipDuplicates: true });
  const rows = await db.operator.findMany({ select: { id: true, slug: true } });
  return new Map(rows.map((o) => [o.slug, o.id]));
}

export async function seedDemo(db: Db, { passwordHash }: { passwordHash: string }): Promise<DemoResult> {
  const r = rng(2026);
  const operatorIds = await createOperators(db);
  const specs: TerritorySpec[] = DEMO_TERRITORIES.map(([slug, name, phase, epcis], i) => {
    const named = NAMED[slug];
    return {
      slug,
      name,
      phase,
      officialId: undefined,
      epcis,
      illustrative: true,
      lead: { email: `cdp.${slug}@demo.test`, name: named?.lead ?? personName(r), title: "Cheffe de projet Territoires d'industrie" },
      elu: { email: `elu.${slug}@demo.test`, name: named?.elu ?? personName(r), title: i % 2 ? 'Président de la communauté de communes' : "Vice-présidente de l'agglomération, chargée du développement économique" },
      industriel: { email: `industriel.${slug}@demo.test`, name: named?.industriel ?? personName(r), title: 'Directeur de site industriel' },
    };
  });
  const territories = await createTerritories(db, specs, passwordHash);
  await createUsers(
    db,
    [
      { email: 'anct.national@demo.test', name: 'Anne Lemaire', memberships: [{ role: 'NATIONAL_STAFF' as Role, title: "Programme Territoires d'industrie, ANCT" }] },
      { email: 'admin@demo.test', name: 'David Morel', memberships: [{ role: 'NATIONAL_ADMIN' as Role, title: 'Administrateur national' }] },
      { email: 'sgar.occitanie@demo.test', name: 'Philippe Roche', memberships: [{ role: 'REGIONAL_STATE' as Role, regionCode: '76', title: 'Chargé de mission SGAR Occitanie' }] },
      { email: 'region.occitanie@demo.test', name: 'Valérie Costes', memberships: [{ role: 'REGIONAL_COUNCIL' as Role, regionCode: '76', title: 'Direction de l’économie, Région Occitanie' }] },
      { email: 'sgar.grand-est@demo.test', name: 'Stéphane Koenig', memberships: [{ role: 'REGIONAL_STATE' as Role, regionCode: '44', title: 'Chargé de mission SGAR Grand Est' }] },
      { email: 'sgar.nouvelle-aquitaine@demo.test', name: 'Marie Lacoste', memberships: [{ role: 'REGIONAL_STATE' as Role, regionCode: '75', title: 'Chargée de mission SGAR Nouvelle-Aquitaine' }] },
      { email: 'operateur.ademe@demo.test', name: 'Lucie Perrin', memberships: [{ role: 'OPERATOR_STAFF' as Role, operatorId: operatorIds.get('ademe'), title: 'Direction régionale ADEME' }] },
    ],
    passwordHash,
  );
  const tarnNord = [
    TEMPLATES.find((t) => t.title.startsWith('Plateforme mutualisée'))!,
    TEMPLATES.find((t) => t.title.startsWith('Requalification'))!,
    TEMPLATES.find((t) => t.title.startsWith('Réseau de chaleur'))!,
    TEMPLATES.find((t) => t.title.startsWith('Centre d’innovation'))!,
  ];
  const actions = await createActions(
    db,
    territories.map((t) => ({
      territory: t,
      templates: t.slug === 'tarn-nord' ? templatesFor(r, 8, tarnNord) : templatesFor(r, 3 + (t.slug.length % 4)),
      history: 2,
    })),
    r,
    operatorIds,
  );
  await createCommitments(db, operatorIds, territories);
  return { territories, actions, operatorIds };
}

async function createCommitments(db: Db, operatorIds: Map<string, string>, territories: CreatedTerritory[]) {
  const op = (slug: string) => operatorIds.get(slug) as string;
  const tarn = territories.find((t) => t.slug === 'tarn-nord');
  const created = await db.commitment.createManyAndReturn({
    data: [
      { operatorId: op('ademe'), title: 'Fonds vert – Territoires d’industrie en transition écologique', axis: 'ECOLOGICAL_TRANSITION', scope: 'NATIONAL', unit: 'EUR', promised: 100_000_000, delivered: 62_500_000, dueDate: new Date('2024-12-31'), status: 'LATE' },
      { operatorId: op('banque-des-territoires'), title: 'Cofinancement de l’ingénierie des chefs de projet', scope: 'REGION', regionCode: '76', unit: 'EUR', promised: 1_500_000, delivered: 900_000, dueDate: new Date('2026-12-31'), status: 'IN_PROGRESS' },
      { operatorId: op('bpifrance'), title: 'Accélérateurs PME industrie du futur', axis: 'INNOVATION', scope: 'NATIONAL', unit: 'entreprises', promised: 400, delivered: 310, dueDate: new Date('2027-06-30'), status: 'IN_PROGRESS' },
      { operatorId: op('cerema'), title: 'Appui à la stratégie foncière des territoires', axis: 'INDUSTRIAL_LAND', scope: 'REGION', regionCode: '76', unit: 'territoires accompagnés', promised: 10, delivered: 4, dueDate: new Date('2025-12-31'), status: 'LATE' },
      ...(tarn ? [{ operatorId: op('france-travail'), title: 'Plateforme emploi-compétences de Tarn Nord', axis: 'SKILLS' as const, scope: 'TERRITORY' as const, territoryId: tarn.id, unit: 'recrutements', promised: 150, delivered: 45, dueDate: new Date('2026-06-30'), status: 'IN_PROGRESS' as const }] : []),
    ],
    select: { id: true, axis: true, scope: true, territoryId: true },
  });
  const links: { commitmentId: string; actionId: string }[] = [];
  for (const c of created) {
    const actions = await db.action.findMany({
      where: { ...(c.territoryId ? { territoryId: c.territoryId } : { territory: { regionCodes: { has: '76' } } }), ...(c.axis ? { axes: { has: c.axis } } : {}) },
      select: { id: true },
      take: 3,
    });
    links.push(...actions.map((a) => ({ commitmentId: c.id, actionId: a.id })));
  }
  if (links.length) await db.commitmentAction.createMany({ data: links, skipDuplicates: true });
}
