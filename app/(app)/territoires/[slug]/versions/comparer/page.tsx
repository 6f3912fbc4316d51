import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Table, THead, TBody, Tr, Th, Td } from '@/components/ui/table';
import { requireActor } from '@/lib/auth/session';
import { getTerritoryRef } from '@/lib/territories/queries';
import { compareVersions } from '@/lib/plans/queries';
import { formatFieldValue } from '@/lib/actions/format';
import { orNotFound } from '@/lib/pages';

export const metadata: Metadata = { title: 'Comparaison de versions' };

export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ de?: string; a?: string }>;
}) {
  const { slug } = await params;
  const { de, a } = await searchParams;
  const actor = await requireActor();
  const territory = await orNotFound(getTerritoryRef(actor, slug));
  const diff = await orNotFound(compareVersions(actor, slug, Number(de), Number(a)));
  const nothing = !diff.added.length && !diff.removed.length && !diff.changed.length;
  return (
    <>
      <PageHeader
        title={`Comparaison : version ${diff.from} → version ${diff.to}`}
        description={`Plan de ${territory.name}. ${diff.added.length} ajoutée(s), ${diff.removed.length} retirée(s), ${diff.changed.length} modifiée(s), ${diff.unchanged} inchangée(s).`}
        breadcrumbs={[
          { href: `/territoires/${slug}`, label: territory.name },
          { href: `/territoires/${slug}/versions`, label: 'Versions' },
          { href: `/territoires/${slug}/versions/comparer?de=${diff.from}&a=${diff.to}`, label: 'Comparaison' },
        ]}
      />
      {nothing && <p>Aucune différence entre ces deux versions.</p>}
      <div className="space-y-6">
        {diff.added.length > 0 && (
          <Card title={`Actions ajoutées (${diff.added.length})`} headingLevel={2}>
            <ul className="list-disc pl-6">
              {diff.added.map((x) => (
                <li key={x.id}>
                  {x.reference} — {x.title}
                </li>
              ))}
            </ul>
          </Card>
        )}
        {diff.removed.length > 0 && (
          <Card title={`Actions retirées (${diff.removed.length})`} headingLevel={2}>
            <ul className="list-disc pl-6">
              {diff.removed.map((x) => (
                <li key={x.id}>
                  {x.reference} — {x.title}
                </li>
              ))}
            </ul>
          </Card>
        )}
        {diff.changed.length > 0 && (
          <section aria-labelledby="modifiees">
            <h2 id="modifiees" className="mb-4 text-xl font-bold">
              Actions modifiées ({diff.changed.length})
            </h2>
            <div className="space-y-6">
              {diff.changed.map(({ action, changes }) => (
                <Table key={action.id} caption={`${action.reference} — ${action.title}`}>
                  <THead>
                    <Tr>
                      <Th scope="col">Champ</Th>
                      <Th scope="col">Version {diff.from}</Th>
                      <Th scope="col">Version {diff.to}</Th>
                    </Tr>
                  </THead>
                  <TBody>
                    {changes.map((c) => (
                      <Tr key={c.field}>
                        <Th scope="row">{c.label}</Th>
                        <Td>{formatFieldValue(c.field, c.before)}</Td>
                        <Td>{formatFieldValue(c.field, c.after)}</Td>
                      </Tr>
                    ))}
                  </TBody>
                </Table>
              ))}
            </div>
          </section>
        )}
      </div>
      <p className="mt-8">
        <Link className="link" href={`/territoires/${slug}/versions`}>
          ← Toutes les versions
        </Link>
      </p>
    </>
  );
}
