import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { ButtonLink, buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Select, TextInput } from '@/components/ui/form';
import { PlanActionsTable } from '@/components/plans/plan-actions-table';
import { requireActor } from '@/lib/auth/session';
import { listActionsPage, listFilterOperators } from '@/lib/actions/queries';
import { Pagination } from '@/components/ui/pagination';
import { lastPage, pageParam } from '@/lib/pagination';
import { actionFiltersSchema, AXES, PHASES, STATUSES } from '@/lib/actions/schemas';
import { getTerritoryRef } from '@/lib/territories/queries';
import { planPermissions } from '@/lib/plans/queries';
import { orNotFound } from '@/lib/pages';
import {
  ACTION_STATUS_LABELS,
  ACTION_STATUS_TONES,
  AXIS_SHORT_LABELS,
  PHASE_LABELS,
  formatDate,
  formatEuros,
} from '@/lib/labels';
import { movePlanActionForm } from './server-actions';
import { territoryReadOnlyReason } from '@/lib/authz/policy';

export const metadata: Metadata = { title: "Plan d'actions" };

// Long plans are paginated on the server (≤ 100 kB of HTML per page, issue 10).
const PAGE_SIZE = 20;

const SORTS = [
  { value: 'position', label: 'Ordre du plan' },
  { value: 'title', label: 'Titre' },
  { value: 'status', label: 'Statut' },
  { value: 'endDate', label: 'Échéance' },
  { value: 'updatedAt', label: 'Dernière modification' },
  { value: 'budget', label: 'Budget' },
];

