import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { Card, StatCard } from '@/components/ui/card';
import { buttonClasses } from '@/components/ui/button';
import { DataTable, type DataCell } from '@/components/tables/data-table';
import { requireActor } from '@/lib/auth/session';
import { getRegion } from '@/lib/territories/queries';
import { getRegionalDashboard, listReviewQueue } from '@/lib/regions/queries';
import { orNotFound } from '@/lib/pages';
import { countHealth, listTerritoryHealth } from '@/lib/health/queries';
import { HEALTH_LABELS, HEALTH_SYMBOLS } from '@/lib/health/territory-health';
import { ReportButtons } from '@/components/reports/report-buttons';
import {
  AXIS_SHORT_LABELS,
  PLAN_STATUS_LABELS,
  formatDate,
  formatDateTime,
  formatEuros,
  formatInteger,
} from '@/lib/labels';
import type { Axis } from '@/lib/generated/prisma/enums';

export const metadata: Metadata = { title: 'Région' };

const AXES: Axis[] = ['ECOLOGICAL_TRANSITION', 'INNOVATION', 'SKILLS', 'INDUSTRIAL_LAND'];
const num = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

export default async function RegionPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const actor = await requireActor();
  const region = await orNotFound(getRegion(actor, code));
  const [rows, queue, healthRows] = await Promise.all([
    getRegionalDashboard(actor, code),
    listReviewQueue(actor, code),
    listTerritoryHealth(actor, { regionCode: code }),
  ]);
  const health = new Map(healthRows.map((h) => [h.slug, h.health]));
  const healthCounts = countHealth(healthRows);
  const totals = rows.reduce(
    (t, r) => ({
      actions: t.actions + r.actions,
      budget: t.budget + r.budgetCents,
      late: t.late + r.lateMilestones,
      jobs: t.jobs + (r.indicators.JOBS?.actual ?? 0),
      invest: t.invest + (r.indicators.INVESTMENT?.actual ?? 0),
      hectares: t.hectares + (r.indicators.HECTARES?.actual ?? 0),
    }),
    { actions: 0, budget: 0, late: 0, jobs: 0, invest: 0, hectares: 0 },
  );
  return (
    <>
      <PageHeader
        title={`Région ${region.name}`}
        description={`${rows.length} territoires d'industrie dans la région.`}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={`/regions/${code}/comites`} className={buttonClasses('primary', 'md')}>
              Comités régionaux
            </Link>
            <Link href={`/regions/${code}/evolution`} className={buttonClasses('secondary', 'md')}>
              Évolution
            </Link>
            <ReportButtons base={`/api/v1/regions/${code}/report`} label="Dossier de revue régionale" />
            <a href={`/api/v1/exports/actions.xlsx?region=${code}`} className={buttonClasses('secondary', 'md')} download>
              Exporter les actions (XLSX)
            </a>
          </div>
        }
      />
      <div className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <StatCard label="Actions en cours de plan" value={formatInteger(totals.actions)} />
        <StatCard label="Budget prévisionnel" value={formatEuros(totals.budget)} />
        <StatCard label="Jalons en retard" value={formatInteger(totals.late)} />
        <StatCard label="Emplois créés (réalisé)" value={num.format(totals.jobs)} />
        <StatCard label="Investissement levé (réalisé)" value={`${num.format(totals.invest)} €`} />
        <StatCard label="Foncier mobilisé (réalisé)" value={`${num.format(totals.hectares)} ha`} />
      </div>
      <p className="mb-8" data-testid="region-health">
        <span className="font-semibold">État des territoires :</span>{' '}
        {(['OFF_TRACK', 'TO_WATCH', 'ON_TRACK'] as const)
          .map((s) => `${HEALTH_SYMBOLS[s]} ${formatInteger(healthCounts[s])} ${HEALTH_LABELS[s].toLowerCase()}`)
          .join(' · ')}
      </p>
      <Card title={`Plans à examiner (${queue.length})`} headingLevel={2} className="mb-8">
        {queue.length === 0 ? (
          <p>Aucun plan n&apos;attend la revue régionale.</p>
        ) : (
          <ul className="space-y-3">
            {queue.map((q) => (
              <li key={`${q.slug}-${q.number}`} className="flex flex-wrap items-center gap-2">
                <Link className="link font-semibold" href={`/territoires/${q.slug}/versions/${q.number}`}>
                  {q.territory} — version {q.number}
                </Link>
                <span className="text-sm text-neutral-700">soumise le {formatDateTime(q.submittedAt)}</span>
                {q.stateValidatedAt && <Badge tone="success">Validée par l&apos;État</Badge>}
                {q.regionValidatedAt && <Badge tone="success">Validée par la Région</Badge>}
                {q.lastValidatedNumber && (
                  <Link className="link text-sm" href={`/territoires/${q.slug}/versions/comparer?de=${q.lastValidatedNumber}&a=${q.number}`}>
                    Comparer avec la dernière version validée ({q.lastValidatedNumber})
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <DataTable
        caption={`Territoires de la région ${region.name}`}
        columns={[
          { label: 'Territoire', linkClass: 'link font-semibold' },
          { label: 'État' },
          { label: 'État du plan' },
          { label: 'Dernière version validée' },
          { label: 'Dernière mise à jour' },
          { label: 'Actions', numeric: true },
          ...AXES.map((a) => ({ label: AXIS_SHORT_LABELS[a], numeric: true })),
          { label: 'Réalisées', numeric: true },
          { label: 'Bloquées', numeric: true },
          { label: 'Budget', numeric: true },
          { label: 'Jalons en retard', numeric: true },
        ]}
        rows={rows.map((t): DataCell[] => {
          const h = health.get(t.slug);
          return [
            { l: t.name, h: `/territoires/${t.slug}` },
            h ? { hs: h.status, r: h.summary } : '—',
            {
              t: PLAN_STATUS_LABELS[t.planStatus],
              ...(t.pending ? { n: { l: `version ${t.pending.number} en attente`, h: `/territoires/${t.slug}/versions/${t.pending.number}` } } : {}),
            },
            t.lastValidatedNumber ? `n° ${t.lastValidatedNumber}` : '—',
            formatDate(t.lastUpdate),
            formatInteger(t.actions),
            ...AXES.map((a) => formatInteger(t.byAxis[a] ?? 0)),
            formatInteger(t.byStatus.DONE ?? 0),
            formatInteger(t.byStatus.BLOCKED ?? 0),
            formatEuros(t.budgetCents),
            t.lateMilestones > 0 ? { l: formatInteger(t.lateMilestones), h: `/territoires/${t.slug}/plan?late=1` } : '0',
          ];
        })}
      />
    </>
  );
}
