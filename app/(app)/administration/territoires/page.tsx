import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { TextInput } from '@/components/ui/form';
import { Table, THead, TBody, Tr, Th, Td } from '@/components/ui/table';
import { requireActor } from '@/lib/auth/session';
import { listAdminTerritories } from '@/lib/admin/territories';
import { orNotFound } from '@/lib/pages';
import { formatInteger, TERRITORY_PHASE_LABELS, TERRITORY_STATUS_LABELS } from '@/lib/labels';

export const metadata: Metadata = { title: 'Administration des territoires' };

const BASE = '/administration/territoires';

export default async function AdminTerritoriesPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const { q: rawQ } = await searchParams;
  const q = typeof rawQ === 'string' ? rawQ.slice(0, 200) : '';
  const actor = await requireActor();
  const territories = await orNotFound(listAdminTerritories(actor, q));
  return (
    <>
      <PageHeader
        title="Territoires"
        description="Nom, phase, statut, identifiant officiel et composition en EPCI. Départements, régions et population se déduisent de la composition ; l’adresse (identifiant) d’un territoire ne change pas."
        breadcrumbs={[{ href: BASE, label: 'Administration des territoires' }]}
      />
      <form method="get" action={BASE} role="search" aria-label="Filtrer les territoires" className="mb-6 flex flex-wrap items-end gap-4 rounded border border-neutral-300 bg-neutral-50 p-4">
        <TextInput id="q" name="q" type="search" label="Filtrer" hint="Nom ou identifiant officiel" maxLength={200} defaultValue={q} className="min-w-64 flex-1" />
        <div className="flex gap-2">
          <button type="submit" className={buttonClasses('primary', 'md')}>
            Filtrer
          </button>
          <Link href={BASE} className={buttonClasses('ghost', 'md')}>
            Réinitialiser
          </Link>
        </div>
      </form>
      <p className="mb-4" role="status">
        {formatInteger(territories.length)} territoire{territories.length > 1 ? 's' : ''}
        {q.trim() ? ' correspondant au filtre' : ''}.
      </p>
      {territories.length === 0 ? (
        <EmptyState title="Aucun territoire" description={q.trim() ? 'Aucun territoire ne correspond à ce filtre.' : undefined} />
      ) : (
        <Table caption="Territoires du programme" captionHidden>
          <THead>
            <Tr>
              <Th scope="col">Territoire</Th>
              <Th scope="col">Identifiant officiel</Th>
              <Th scope="col">Régions</Th>
              <Th scope="col">Phase</Th>
              <Th scope="col">Statut</Th>
              <Th scope="col" numeric>
                EPCI
              </Th>
              <Th scope="col" numeric>
                Population
              </Th>
            </Tr>
          </THead>
          <TBody>
            {territories.map((t) => (
              <Tr key={t.slug}>
                <Th scope="row">
                  <Link className="link font-semibold" href={`${BASE}/${t.slug}`}>
                    {t.name}
                  </Link>
                </Th>
                <Td>{t.officialId ?? '—'}</Td>
                <Td>{t.regions.map((r) => r.name).join(', ') || '—'}</Td>
                <Td>{TERRITORY_PHASE_LABELS[t.phase]}</Td>
                <Td>
                  <Badge tone={t.status === 'ACTIVE' ? 'success' : t.status === 'SUSPENDED' ? 'warning' : 'neutral'}>
                    {TERRITORY_STATUS_LABELS[t.status]}
                  </Badge>
                </Td>
                <Td numeric>{formatInteger(t.epciCount)}</Td>
                <Td numeric>{formatInteger(t.population)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
