import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { ChartGrid } from '@/components/charts/chart-figure';
import { ReportButtons } from '@/components/reports/report-buttons';
import { requireActor } from '@/lib/auth/session';
import { getTerritoryRef } from '@/lib/territories/queries';
import { territorySeries } from '@/lib/reports/series';
import { progressCharts } from '@/lib/reports/charts';
import { orNotFound } from '@/lib/pages';

export const metadata: Metadata = { title: 'Évolution du territoire' };

export default async function TerritoryEvolutionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await requireActor();
  const territory = await orNotFound(getTerritoryRef(actor, slug));
  const series = await territorySeries(actor, slug);
  return (
    <>
      <PageHeader
        title={`Évolution — ${territory.name}`}
        description="Avancement mois par mois, reconstitué à partir de l'historique des actions et des valeurs datées des indicateurs."
        breadcrumbs={[
          { href: '/territoires', label: 'Territoires' },
          { href: `/territoires/${slug}`, label: territory.name },
          { href: `/territoires/${slug}/evolution`, label: 'Évolution' },
        ]}
        actions={<ReportButtons base={`/api/v1/territories/${slug}/report`} />}
      />
      <ChartGrid charts={progressCharts(series, territory.name)} />
    </>
  );
}
