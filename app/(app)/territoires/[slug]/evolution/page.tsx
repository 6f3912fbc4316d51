import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { EvolutionCharts, evolutionView } from '@/components/charts/chart-figure';
import { ReportButtons } from '@/components/reports/report-buttons';
import { requireActor } from '@/lib/auth/session';
import { getTerritoryRef } from '@/lib/territories/queries';
import { territorySeries } from '@/lib/reports/series';
import { progressCharts } from '@/lib/reports/charts';
import { orNotFound } from '@/lib/pages';

export const metadata: Metadata = { title: 'Évolution du territoire' };

export default async function TerritoryEvolutionPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const view = evolutionView((await searchParams).vue);
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
      <EvolutionCharts charts={progressCharts(series, territory.name)} view={view} href={(v) => `/territoires/${slug}/evolution?vue=${v}`} />
    </>
  );
}
