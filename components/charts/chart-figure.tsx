// One chart as a figure: title, the server-drawn SVG (plain markup, no script, no style
// attribute), its text summary and its data table.
import { Table, THead, TBody, Tr, Th, Td } from '@/components/ui/table';
import type { Chart } from '@/lib/reports/charts';

export function ChartFigure({ chart }: { chart: Chart }) {
  const titleId = `${chart.id}-titre`;
  return (
    <figure aria-labelledby={titleId} className="rounded border border-neutral-300 bg-white p-4">
      <h3 id={titleId} className="mb-2 text-lg font-semibold">
        {chart.title}
      </h3>
      {/* The SVG is built by lib/reports/charts.ts from escaped text only. */}
      <div dangerouslySetInnerHTML={{ __html: chart.svg }} />
      <figcaption className="mt-2">{chart.summary}</figcaption>
      <details className="mt-2">
        <summary className="cursor-pointer font-medium">Données du graphique</summary>
        <Table caption={chart.table.caption}>
          <THead>
            <Tr>
              {chart.table.head.map((h, i) => (
                <Th key={h} scope="col" numeric={i > 0}>
                  {h}
                </Th>
              ))}
            </Tr>
          </THead>
          <TBody>
            {chart.table.rows.map((r) => (
              <Tr key={r[0]}>
                <Th scope="row">{r[0]}</Th>
                {r.slice(1).map((c, i) => (
                  <Td key={i} numeric>
                    {c}
                  </Td>
                ))}
              </Tr>
            ))}
          </TBody>
        </Table>
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
