import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { TextInput } from '@/components/ui/form';
import { DataTable, type DataCell } from '@/components/tables/data-table';
import { Pagination } from '@/components/ui/pagination';
import { clampPage, lastPage, pageParam } from '@/lib/pagination';
import { requireActor } from '@/lib/auth/session';
import { listAdminTerritories } from '@/lib/admin/territories';
import { orNotFound } from '@/lib/pages';
import { formatInteger, TERRITORY_PHASE_LABELS, TERRITORY_STATUS_LABELS } from '@/lib/labels';

export const metadata: Metadata = { title: 'Administration des territoires' };

const BASE = '/administration/territoires';
const PAGE_SIZE = 50;

export default async function AdminTerritoriesPage({ searchParams }: { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> }) {
  const raw = await searchParams;
  const rawQ = raw.q;
  const q = typeof rawQ === 'string' ? rawQ.slice(0, 200) : '';
  const actor = await requireActor();
  const territories = await orNotFound(listAdminTerritories(actor, q));
  // 183 territories: 50 a page, the filter kept in the URL (≤ 100 kB a page, issue 10).
  const page = clampPage(pageParam(raw.page), territories.length, PAGE_SIZE);
  const offset = (page - 1) * PAGE_SIZE;
  const shown = territories.slice(offset, offset + PAGE_SIZE);
  const pageHref = (n: number) => {
    const p = new URLSearchParams();
    if (q) p.set('q', q);
    if (n > 1) p.set('page', String(n));
    const qs = p.toString();
    return `${BASE}${qs ? `?${qs}` : ''}`;
  };
  return (
    <>
      <PageHeader
        title="Territoires"
        description="Nom, phase, statut, identifiant officiel et composition en EPCI. Départements, régions et population se déduisent de la composition ; l’adresse (identifiant) d’un territoire ne change pas."
        breadcrumbs={[{ href: BASE, label: 'Administration des territoires' }]}
      />
      <form method="get" action={BASE} role="search" aria-label="Filtrer les territoires" className="mb-6 flex flex-wrap items-end gap-4 rounded border border-neutral-300 bg-neutral-50 p-4">
        <TextInput id="q" name="q" type="search" label="Filtrer" hint="Nom ou identifiant officiel" maxLength={200} defaultValue={q} className="min-w-64 flex-1" />
        <div className="flex gap-2">
          <button type="submit" className={buttonClasses('primary', 'md')}>
            Filtrer
          </button>
          <Link href={BASE} className={buttonClasses('ghost', 'md')}>
            Réinitialiser
          </Link>
        </div>
      </form>
      <p className="mb-4" role="status">
        {formatInteger(territories.length)} territoire{territories.length > 1 ? 's' : ''}
        {q.trim() ? ' correspondant au filtre' : ''}.
      </p>
      {territories.length === 0 ? (
        <EmptyState title="Aucun territoire" description={q.trim() ? 'Aucun territoire ne correspond à ce filtre.' : undefined} />
      ) : (
        <>
          <DataTable
            caption={
              territories.length > PAGE_SIZE
                ? `Territoires du programme (${offset + 1} à ${offset + shown.length} sur ${formatInteger(territories.length)})`
                : 'Territoires du programme'
            }
            columns={[
              { label: 'Territoire', linkClass: 'link font-semibold' },
              { label: 'Identifiant officiel' },
              { label: 'Régions' },
              { label: 'Phase' },
              { label: 'Statut' },
              { label: 'EPCI', numeric: true },
              { label: 'Population', numeric: true },
            ]}
            rows={shown.map((t): DataCell[] => [
              { l: t.name, h: `${BASE}/${t.slug}` },
              t.officialId ?? '—',
              t.regions.map((r) => r.name).join(', ') || '—',
              TERRITORY_PHASE_LABELS[t.phase],
              { b: TERRITORY_STATUS_LABELS[t.status], tone: t.status === 'ACTIVE' ? 'success' : t.status === 'SUSPENDED' ? 'warning' : 'neutral' },
              formatInteger(t.epciCount),
              formatInteger(t.population),
            ])}
          />
          <Pagination page={page} pages={lastPage(territories.length, PAGE_SIZE)} href={pageHref} label="Pages de la liste des territoires" />
        </>
      )}
    </>
  );
}