export default async function PlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === 'string'));
  const filters = actionFiltersSchema.parse(raw);
  const actor = await requireActor();
  const territory = await orNotFound(getTerritoryRef(actor, slug));
  const [result, operators, permissions] = await Promise.all([
    listActionsPage(actor, slug, filters, pageParam(raw.page), PAGE_SIZE),
    listFilterOperators(),
    planPermissions(actor, territory),
  ]);
  const filtered = Boolean(filters.axis || filters.status || filters.phase || filters.operator || filters.late || filters.q);
  const actions = result.items;
  const offset = (result.page - 1) * result.pageSize;
  const pageHref = (page: number) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) p.set(k, String(v));
    if (page > 1) p.set('page', String(page));
    const q = p.toString();
    return `/territoires/${slug}/plan${q ? `?${q}` : ''}`;
  };
  const canMove = permissions.canEdit && !filtered && !filters.archived && (!filters.sort || filters.sort === 'position');
  return (
    <>
      <PageHeader
        title={filters.archived ? `Actions archivées — ${territory.name}` : `Plan d'actions — ${territory.name}`}
        breadcrumbs={[
          { href: '/territoires', label: 'Territoires' },
          { href: `/territoires/${slug}`, label: territory.name },
          { href: `/territoires/${slug}/plan`, label: "Plan d'actions" },
        ]}
        actions={
          <div className="flex flex-wrap gap-2">
            <ButtonLink href={`/territoires/${slug}/plan/calendrier`} variant="secondary">
              Calendrier
            </ButtonLink>
            <a href={`/api/v1/territories/${slug}/plan.xlsx`} download className={buttonClasses('secondary', 'md')}>
              Télécharger le classeur Excel
            </a>
            {permissions.canEdit && !filters.archived && (
              <ButtonLink href={`/territoires/${slug}/plan/import`} variant="secondary">
                Importer le classeur
              </ButtonLink>
            )}
            {permissions.canEdit && !filters.archived && <ButtonLink href={`/territoires/${slug}/plan/nouvelle`}>Nouvelle action</ButtonLink>}
          </div>
        }
      />
      {territoryReadOnlyReason(territory) && (
        <p role="status" className="mb-6 rounded border-l-4 border-warning-600 bg-warning-50 p-4 text-neutral-900">
          {territoryReadOnlyReason(territory)}
        </p>
      )}
      <form method="get" className="mb-6 grid gap-4 rounded border border-neutral-300 bg-neutral-50 p-4 sm:grid-cols-2 lg:grid-cols-4" role="search" aria-label="Filtrer les actions">
        <TextInput id="q" name="q" label="Rechercher" defaultValue={filters.q ?? ''} hint="Titre, description, objectifs, pilote" />
        <Select
          id="axis"
          name="axis"
          label="Axe"
          defaultValue={filters.axis ?? ''}
          options={[{ value: '', label: 'Tous les axes' }, ...AXES.map((a) => ({ value: a, label: AXIS_SHORT_LABELS[a] }))]}
        />
        <Select
          id="status"
          name="status"
          label="Statut"
          defaultValue={filters.status ?? ''}
          options={[{ value: '', label: 'Tous les statuts' }, ...STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))]}
        />
        <Select
          id="phase"
          name="phase"
          label="Phase"
          defaultValue={filters.phase ?? ''}
          options={[{ value: '', label: 'Toutes les phases' }, ...PHASES.map((p) => ({ value: p, label: PHASE_LABELS[p] }))]}
        />
        <Select
          id="operator"
          name="operator"
          label="Opérateur"
          defaultValue={filters.operator ?? ''}
          options={[{ value: '', label: 'Tous les opérateurs' }, ...operators.map((o) => ({ value: o.slug, label: o.name }))]}
        />
        <Select id="sort" name="sort" label="Trier par" defaultValue={filters.sort ?? 'position'} options={SORTS} />
        <div className="flex items-end gap-2">
          <input id="late" type="checkbox" name="late" value="1" defaultChecked={!!filters.late} className="mb-3 h-5 w-5" />
          <label htmlFor="late" className="mb-2.5">
            Jalons en retard uniquement
          </label>
        </div>
        {filters.archived && <input type="hidden" name="archived" value="1" />}
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClasses('primary', 'md')}>
            Filtrer
          </button>
          <Link href={`/territoires/${slug}/plan${filters.archived ? '?archived=1' : ''}`} className={buttonClasses('ghost', 'md')}>
            Réinitialiser
          </Link>
        </div>
      </form>
      <p className="mb-4" role="status">
        {result.total} action{result.total > 1 ? 's' : ''}
        {filtered ? ' correspondant aux filtres' : ''}
        {result.total > result.pageSize ? ` (${offset + 1} à ${offset + actions.length} affichées)` : ''}.{' '}
        {filters.archived ? (
          <Link className="link" href={`/territoires/${slug}/plan`}>
            Revenir au plan
          </Link>
        ) : (
          <Link className="link" href={`/territoires/${slug}/plan?archived=1`}>
            Voir les actions archivées
          </Link>
        )}
      </p>
      {result.total === 0 ? (
        <EmptyState
          title="Aucune action"
          description={filtered ? 'Aucune action ne correspond à ces filtres.' : "Ce plan ne contient pas encore d'action."}
        />
      ) : (
        <PlanActionsTable
          caption={`Actions du plan de ${territory.name}`}
          slug={slug}
          move={canMove ? movePlanActionForm : undefined}
          rows={actions.map((a, i) => ({
            id: a.id,
            reference: a.reference,
            title: a.title,
            lateMilestones: a.lateMilestones,
            axes: a.axes.map((x) => AXIS_SHORT_LABELS[x]).join(', '),
            phase: PHASE_LABELS[a.phase],
            status: ACTION_STATUS_LABELS[a.status],
            statusTone: ACTION_STATUS_TONES[a.status],
            endDate: formatDate(a.endDate),
            budget: formatEuros(a.budgetCents),
            up: offset + i > 0,
            down: offset + i < result.total - 1,
          }))}
        />
      )}
      <Pagination page={result.page} pages={lastPage(result.total, result.pageSize)} href={pageHref} label="Pages du plan d'actions" />
    </>
  );
}
