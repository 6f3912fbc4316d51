import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { DataTable, type DataCell } from '@/components/tables/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { Select } from '@/components/ui/form';
import { buttonClasses } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { requireActor } from '@/lib/auth/session';
import { listTerritoriesPage } from '@/lib/territories/queries';
import { lastPage, pageParam } from '@/lib/pagination';
import { listTerritoryHealth } from '@/lib/health/queries';
import { TERRITORY_PHASE_LABELS, formatInteger } from '@/lib/labels';

export const metadata: Metadata = { title: 'Territoires' };

// 183 territories at national scale: paginated on the server (issue 10).
const PAGE_SIZE = 50;
const SORT_OPTIONS = [
  { value: 'name', label: 'Nom' },
  { value: 'actions', label: "Nombre d'actions" },
  { value: 'epcis', label: "Nombre d'EPCI" },
  { value: 'population', label: 'Population' },
];

export default async function TerritoriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const actor = await requireActor();
  const [result, healthRows] = await Promise.all([
    listTerritoriesPage(actor, {
      page: pageParam(raw.page),
      pageSize: PAGE_SIZE,
      sort: typeof raw.sort === 'string' ? raw.sort : undefined,
    }),
    listTerritoryHealth(actor),
  ]);
  const health = new Map(healthRows.map((h) => [h.slug, h.health]));
  const territories = result.items;
  const offset = (result.page - 1) * result.pageSize;
  const href = (page: number) => {
    const p = new URLSearchParams();
    if (result.sort !== 'name') p.set('sort', result.sort);
    if (page > 1) p.set('page', String(page));
    const q = p.toString();
    return `/territoires${q ? `?${q}` : ''}`;
  };
  return (
    <>
      <PageHeader
        title="Territoires"
        description={`${formatInteger(result.total)} territoire${result.total > 1 ? 's' : ''} dans votre périmètre.`}
      />
      {result.total === 0 ? (
        <EmptyState title="Aucun territoire" description="Aucun territoire n'est rattaché à votre compte." />
      ) : (
        <>
          {result.total > PAGE_SIZE && (
            <form method="get" className="mb-4 flex flex-wrap items-end gap-2" aria-label="Trier les territoires">
              <Select id="sort" name="sort" label="Trier par" defaultValue={result.sort} options={SORT_OPTIONS} />
              <button type="submit" className={buttonClasses('secondary', 'md')}>
                Trier
              </button>
            </form>
          )}
          <DataTable
            caption={
              result.total > PAGE_SIZE
                ? `Territoires de votre périmètre (${offset + 1} à ${offset + territories.length} sur ${formatInteger(result.total)})`
                : 'Territoires de votre périmètre'
            }
            columns={[
              { label: 'Territoire', linkClass: 'font-semibold text-primary-700 underline' },
              { label: 'Région' },
              { label: 'Départements' },
              { label: 'Phase' },
              { label: 'EPCI' },
              { label: 'Actions' },
              { label: 'État' },
            ]}
            rows={territories.map((t): DataCell[] => {
              const h = health.get(t.slug);
              return [
                { l: t.name, h: `/territoires/${t.slug}` },
                t.regions.map((r) => r.name).join(', '),
                t.departements.map((d) => d.code).join(', '),
                TERRITORY_PHASE_LABELS[t.phase],
                String(t.epciCount),
                String(t.actionCount),
                h ? { hs: h.status, r: h.summary } : '—',
              ];
            })}
          />
          <Pagination page={result.page} pages={lastPage(result.total, result.pageSize)} href={href} label="Pages de la liste des territoires" />
        </>
      )}
    </>
  );
}
