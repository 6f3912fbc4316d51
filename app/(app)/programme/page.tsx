import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { Card, StatCard } from '@/components/ui/card';
import { ClientSelect } from '@/components/tables/client-select';
import { buttonClasses } from '@/components/ui/button';
import { DataTable } from '@/components/tables/data-table';
import { LinkList } from '@/components/tables/link-list';
import { FranceMap } from '@/components/programme/france-map';
import { MAP_MEASURES, MAP_MEASURE_OPTIONS, mapMeasureParam, programmeMapRows } from '@/lib/programme/map-measures';
import { requireActor } from '@/lib/auth/session';
import { getProgrammeOverview } from '@/lib/programme/queries';
import { listFilterOperators } from '@/lib/actions/queries';
import { programmeFiltersSchema } from '@/lib/actions/programme-filters';
import { AXES, STATUSES } from '@/lib/actions/schemas';
import { listRegions } from '@/lib/territories/queries';
import { orNotFound } from '@/lib/pages';
import { ProgrammeHealth } from '@/components/health/programme-health';
import { ReportButtons } from '@/components/reports/report-buttons';
import { countHealth, healthByDepartement, listTerritoryHealth } from '@/lib/health/queries';
import {
  ACTION_STATUS_LABELS,
  AXIS_SHORT_LABELS,
  INDICATOR_KIND_LABELS,
  formatDate,
  formatEuros,
  formatInteger,
} from '@/lib/labels';

export const metadata: Metadata = { title: 'Vue programme' };

const pct = (n: number, total: number) => (total ? `${Math.round((n / total) * 100)} %` : '—');

