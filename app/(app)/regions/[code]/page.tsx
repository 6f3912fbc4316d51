import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { Table, THead, TBody, Tr, Th, Td } from '@/components/ui/table';
import { requireActor } from '@/lib/auth/session';
import { getRegion, listTerritories } from '@/lib/territories/queries';
import { orNotFound } from '@/lib/pages';
import { TERRITORY_PHASE_LABELS } from '@/lib/labels';

export const metadata: Metadata = { title: 'Région' };

export default async function RegionPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const actor = await requireActor();
  const region = await orNotFound(getRegion(actor, code));
  const territories = await listTerritories(actor, { regionCode: region.code });
  return (
    <>
      <PageHeader
        title={`Région ${region.name}`}
        description={`${territories.length} territoires d'industrie dans la région.`}
      />
      <Table caption={`Territoires de la région ${region.name}`}>
        <THead>
          <Tr>
            <Th scope="col">Territoire</Th>
            <Th scope="col">Départements</Th>
            <Th scope="col">Phase</Th>
            <Th scope="col">Actions</Th>
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
              <Td>{t.departements.map((d) => d.code).join(', ')}</Td>
              <Td>{TERRITORY_PHASE_LABELS[t.phase]}</Td>
              <Td>{t.actionCount}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </>
  );
}
