// The demo dataset: real phase II territories (Occitanie winners, Lacq-Pau-Tarbes,
// Nord Ardennes in Grand Est) with their official ids and EPCI, their teams, realistic
// actions, operators and commitments, and the demo accounts.
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

type DemoTerritory = [slug: string, name: string, phase: TerritoryPhase, officialId: string, epcis: string[]];

// Real phase II territories with their official id and their official EPCI (SIREN codes),
// as ANCT publishes them (data.gouv.fr "Programme Territoires d'industrie", list of
// September 2024, Licence Ouverte 2.0 — public facts stated here, not read at run time).
// Names are the ones the demo has always shown; importing the official list renames
// them to the official spelling, in place.
export const DEMO_TERRITORIES: DemoTerritory[] = [
  ['tarn-nord', 'Tarn Nord', 'NEW', 'ti-7614', ['200040905', '200066124', '248100737']],
  ['hautes-terres-doc', "Hautes Terres d'Oc", 'NEW', 'ti-7610', ['200066553', '200066561', '248100745']],
  ['castres-revel-castelnaudary', 'Castres - Revel - Castelnaudary', 'RENEWED', 'ti-7605', ['243100567', '200035855', '248100158', '248100430']],
  ['ariege', 'Ariège', 'RENEWED', 'ti-7602', ['200044469', '200066223', '200066231', '200066363', '200067791', '240900431', '240900464', '200067940']],
  ['grand-narbonne', 'Grand Narbonne', 'RENEWED', 'ti-7609', ['241100593']],
  ['ales', 'Alès', 'RENEWED', 'ti-7601', ['200066918', '200035129']],
  ['pont-du-gard-gard-rhodanien', 'Pont du Gard / Gard Rhodanien', 'RENEWED', 'ti-7607', ['200034692', '243000684']],
  ['comminges-nestes', 'Comminges-Nestes', 'RENEWED', 'ti-7606', ['200068815', '200070787', '200070829', '200072635', '200072643', '200073146', '246500573']],
  [
    'interdepartemental-32-82',
    'Interdépartemental 32/82',
    'RENEWED',
    'ti-7611',
    ['200023620', '200034726', '200040418', '200042372', '200066322', '200066652', '200067122', '243200391', '243200599', '248200016', '248200065'],
  ],
  ['beziers-sete', 'Béziers-Sète', 'RENEWED', 'ti-7604', ['200066355', '243400488', '243400769', '243400819']],
  [
    'lacq-pau-tarbes',
    'Lacq-Pau-Tarbes',
    'RENEWED',
    'ti-7510',
    ['200039204', '200067239', '200067254', '200067262', '200067288', '200067296', '246400337', '246401756', '200069300', '246500482', '200072106'],
  ],
  [
    'aurillac-figeac-rodez',
    'Aurillac-Figeac-Rodez',
    'RENEWED',
    'ti-7603',
    [
      '200066371', '200067064', '200067361', '200068831', '200069383', '241200187', '241200542', '241200625', '241200641',
      '241200674', '241200807', '200023737', '200066660', '200066678', '241500230', '241501089', '200066637',
    ],
  ],
  ['grand-auch-astarac', 'Grand Auch / Astarac', 'NEW', 'ti-7608', ['200035756', '200066926']],
  ['nord-lozere', 'Nord Lozère', 'NEW', 'ti-7612', ['200069144', '200069185']],
  ['pyrenees-orientales', 'Pyrénées-Orientales', 'NEW', 'ti-7613', ['200027183', '200043602', '246600282', '246600373']],
  ['ardennes', 'Ardennes', 'RENEWED', 'ti-4407', ['200041630', '200067759', '240800821', '240800847']],
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
  const specs: TerritorySpec[] = DEMO_TERRITORIES.map(([slug, name, phase, officialId, epcis], i) => {
    const named = NAMED[slug];
    return {
      slug,
      name,
      phase,
      officialId,
      epcis,
      illustrative: false,
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
