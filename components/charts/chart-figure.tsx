// One chart as a figure: title, the server-drawn SVG (ECharts SSR, trimmed: no script, no style
// attribute), its text summary and its data table.
import type { Chart } from '@/lib/reports/charts';

export function ChartFigure({ chart }: { chart: Chart }) {
  const titleId = `${chart.id}-titre`;
  return (
    <figure aria-labelledby={titleId} className="rounded border border-neutral-300 bg-white p-4">
      <h3 id={titleId} className="mb-2 text-lg font-semibold">
        {chart.title}
      </h3>
      {/* The SVG is rendered by ECharts on the server (lib/reports/charts.ts) from escaped text only. */}
      <div dangerouslySetInnerHTML={{ __html: chart.svg }} />
      <figcaption className="mt-2">{chart.summary}</figcaption>
      <details className="mt-2">
        <summary className="cursor-pointer font-medium">Données du graphique</summary>
        {/* Plain cells styled from the table (no per-cell classes): pages stay light. */}
        <div className="overflow-x-auto">
          <table className="mt-2 w-full border-collapse text-sm [&_td]:border-b [&_td]:border-neutral-200 [&_td]:px-2 [&_td]:py-1 [&_td]:text-right [&_td]:tabular-nums [&_th]:border-b [&_th]:border-neutral-300 [&_th]:px-2 [&_th]:py-1 [&_th]:text-left">
            <caption className="text-left font-medium">{chart.table.caption}</caption>
            <thead>
              <tr>
                {chart.table.head.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chart.table.rows.map((r) => (
                <tr key={r[0]}>
                  <th scope="row">{r[0]}</th>
                  {r.slice(1).map((c, i) => (
                    <td key={i}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

export function ChartGrid({ charts }: { charts: Chart[] }) {
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      {charts.map((c) => (
        <ChartFigure key={c.id} chart={c} />
      ))}
    </div>
  );
}

export type EvolutionView = 'activite' | 'indicateurs';

export const evolutionView = (raw: string | string[] | undefined): EvolutionView => (raw === 'indicateurs' ? 'indicateurs' : 'activite');

/**
 * The evolution page in two views (actions and money / key indicators), so that each
 * page stays within the page-weight goal at national scale.
 */
export function EvolutionCharts({ charts, view, href }: { charts: Chart[]; view: EvolutionView; href: (view: EvolutionView) => string }) {
  const shown = view === 'activite' ? charts.slice(0, 2) : charts.slice(2);
  const tab = (v: EvolutionView, label: string) => (
    <li>
      <a href={href(v)} aria-current={v === view ? 'page' : undefined} className="inline-block border-b-4 border-transparent px-2 py-2 font-medium aria-[current=page]:border-primary-700 aria-[current=page]:text-primary-700">
        {label}
      </a>
    </li>
  );
  return (
    <>
      <nav aria-label="Graphiques affichés" className="mb-6">
        <ul className="flex flex-wrap gap-4 border-b border-neutral-200">
          {tab('activite', 'Actions et financements')}
          {tab('indicateurs', 'Indicateurs clés')}
        </ul>
      </nav>
      {shown.length ? <ChartGrid charts={shown} /> : <p>Aucun indicateur clé (emplois, investissement, foncier, projets) dans le périmètre.</p>}
    </>
  );
}
