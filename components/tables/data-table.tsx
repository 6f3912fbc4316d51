'use client';
// A data table rendered from compact rows (issue 10, ADR 0023). A client component
// only so that the React payload carries its rows as plain values (a few hundred bytes
// a row) instead of the rendered cells a second time; the HTML is server-rendered and
// works without JavaScript, with the same markup as components/ui/table. Its links are
// plain <a> with one click handler on the table for in-app navigation (ADR 0026): no
// next/link per cell (its server rendering cost more than the cell), and no prefetch (a
// table of 50 territories would otherwise ask the server for 50 dynamic renders, ADR 0023).
import { useSoftNavigation } from '@/components/navigation/soft-navigation';
import { Table, THead, TBody, Tr, Th } from '@/components/ui/table';
import { HealthStatusCell } from '@/components/health/health-status';
import { Badge, type Tone } from '@/components/ui/badge';
import type { HealthStatus } from '@/lib/health/territory-health';

/** A link: its text and target. */
export interface LinkCell {
  l: string;
  h: string;
}

/**
 * One cell, kept small on purpose (it travels in the page's payload):
 * text; `{ l, h }` a link; `{ hs, r }` a territory's health (status and reasons);
 * `{ t, n }` a text with a small link on its own line below; `{ b, tone }` a badge.
 */
export type DataCell = string | LinkCell | { hs: HealthStatus; r: string } | { t: string; n?: LinkCell } | { b: string; tone: Tone };

export interface DataColumn {
  label: string;
  numeric?: boolean;
  /** Class of the links in this column (default `link`). */
  linkClass?: string;
}

// A plain function, not a component: one less component per cell to render (ADR 0026).
function cellContent(cell: DataCell, linkClass?: string) {
  if (typeof cell === 'string') return <>{cell}</>;
  if ('h' in cell)
    return (
      <a href={cell.h} className={linkClass ?? 'link'}>
        {cell.l}
      </a>
    );
  if ('hs' in cell) return <HealthStatusCell health={{ status: cell.hs, summary: cell.r }} />;
  if ('b' in cell) return <Badge tone={cell.tone}>{cell.b}</Badge>;
  return (
    <>
      {cell.t}
      {cell.n && (
        <span className="block text-sm">
          <a className="link" href={cell.n.h}>
            {cell.n.l}
          </a>
        </span>
      )}
    </>
  );
}

export function DataTable({
  caption,
  columns,
  rows,
  rowHeaders = true,
}: {
  caption: string;
  columns: DataColumn[];
  rows: DataCell[][];
  /** The first cell of each row is its header (`<th scope="row">`). */
  rowHeaders?: boolean;
}) {
  const onClick = useSoftNavigation();
  return (
    <Table caption={caption} onClick={onClick}>
      <THead>
        <Tr>
          {columns.map((c, i) => (
            <Th key={i} scope="col" numeric={c.numeric}>
              {c.label}
            </Th>
          ))}
        </Tr>
      </THead>
      <TBody>
        {/* Plain cells, the markup of components/ui/table's Th and Td (`num` on numeric
            columns): one component less per cell on tables of hundreds of cells (ADR 0026). */}
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) =>
              i === 0 && rowHeaders ? (
                <th key={i} scope="row" className={columns[i]?.numeric ? 'num' : undefined}>
                  {cellContent(cell, columns[i]?.linkClass)}
                </th>
              ) : (
                <td key={i} className={columns[i]?.numeric ? 'num' : undefined}>
                  {cellContent(cell, columns[i]?.linkClass)}
                </td>
              ),
            )}
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
