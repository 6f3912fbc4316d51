import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { EvolutionCharts, evolutionView } from '@/components/charts/chart-figure';
import { ReportButtons } from '@/components/reports/report-buttons';
import { requireActor } from '@/lib/auth/session';
import { getRegion } from '@/lib/territories/queries';
import { regionSeries } from '@/lib/reports/series';
import { progressCharts } from '@/lib/reports/charts';
import { orNotFound } from '@/lib/pages';

export const metadata: Metadata = { title: 'Évolution de la région' };

export default async function RegionEvolutionPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { code } = await params;
  const view = evolutionView((await searchParams).vue);
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
      <EvolutionCharts charts={progressCharts(series, `région ${region.name}`)} view={view} href={(v) => `/regions/${code}/evolution?vue=${v}`} />
    </>
  );
}
