import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { ChartGrid } from '@/components/charts/chart-figure';
import { ReportButtons } from '@/components/reports/report-buttons';
import { requireActor } from '@/lib/auth/session';
import { getRegion } from '@/lib/territories/queries';
import { regionSeries } from '@/lib/reports/series';
import { progressCharts } from '@/lib/reports/charts';
import { orNotFound } from '@/lib/pages';

export const metadata: Metadata = { title: 'Évolution de la région' };

export default async function RegionEvolutionPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const actor = await requireActor();
  const region = await orNotFound(getRegion(actor, code));
  const series = await regionSeries(actor, code);
  return (
    <>
      <PageHeader
        title={`Évolution — région ${region.name}`}
        description="Avancement mois par mois des territoires de la région, reconstitué à partir de l'historique des actions et des valeurs datées des indicateurs."
        breadcrumbs={[
          { href: `/regions/${code}`, label: `Région ${region.name}` },
          { href: `/regions/${code}/evolution`, label: 'Évolution' },
        ]}
        actions={<ReportButtons base={`/api/v1/regions/${code}/report`} />}
      />
      <ChartGrid charts={progressCharts(series, `région ${region.name}`)} />
    </>
  );
}
