import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { EvolutionCharts, evolutionView } from '@/components/charts/chart-figure';
import { ReportButtons } from '@/components/reports/report-buttons';
import { requireActor } from '@/lib/auth/session';
import { programmeFiltersSchema } from '@/lib/actions/programme-filters';
import { programmeSeries } from '@/lib/reports/series';
import { progressCharts } from '@/lib/reports/charts';
import { orNotFound } from '@/lib/pages';

export const metadata: Metadata = { title: 'Évolution du programme' };

export default async function ProgrammeEvolutionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const filters = programmeFiltersSchema.parse(raw);
  const view = evolutionView(raw.vue);
  const actor = await requireActor();
  const series = await orNotFound(programmeSeries(actor, filters));
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]).toString();
  return (
    <>
      <PageHeader
        title="Évolution du programme"
        description={`Avancement mois par mois${query ? ' (filtres de la vue programme appliqués)' : ''}, reconstitué à partir de l'historique des actions et des valeurs datées des indicateurs.`}
        breadcrumbs={[
          { href: `/programme${query ? `?${query}` : ''}`, label: 'Vue programme' },
          { href: '/programme/evolution', label: 'Évolution' },
        ]}
        actions={<ReportButtons base="/api/v1/programme/report" query={query} />}
      />
      <EvolutionCharts charts={progressCharts(series, 'programme')} view={view} href={(v) => `/programme/evolution?${query ? `${query}&` : ''}vue=${v}`} />
    </>
  );
}
