import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { Table, THead, TBody, Tr, Th, Td } from '@/components/ui/table';
import { EmptyState } from '@/components/ui/empty-state';
import { requireActor } from '@/lib/auth/session';
import { listTerritories } from '@/lib/territories/queries';
import { listTerritoryHealth } from '@/lib/health/queries';
import { HealthStatusCell } from '@/components/health/health-status';
import { TERRITORY_PHASE_LABELS, formatInteger } from '@/lib/labels';

export const metadata: Metadata = { title: 'Territoires' };

export default async function TerritoriesPage() {
  const actor = await requireActor();
  const [territories, healthRows] = await Promise.all([listTerritories(actor), listTerritoryHealth(actor)]);
  const health = new Map(healthRows.map((h) => [h.slug, h.health]));
  return (
    <>
      <PageHeader
        title="Territoires"
        description={`${formatInteger(territories.length)} territoire${territories.length > 1 ? 's' : ''} dans votre périmètre.`}
      />
      {territories.length === 0 ? (
        <EmptyState title="Aucun territoire" description="Aucun territoire n'est rattaché à votre compte." />
      ) : (
        <Table caption="Territoires de votre périmètre">
          <THead>
            <Tr>
              <Th scope="col">Territoire</Th>
              <Th scope="col">Région</Th>
              <Th scope="col">Départements</Th>
              <Th scope="col">Phase</Th>
              <Th scope="col">EPCI</Th>
              <Th scope="col">Actions</Th>
              <Th scope="col">État</Th>
            </Tr>
          </THead>
          <TBody>
            {territories.map((t) => (
              <Tr key={t.slug}>
                <Th scope="row">
                  <Link href={`/territoires/${t.slug}`} className="font-semibold text-primary-700 underline">
                    {t.name}
                  </Link>
                </Th>
                <Td>{t.regions.map((r) => r.name).join(', ')}</Td>
                <Td>{t.departements.map((d) => d.code).join(', ')}</Td>
                <Td>{TERRITORY_PHASE_LABELS[t.phase]}</Td>
                <Td>{t.epciCount}</Td>
                <Td>{t.actionCount}</Td>
                <Td><HealthStatusCell health={health.get(t.slug)} /></Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
