import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { Table, THead, TBody, Tr, Th, Td } from '@/components/ui/table';
import { requireActor } from '@/lib/auth/session';
import { listProgrammeActions } from '@/lib/programme/queries';
import { programmeFiltersSchema } from '@/lib/actions/programme-filters';
import { ACTION_STATUS_LABELS, ACTION_STATUS_TONES, AXIS_SHORT_LABELS, formatDate, formatEuros, formatInteger } from '@/lib/labels';
import { orNotFound } from '@/lib/pages';
import { pageParam } from '@/lib/validation';

export const metadata: Metadata = { title: 'Actions du programme' };

export default async function ProgrammeActionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const filters = programmeFiltersSchema.parse(raw);
  const actor = await requireActor();
  const page = pageParam.parse(raw.page); // ?page=Infinity or 1e400 → page 1, never a 500
  const result = await orNotFound(listProgrammeActions(actor, filters, page));
  const qs = (extra: Record<string, string>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) p.set(k, String(v));
    return p.toString();
  };
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const described = [
    filters.region && `région ${filters.region}`,
    filters.axis && AXIS_SHORT_LABELS[filters.axis],
    filters.status && ACTION_STATUS_LABELS[filters.status],
    filters.operator && `opérateur ${filters.operator}`,
    filters.territory && `territoire ${filters.territory}`,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <PageHeader
        title="Actions du programme"
        description={`${formatInteger(result.total)} action${result.total > 1 ? 's' : ''}${described ? ` — ${described}` : ''}.`}
        breadcrumbs={[
          { href: '/programme', label: 'Vue programme' },
          { href: `/programme/actions?${qs({})}`, label: 'Actions' },
        ]}
        actions={
          <div className="flex flex-wrap gap-2">
            <a className={buttonClasses('secondary', 'md')} href={`/api/v1/exports/actions.csv?${qs({})}`} download>
              Exporter (CSV)
            </a>
            <a className={buttonClasses('secondary', 'md')} href={`/api/v1/exports/actions.xlsx?${qs({})}`} download>
              Exporter (XLSX)
            </a>
          </div>
        }
      />
      <Table caption="Actions correspondant aux filtres" captionHidden>
        <THead>
          <Tr>
            <Th scope="col">Territoire</Th>
            <Th scope="col">Réf.</Th>
            <Th scope="col">Action</Th>
            <Th scope="col">Axes</Th>
            <Th scope="col">Statut</Th>
            <Th scope="col">Échéance</Th>
            <Th scope="col" numeric>Budget</Th>
          </Tr>
        </THead>
        <TBody>
          {result.items.map((a) => (
            <Tr key={a.id}>
              <Td>
                <Link className="link" href={`/territoires/${a.territory.slug}`}>{a.territory.name}</Link>
              </Td>
              <Td>{a.reference}</Td>
              <Th scope="row">
                <Link className="link" href={`/actions/${a.id}`}>{a.title}</Link>
              </Th>
              <Td>{a.axes.map((x) => AXIS_SHORT_LABELS[x]).join(', ')}</Td>
              <Td>
                <Badge tone={ACTION_STATUS_TONES[a.status]}>{ACTION_STATUS_LABELS[a.status]}</Badge>
              </Td>
              <Td>{formatDate(a.endDate)}</Td>
              <Td numeric>{formatEuros(a.budgetCents)}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {pages > 1 && (
        <nav aria-label="Pagination" className="mt-6 flex items-center gap-4">
          {result.page > 1 && <Link className="link" href={`/programme/actions?${qs({ page: String(result.page - 1) })}`}>← Page précédente</Link>}
          <span>
            Page {result.page} sur {pages}
          </span>
          {result.page < pages && <Link className="link" href={`/programme/actions?${qs({ page: String(result.page + 1) })}`}>Page suivante →</Link>}
        </nav>
      )}
    </>
  );
}
