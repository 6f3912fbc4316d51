import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { DataTable } from '@/components/tables/data-table';
import { Pagination } from '@/components/ui/pagination';
import { PlanTimeline, TimelineLegend } from '@/components/plans/plan-timeline';
import { requireActor } from '@/lib/auth/session';
import { listActions } from '@/lib/actions/queries';
import { getTerritoryRef } from '@/lib/territories/queries';
import { orNotFound } from '@/lib/pages';
import { MILESTONE_LABELS, milestoneState, timelinePeriod, timelineRowText, timelineRows } from '@/lib/plans/timeline';
import { clampPage, lastPage, pageParam } from '@/lib/pagination';
import { parisDay } from '@/lib/calendar';
import { ACTION_STATUS_LABELS, AXIS_SHORT_LABELS, formatDate } from '@/lib/labels';

export const metadata: Metadata = { title: 'Calendrier du plan' };

// 20 actions a page, in plan order, as the plan's list: a plan of any size stays under
// 100 kB a page (issue 10).
const PAGE_SIZE = 20;

export default async function PlanCalendarPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const sp = await searchParams;
  const actor = await requireActor();
  const territory = await orNotFound(getTerritoryRef(actor, slug));
  const today = parisDay(new Date());
  const period = timelinePeriod(typeof sp.periode === 'string' ? sp.periode : undefined, today);
  const actions = await listActions(actor, slug);
  const page = clampPage(pageParam(sp.page), actions.length, PAGE_SIZE);
  const shown = actions.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const groups = timelineRows(shown, period, today);
  const todayOffset =
    today >= period.from && today < period.to
      ? (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) /
        (Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`))
      : null;
  const href = (key: string) => `/territoires/${slug}/plan/calendrier?periode=${key}`;
  const pageHref = (n: number) => `${href(period.key)}${n > 1 ? `&page=${n}` : ''}`;
  const late = actions.flatMap((a) => a.milestones).filter((m) => milestoneState(m, today) === 'late').length;
  return (
    <>
      <PageHeader
        title={`Calendrier du plan — ${territory.name}`}
        description={`${period.label} : actions (début → fin prévue) et jalons, par axe. ${late} jalon${late > 1 ? 's' : ''} en retard dans le plan.`}
        breadcrumbs={[
          { href: '/territoires', label: 'Territoires' },
          { href: `/territoires/${slug}`, label: territory.name },
          { href: `/territoires/${slug}/plan`, label: "Plan d'actions" },
          { href: `/territoires/${slug}/plan/calendrier`, label: 'Calendrier' },
        ]}
      />
      <nav aria-label="Période affichée" className="mb-6 flex flex-wrap items-center gap-2">
        <Link className={buttonClasses('secondary', 'md')} href={href(period.previous)}>
          <span aria-hidden="true">← </span>Période précédente
        </Link>
        <span className="px-2 font-semibold" aria-current="page">
          {period.label}
        </span>
        <Link className={buttonClasses('secondary', 'md')} href={href(period.next)}>
          Période suivante<span aria-hidden="true"> →</span>
        </Link>
        <span className="ml-4 text-sm font-medium">Zoom :</span>
        {period.zoom.map((z) => (
          <Link key={z.key} className={buttonClasses('ghost', 'md')} href={href(z.key)}>
            {z.label}
          </Link>
        ))}
        <a className="link ml-4" href="#tableau-calendrier">
          Aller au tableau équivalent
        </a>
      </nav>
      <TimelineLegend />
      {actions.length === 0 ? (
        <EmptyState title="Aucune action" description="Le plan ne contient pas encore d'action." />
      ) : (
        <PlanTimeline
          months={period.months}
          todayOffset={todayOffset}
          groups={groups.map((g) => ({
            axis: g.axis,
            label: AXIS_SHORT_LABELS[g.axis],
            rows: g.rows.map((row) => ({
              id: row.action.id,
              reference: row.action.reference,
              title: row.action.title,
              status: ACTION_STATUS_LABELS[row.action.status],
              alt: timelineRowText(row, period, formatDate),
              bar: row.bar && [row.bar.offset, row.bar.width],
              marks: row.milestones.flatMap((m) => (m.offset === null ? [] : [[m.offset, m.state] as [number, typeof m.state]])),
            })),
          }))}
        />
      )}
      <div id="tableau-calendrier" className="mt-10" tabIndex={-1}>
        <DataTable
          caption={`Calendrier du plan (${period.label}) : équivalent en tableau${actions.length > PAGE_SIZE ? ` (actions ${(page - 1) * PAGE_SIZE + 1} à ${(page - 1) * PAGE_SIZE + shown.length} sur ${actions.length})` : ''}`}
          columns={[{ label: 'Action' }, { label: 'Axe' }, { label: 'Statut' }, { label: 'Début' }, { label: 'Fin prévue' }, { label: 'Jalons (échéance, état)' }]}
          rows={groups.flatMap((g) =>
            g.rows.map((row) => [
              { l: `${row.action.reference} ${row.action.title}`, h: `/actions/${row.action.id}` },
              AXIS_SHORT_LABELS[g.axis],
              ACTION_STATUS_LABELS[row.action.status],
              formatDate(row.action.startDate),
              formatDate(row.action.endDate),
              row.milestones.length === 0 ? '—' : row.milestones.map((m) => `${m.title} : ${formatDate(m.dueDate)}, ${MILESTONE_LABELS[m.state]}`).join(' ; '),
            ]),
          )}
        />
      </div>
      <Pagination page={page} pages={lastPage(actions.length, PAGE_SIZE)} href={pageHref} label="Pages du calendrier" />
    </>
  );
}
