import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { StatCard } from '@/components/ui/card';
import { Table, THead, TBody, Tr, Th, Td } from '@/components/ui/table';
import { requireActor } from '@/lib/auth/session';
import { getProgrammeOverview } from '@/lib/programme/queries';
import { orNotFound } from '@/lib/pages';
import { ACTION_STATUS_LABELS, AXIS_SHORT_LABELS, formatInteger } from '@/lib/labels';

export const metadata: Metadata = { title: 'Vue programme' };

export default async function ProgrammePage() {
  const actor = await requireActor();
  const o = await orNotFound(getProgrammeOverview(actor));
  return (
    <>
      <PageHeader title="Vue programme" description="Suivi national des territoires d'industrie (phase II, 2023-2027)." />
      <div className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label="Territoires" value={formatInteger(o.territoryCount)} href="/territoires" />
        <StatCard label="Actions en cours de plan" value={formatInteger(o.actionCount)} />
        <StatCard label="Régions couvertes" value={formatInteger(o.byRegion.length)} />
      </div>
      <div className="grid gap-8 lg:grid-cols-2">
        <Table caption="Actions par axe du programme">
          <THead>
            <Tr>
              <Th scope="col">Axe</Th>
              <Th scope="col">Actions</Th>
            </Tr>
          </THead>
          <TBody>
            {o.byAxis.map((a) => (
              <Tr key={a.axis}>
                <Th scope="row">{AXIS_SHORT_LABELS[a.axis]}</Th>
                <Td>{formatInteger(a.actions)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
        <Table caption="Actions par statut">
          <THead>
            <Tr>
              <Th scope="col">Statut</Th>
              <Th scope="col">Actions</Th>
            </Tr>
          </THead>
          <TBody>
            {o.byStatus.map((s) => (
              <Tr key={s.status}>
                <Th scope="row">{ACTION_STATUS_LABELS[s.status]}</Th>
                <Td>{formatInteger(s.actions)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </div>
      <div className="mt-8">
        <Table caption="Territoires et actions par région">
          <THead>
            <Tr>
              <Th scope="col">Région</Th>
              <Th scope="col">Territoires</Th>
              <Th scope="col">Actions</Th>
            </Tr>
          </THead>
          <TBody>
            {o.byRegion.map((r) => (
              <Tr key={r.code}>
                <Th scope="row">
                  <Link href={`/regions/${r.code}`} className="font-semibold text-primary-700 underline">
                    {r.name}
                  </Link>
                </Th>
                <Td>{formatInteger(r.territories)}</Td>
                <Td>{formatInteger(r.actions)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </div>
    </>
  );
}