export default async function ProgrammePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const filters = programmeFiltersSchema.parse(raw);
  const measure = mapMeasureParam(raw.mesure);
  const actor = await requireActor();
  const [o, regions, operators, healthRows] = await Promise.all([
    orNotFound(getProgrammeOverview(actor, filters)),
    listRegions(),
    listFilterOperators(),
    listTerritoryHealth(actor, { regionCode: filters.region }),
  ]);
  const query = (extra: Record<string, string>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) p.set(k, String(v));
    return p.toString();
  };
  const drill = (extra: Record<string, string>) => `/programme/actions?${query(extra)}`;
  const m = MAP_MEASURES[measure];
  // Health as a map measure: the share of a département's territories to watch or off track.
  const depHealth = new Map(healthByDepartement(healthRows).map((d) => [d.code, d.alertShare]));
  return (
    <>
      <PageHeader
        title="Vue programme"
        description="Suivi national des territoires d'industrie (phase II, 2023-2027). Chaque chiffre mène à la liste correspondante."
        actions={
          <div className="flex flex-wrap gap-2">
            <a className={buttonClasses('secondary', 'md')} href={`/api/v1/exports/actions.csv?${query({})}`} download>
              Exporter (CSV)
            </a>
            <a className={buttonClasses('secondary', 'md')} href={`/api/v1/exports/actions.xlsx?${query({})}`} download>
              Exporter (XLSX)
            </a>
            <Link className={buttonClasses('secondary', 'md')} href={`/programme/evolution?${query({})}`}>
              Évolution
            </Link>
            <ReportButtons base="/api/v1/programme/report" query={query({})} label="Dossier de gouvernance" />
          </div>
        }
      />
      <form method="get" role="search" aria-label="Filtrer la vue programme" className="mb-8 grid gap-4 rounded border border-neutral-300 bg-neutral-50 p-4 sm:grid-cols-2 lg:grid-cols-5">
        <ClientSelect id="region" name="region" label="Région" defaultValue={filters.region ?? ''} options={[{ value: '', label: 'Toutes les régions' }, ...regions.map((r) => ({ value: r.code, label: r.name }))]} />
        <ClientSelect id="axis" name="axis" label="Axe" defaultValue={filters.axis ?? ''} options={[{ value: '', label: 'Tous les axes' }, ...AXES.map((a) => ({ value: a, label: AXIS_SHORT_LABELS[a] }))]} />
        <ClientSelect id="status" name="status" label="Statut" defaultValue={filters.status ?? ''} options={[{ value: '', label: 'Tous les statuts' }, ...STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))]} />
        <ClientSelect id="operator" name="operator" label="Opérateur" defaultValue={filters.operator ?? ''} options={[{ value: '', label: 'Tous les opérateurs' }, ...operators.map((op) => ({ value: op.slug, label: op.name }))]} />
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClasses('primary', 'md')}>
            Filtrer
          </button>
          <Link href="/programme" className={buttonClasses('ghost', 'md')}>
            Réinitialiser
          </Link>
        </div>
      </form>
      <div className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label="Territoires" value={formatInteger(o.territoryCount)} href={filters.region ? `/regions/${filters.region}` : '/territoires'} />
        <StatCard label="Actions" value={formatInteger(o.actionCount)} href={drill({})} />
        <StatCard label="Budget prévisionnel" value={formatEuros(o.budgetCents)} href={drill({})} />
        <StatCard label="Territoires avec actions bloquées" value={formatInteger(o.blockedTerritories.length)} href={drill({ status: 'BLOCKED' })} />
      </div>
      <ProgrammeHealth
        counts={countHealth(healthRows)}
        // Only what the panel shows (the payload carries these props, ADR 0023).
        worst={healthRows
          .filter((h) => h.health.status !== 'ON_TRACK')
          .slice(0, 15)
          .map((h) => ({ slug: h.slug, name: h.name, health: { status: h.health.status, summary: h.health.summary } }))}
      />
      <div className="grid gap-8 lg:grid-cols-2">
        <DataTable
          caption="Actions par axe du programme"
          columns={[{ label: 'Axe' }, { label: 'Actions', numeric: true }, { label: 'Part', numeric: true }]}
          rows={o.byAxis.map((a) => [{ l: AXIS_SHORT_LABELS[a.axis], h: drill({ axis: a.axis }) }, formatInteger(a.actions), pct(a.actions, o.actionCount)])}
        />
        <DataTable
          caption="Actions par statut"
          columns={[{ label: 'Statut' }, { label: 'Actions', numeric: true }, { label: 'Part', numeric: true }]}
          rows={o.byStatus.map((st) => [{ l: ACTION_STATUS_LABELS[st.status], h: drill({ status: st.status }) }, formatInteger(st.actions), pct(st.actions, o.actionCount)])}
        />
      </div>
      <section aria-labelledby="carte" className="mt-10">
        <h2 id="carte" className="mb-4 text-xl font-bold">Carte des territoires</h2>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
          {Object.entries(filters).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={String(v)} /> : null))}
          <ClientSelect id="mesure" name="mesure" label="Mesure représentée" defaultValue={measure} options={MAP_MEASURE_OPTIONS} />
          <button type="submit" className={buttonClasses('secondary', 'md')}>Afficher</button>
        </form>
        <FranceMap
          measureLabel={m.label}
          // The table (and the number of territories of each département) is on its own page.
          data={programmeMapRows(o.byDepartement, depHealth, measure).map(({ detail: _detail, ...d }) => d)}
          // The drill-down of each département is this prefix + its code (one string in the
          // payload instead of one URL per département).
          hrefPrefix={`/programme/actions?${query({ departement: '' }) ? `${query({ departement: '' })}&` : ''}departement=`}
          tableHref={`/programme/departements?${query({ mesure: measure === 'actions' ? '' : measure })}`}
        />
      </section>
      <div className="mt-10">
        <DataTable
          caption="Territoires et actions par région"
          columns={[
            { label: 'Région', linkClass: 'link font-semibold' },
            { label: 'Territoires', numeric: true },
            { label: 'Actions', numeric: true },
            { label: 'Budget', numeric: true },
          ]}
          rows={o.byRegion.map((r) => [
            { l: r.name, h: `/regions/${r.code}` },
            formatInteger(r.territories),
            { l: formatInteger(r.actions), h: drill({ region: r.code }) },
            formatEuros(r.budgetCents),
          ])}
        />
      </div>
      <div className="mt-10 grid gap-8 lg:grid-cols-2">
        <DataTable
          caption="Financements par financeur"
          columns={[{ label: 'Financeur' }, { label: 'Accordé', numeric: true }, { label: 'Demandé ou envisagé', numeric: true }]}
          rows={o.byFinancer.slice(0, 15).map((f) => [f.financer, formatEuros(f.grantedCents), formatEuros(f.requestedCents)])}
        />
        <DataTable
          caption="Indicateurs consolidés"
          columns={[{ label: 'Indicateur' }, { label: 'Réalisé', numeric: true }, { label: 'Cible', numeric: true }]}
          rows={o.indicators.map((ind) => [INDICATOR_KIND_LABELS[ind.kind], formatInteger(Math.round(ind.actual)), formatInteger(Math.round(ind.target))])}
        />
      </div>
      <div className="mt-10 grid gap-8 lg:grid-cols-2">
        <Card title={`Territoires sans mise à jour depuis 90 jours (${o.staleTerritories.length})`} headingLevel={2}>
          <LinkList
            className="max-h-80 space-y-1 overflow-auto"
            hrefPrefix="/territoires/"
            sep=" — dernière mise à jour : "
            items={o.staleTerritories.slice(0, 50).map((t) => ({ l: t.name, h: t.slug, s: formatDate(t.lastUpdate) }))}
          />
        </Card>
        <Card title={`Territoires avec des actions bloquées (${o.blockedTerritories.length})`} headingLevel={2}>
          <LinkList
            className="max-h-80 space-y-1 overflow-auto"
            items={o.blockedTerritories.slice(0, 10).map((t) => ({
              l: t.name,
              h: drill({ territory: t.slug, status: 'BLOCKED' }),
              s: ` — ${t.blocked} action${t.blocked > 1 ? 's' : ''} bloquée${t.blocked > 1 ? 's' : ''}`,
            }))}
          />
          {o.blockedTerritories.length > 10 && (
            <p className="mt-3">
              <Link className="link" href={drill({ status: 'BLOCKED' })}>
                Voir les {formatInteger(o.blockedTerritories.length)} territoires dans la liste des actions bloquées
              </Link>
            </p>
          )}
        </Card>
      </div>
    </>
  );
}
