import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { buttonClasses } from '@/components/ui/button';
import { TextInput } from '@/components/ui/form';
import { Table, THead, TBody, Tr, Th, Td } from '@/components/ui/table';
import { requireActor } from '@/lib/auth/session';
import { getAdminTerritory, searchEpcis } from '@/lib/admin/territories';
import { orNotFound } from '@/lib/pages';
import { formatInteger } from '@/lib/labels';
import { TerritoryForm } from './territory-form';
import { saveTerritory } from '../../server-actions';

export const metadata: Metadata = { title: 'Modifier un territoire' };

export default async function AdminTerritoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ epci?: string | string[]; enregistre?: string | string[] }>;
}) {
  const { slug } = await params;
  const query = await searchParams;
  const epciQuery = typeof query.epci === 'string' ? query.epci.slice(0, 200) : '';
  const actor = await requireActor();
  const [t, matches] = await orNotFound(Promise.all([getAdminTerritory(actor, slug), searchEpcis(actor, epciQuery)]));
  const base = `/administration/territoires/${t.slug}`;
  return (
    <>
      <PageHeader
        title={t.name}
        description={
          <>
            Adresse du territoire : <code>/territoires/{t.slug}</code> (ne change pas).{' '}
            <Link className="link" href={`/territoires/${t.slug}`}>
              Voir la fiche du territoire
            </Link>
          </>
        }
        breadcrumbs={[
          { href: '/administration/territoires', label: 'Administration des territoires' },
          { href: base, label: t.name },
        ]}
      />
      {query.enregistre === '1' && (
        <Alert tone="success" className="mb-6">
          Territoire enregistré.
        </Alert>
      )}
      <div className="grid gap-8 lg:grid-cols-3">
        <div className="space-y-8 lg:col-span-2">
          <Card title="Modifier" headingLevel={2}>
            <TerritoryForm slug={t.slug} initial={t} save={saveTerritory} />
          </Card>
          <Table caption={`Composition actuelle : ${t.epcis.length} EPCI`}>
            <THead>
              <Tr>
                <Th scope="col">EPCI</Th>
                <Th scope="col">SIREN</Th>
                <Th scope="col">Nature</Th>
                <Th scope="col">Départements</Th>
                <Th scope="col" numeric>
                  Population
                </Th>
              </Tr>
            </THead>
            <TBody>
              {t.epcis.map((e) => (
                <Tr key={e.siren}>
                  <Th scope="row">{e.name}</Th>
                  <Td>
                    <code>{e.siren}</code>
                  </Td>
                  <Td>{e.nature}</Td>
                  <Td>{e.departementCodes.join(', ')}</Td>
                  <Td numeric>{formatInteger(e.population)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </div>
        <div className="space-y-8">
          <Card title="Géographie dérivée" headingLevel={2}>
            <dl className="space-y-3">
              <div>
                <dt className="font-medium">Régions</dt>
                <dd>{t.regions.map((r) => `${r.name} (${r.code})`).join(', ') || '—'}</dd>
              </div>
              <div>
                <dt className="font-medium">Départements</dt>
                <dd>{t.departements.map((d) => `${d.name} (${d.code})`).join(', ') || '—'}</dd>
              </div>
              <div>
                <dt className="font-medium">Population</dt>
                <dd>{formatInteger(t.population)} habitants</dd>
              </div>
            </dl>
            {t.compositionIllustrative && (
              <p className="mt-4 text-sm text-neutral-700">Composition illustrative (données de démonstration).</p>
            )}
          </Card>
          <Card title="Trouver un EPCI" headingLevel={2}>
            <form method="get" action={base} role="search" aria-label="Rechercher un EPCI" className="space-y-3">
              <TextInput id="epci" name="epci" type="search" label="Nom ou SIREN" hint="2 caractères au moins" maxLength={200} defaultValue={epciQuery} />
              <button type="submit" className={buttonClasses('secondary', 'sm')}>
                Rechercher
              </button>
            </form>
            {epciQuery.trim().length >= 2 && (
              <div className="mt-4" role="status">
                {matches.length === 0 ? (
                  <p>Aucun EPCI ne correspond.</p>
                ) : (
                  <ul className="space-y-3">
                    {matches.map((e) => (
                      <li key={e.siren}>
                        <span className="font-medium">{e.name}</span>
                        <span className="block text-sm">
                          SIREN <code>{e.siren}</code> — dép. {e.departementCodes.join(', ')} — {formatInteger(e.population)} hab.
                        </span>
                        {e.territories.length > 0 && (
                          <span className="block text-sm text-neutral-700">Déjà dans : {e.territories.map((x) => x.name).join(', ')}</span>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
