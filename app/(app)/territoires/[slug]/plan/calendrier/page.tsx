import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, THead, TBody, Tr, Th, Td } from '@/components/ui/table';
import { MILESTONE_LABELS, PlanTimeline, TimelineLegend } from '@/components/plans/plan-timeline';
import { requireActor } from '@/lib/auth/session';
import { listActions } from '@/lib/actions/queries';
import { getTerritoryRef } from '@/lib/territories/queries';
import { orNotFound } from '@/lib/pages';
import { milestoneState, timelinePeriod, timelineRows } from '@/lib/plans/timeline';
import { parisDay } from '@/lib/calendar';
import { ACTION_STATUS_LABELS, AXIS_SHORT_LABELS, formatDate } from '@/lib/labels';

export const metadata: Metadata = { title: 'Calendrier du plan' };

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
  const groups = timelineRows(actions, period, today);
  const todayOffset =
    today >= period.from && today < period.to
      ? (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) /
        (Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`))
      : null;
  const href = (key: string) => `/territoires/${slug}/plan/calendrier?periode=${key}`;
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
        <PlanTimeline groups={groups} period={period} todayOffset={todayOffset} />
      )}
      <div id="tableau-calendrier" className="mt-10" tabIndex={-1}>
        <Table caption={`Calendrier du plan (${period.label}) : équivalent en tableau`}>
          <THead>
            <Tr>
              <Th scope="col">Action</Th>
              <Th scope="col">Axe</Th>
              <Th scope="col">Statut</Th>
              <Th scope="col">Début</Th>
              <Th scope="col">Fin prévue</Th>
              <Th scope="col">Jalons (échéance, état)</Th>
            </Tr>
          </THead>
          <TBody>
            {groups.flatMap((g) =>
              g.rows.map((row) => (
                <Tr key={row.action.id}>
                  <Th scope="row">
                    <Link className="link" href={`/actions/${row.action.id}`}>
                      {row.action.reference} {row.action.title}
                    </Link>
                  </Th>
                  <Td>{AXIS_SHORT_LABELS[g.axis]}</Td>
                  <Td>{ACTION_STATUS_LABELS[row.action.status]}</Td>
                  <Td>{formatDate(row.action.startDate)}</Td>
                  <Td>{formatDate(row.action.endDate)}</Td>
                  <Td>
                    {row.milestones.length === 0
                      ? '—'
                      : row.milestones.map((m) => `${m.title} : ${formatDate(m.dueDate)}, ${MILESTONE_LABELS[m.state]}`).join(' ; ')}
                  </Td>
                </Tr>
              )),
            )}
          </TBody>
        </Table>
      </div>
    </>
  );
}
