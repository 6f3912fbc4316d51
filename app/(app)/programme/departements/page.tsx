import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { ClientSelect } from '@/components/tables/client-select';
import { buttonClasses } from '@/components/ui/button';
import { MapTable } from '@/components/programme/map-table';
import { requireActor } from '@/lib/auth/session';
import { getProgrammeOverview } from '@/lib/programme/queries';
import { programmeFiltersSchema } from '@/lib/actions/programme-filters';
import { MAP_MEASURES, MAP_MEASURE_OPTIONS, mapMeasureParam, programmeMapRows } from '@/lib/programme/map-measures';
import { healthByDepartement, listTerritoryHealth } from '@/lib/health/queries';
import { listRegions } from '@/lib/territories/queries';
import { orNotFound } from '@/lib/pages';
import { ACTION_STATUS_LABELS, AXIS_SHORT_LABELS } from '@/lib/labels';

export const metadata: Metadata = { title: 'Données de la carte par département' };

// The text equivalent of the programme map (ADR 0026): the hundred départements with the
// measure shown on the map, the number of territories, and the drill-down of each, for the
// same filters as the overview. Linked under the map instead of being inlined in it.
export default async function ProgrammeDepartementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const filters = programmeFiltersSchema.parse(raw);
  const measure = mapMeasureParam(raw.mesure);
  const actor = await requireActor();
  const [o, healthRows, regions] = await Promise.all([
    orNotFound(getProgrammeOverview(actor, filters)),
    listTerritoryHealth(actor, { regionCode: filters.region }),
    listRegions(),
  ]);
  const query = (extra: Record<string, string>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) p.set(k, String(v));
    return p.toString();
  };
  const m = MAP_MEASURES[measure];
  const depHealth = new Map(healthByDepartement(healthRows).map((d) => [d.code, d.alertShare]));
  const rows = programmeMapRows(o.byDepartement, depHealth, measure);
  const overview = `/programme?${query({ mesure: measure === 'actions' ? '' : measure })}`;
  const described = [
    filters.region && `région ${regions.find((r) => r.code === filters.region)?.name ?? filters.region}`,
    filters.axis && `axe ${AXIS_SHORT_LABELS[filters.axis]}`,
    filters.status && `statut ${ACTION_STATUS_LABELS[filters.status]}`,
    filters.operator && `opérateur ${filters.operator}`,
    filters.territory && `territoire ${filters.territory}`,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <PageHeader
        title="Données de la carte par département"
        description={`${m.label}, ${rows.length} département${rows.length > 1 ? 's' : ''}${described ? ` — ${described}` : ''}. Chaque chiffre mène à la liste des actions du département.`}
        breadcrumbs={[
          { href: overview, label: 'Vue programme' },
          { href: `/programme/departements?${query({ mesure: measure })}`, label: 'Données de la carte' },
        ]}
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        {Object.entries(filters).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={String(v)} /> : null))}
        <ClientSelect id="mesure" name="mesure" label="Mesure" defaultValue={measure} options={MAP_MEASURE_OPTIONS} />
        <button type="submit" className={buttonClasses('secondary', 'md')}>
          Afficher
        </button>
      </form>
      <MapTable
        data={rows}
        measureLabel={m.label}
        caption={`${m.label} par département (équivalent textuel de la carte de la vue programme)`}
        detailHeader="Territoires"
        hrefPrefix={`/programme/actions?${query({ departement: '' }) ? `${query({ departement: '' })}&` : ''}departement=`}
      />
      <p className="mt-4">
        <a className="link" href={`${overview}#carte`}>
          Revenir à la carte
        </a>
      </p>
    </>
  );
}
