import Link from 'next/link';
import { Card, StatCard } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { Table, THead, TBody, Tr, Th, Td } from '@/components/ui/table';
import type { PlanOverview } from '@/lib/plans/queries';
import { OPERATION_LABELS } from '@/lib/actions/format';
import { FIELD_LABELS, type TrackedField } from '@/lib/actions/dto';
import {
  ACTION_STATUS_LABELS,
  AXIS_SHORT_LABELS,
  PLAN_STATUS_LABELS,
  formatDateTime,
  formatEuros,
  formatInteger,
} from '@/lib/labels';
import type { ActionStatus } from '@/lib/generated/prisma/enums';

const STATUS_ORDER: ActionStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'PAUSED', 'BLOCKED', 'LATE', 'ABANDONED'];

export function PlanSummary({ slug, plan }: { slug: string; plan: PlanOverview }) {
  const statusLine = (byStatus: Partial<Record<ActionStatus, number>>) =>
    STATUS_ORDER.filter((s) => byStatus[s])
      .map((s) => `${byStatus[s]} ${ACTION_STATUS_LABELS[s].toLowerCase()}`)
      .join(', ') || '—';
  return (
    <section aria-labelledby="plan-titre" className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h2 id="plan-titre" className="text-2xl font-bold">
          Plan d&apos;actions
        </h2>
        <div className="flex flex-wrap gap-2">
          <ButtonLink href={`/territoires/${slug}/plan`}>Voir les actions</ButtonLink>
          <ButtonLink href={`/territoires/${slug}/versions`} variant="secondary">
            Versions et validation
          </ButtonLink>
        </div>
      </div>
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone="primary">{PLAN_STATUS_LABELS[plan.status]}</Badge>
        {plan.lastVersion ? (
          <span>
            Dernière version : n° {plan.lastVersion.number} du {formatDateTime(plan.lastVersion.submittedAt)}
            {plan.lastValidatedNumber ? ` — dernière version validée : n° ${plan.lastValidatedNumber}` : ''}
          </span>
        ) : (
          <span>Aucune version soumise.</span>
        )}
        {plan.unsubmittedChanges && plan.actionCount > 0 && <Badge tone="warning">Modifications non soumises</Badge>}
      </p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label="Actions" value={formatInteger(plan.actionCount)} href={`/territoires/${slug}/plan`} />
        <StatCard label="Budget prévisionnel" value={formatEuros(plan.budgetCents)} />
        <StatCard
          label="Actions réalisées"
          value={formatInteger(plan.byStatus.DONE ?? 0)}
          href={`/territoires/${slug}/plan?status=DONE`}
        />
        <StatCard
          label="Jalons en retard"
          value={formatInteger(plan.lateMilestones)}
          href={`/territoires/${slug}/plan?late=1`}
        />
      </div>
      <Table caption="Actions par axe du programme">
        <THead>
          <Tr>
            <Th scope="col">Axe</Th>
            <Th scope="col" numeric>
              Actions
            </Th>
            <Th scope="col">Statuts</Th>
            <Th scope="col" numeric>
              Budget
            </Th>
          </Tr>
        </THead>
        <TBody>
          {plan.byAxis.map((a) => (
            <Tr key={a.axis}>
              <Th scope="row">
                <Link className="link" href={`/territoires/${slug}/plan?axis=${a.axis}`}>
                  {AXIS_SHORT_LABELS[a.axis]}
                </Link>
              </Th>
              <Td numeric>{formatInteger(a.actions)}</Td>
              <Td>{statusLine(a.byStatus)}</Td>
              <Td numeric>{formatEuros(a.budgetCents)}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <Card title="Changements récents" headingLevel={3}>
        {plan.recentChanges.length === 0 ? (
          <p>Aucun changement enregistré.</p>
        ) : (
          <ul className="space-y-2">
            {plan.recentChanges.map((c, i) => (
              <li key={`${c.at}-${i}`}>
                <span className="text-neutral-700">{formatDateTime(c.at)}</span> — {c.actor ?? 'Système'} :{' '}
                {OPERATION_LABELS[c.operation] ?? c.operation}
                {c.entityType === 'Action' && c.title && (
                  <>
                    {' '}
                    de «&nbsp;
                    <Link className="link" href={`/actions/${c.entityId}`}>
                      {c.title}
                    </Link>
                    &nbsp;»
                  </>
                )}
                {c.operation === 'update' || c.operation === 'progress'
                  ? ` (${c.fields
                      .map((f) => FIELD_LABELS[f as TrackedField])
                      .filter(Boolean)
                      .join(', ')})`
                  : ''}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </section>
  );
}
