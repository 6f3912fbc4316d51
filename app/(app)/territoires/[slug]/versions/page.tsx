import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Select, TextArea } from '@/components/ui/form';
import { Table, THead, TBody, Tr, Th, Td } from '@/components/ui/table';
import { buttonClasses } from '@/components/ui/button';
import { ServerForm } from '@/components/forms/server-form';
import { requireActor } from '@/lib/auth/session';
import { getTerritoryRef } from '@/lib/territories/queries';
import { getPlanOverview, listVersions } from '@/lib/plans/queries';
import { orNotFound } from '@/lib/pages';
import { PLAN_STATUS_LABELS, VERSION_STATUS_LABELS, formatDateTime } from '@/lib/labels';
import { submitPlanForm } from './server-actions';

export const metadata: Metadata = { title: 'Versions du plan' };

export default async function VersionsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await requireActor();
  const territory = await orNotFound(getTerritoryRef(actor, slug));
  const plan = await getPlanOverview(actor, slug);
  const versions = await listVersions(actor, slug);
  const canSubmitNow = plan.permissions.canSubmit && ['DRAFT', 'CHANGES_REQUESTED', 'VALIDATED'].includes(plan.status);
  const options = versions.map((v) => ({ value: String(v.number), label: `Version ${v.number}` }));
  return (
    <>
      <PageHeader
        title={`Versions du plan — ${territory.name}`}
        description={`État du plan : ${PLAN_STATUS_LABELS[plan.status]}.`}
        breadcrumbs={[
          { href: '/territoires', label: 'Territoires' },
          { href: `/territoires/${slug}`, label: territory.name },
          { href: `/territoires/${slug}/versions`, label: 'Versions' },
        ]}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        {plan.permissions.canSubmit && (
          <Card title="Soumettre le plan au binôme" headingLevel={2}>
            {canSubmitNow ? (
              <ServerForm action={submitPlanForm} hidden={{ slug }} submitLabel="Soumettre le plan" pendingLabel="Soumission…">
                <p className="mb-4">
                  La soumission fige l&apos;état actuel du plan ({plan.actionCount} action{plan.actionCount > 1 ? 's' : ''}) dans une
                  nouvelle version numérotée, que le binôme valide avant l&apos;envoi à la région.
                </p>
                <TextArea id="note" name="note" label="Note pour le binôme (facultatif)" rows={3} maxLength={2000} className="mb-4" />
              </ServerForm>
            ) : (
              <p>Une version est en cours de validation : vous pourrez soumettre à nouveau après la décision.</p>
            )}
          </Card>
        )}
        {versions.length >= 2 && (
          <Card title="Comparer deux versions" headingLevel={2}>
            <form method="get" action={`/territoires/${slug}/versions/comparer`} className="grid gap-4 sm:grid-cols-3">
              <Select id="de" name="de" label="De la version" options={options} defaultValue={String(versions[1]?.number)} />
              <Select id="a" name="a" label="À la version" options={options} defaultValue={String(versions[0]?.number)} />
              <div className="flex items-end">
                <button type="submit" className={buttonClasses('primary', 'md')}>
                  Comparer
                </button>
              </div>
            </form>
          </Card>
        )}
      </div>
      <div className="mt-8">
        {versions.length === 0 ? (
          <p>Aucune version n&apos;a encore été soumise.</p>
        ) : (
          <Table caption="Versions du plan">
            <THead>
              <Tr>
                <Th scope="col">Version</Th>
                <Th scope="col">Statut</Th>
                <Th scope="col">Soumise le</Th>
                <Th scope="col">Par</Th>
                <Th scope="col" numeric>
                  Actions
                </Th>
                <Th scope="col">Comparaison</Th>
              </Tr>
            </THead>
            <TBody>
              {versions.map((v, i) => {
                const previous = versions[i + 1];
                return (
                  <Tr key={v.number}>
                    <Th scope="row">
                      <Link className="link font-semibold" href={`/territoires/${slug}/versions/${v.number}`}>
                        Version {v.number}
                      </Link>
                    </Th>
                    <Td>
                      <Badge tone={v.status === 'VALIDATED' ? 'success' : v.status === 'CHANGES_REQUESTED' ? 'warning' : 'info'}>
                        {VERSION_STATUS_LABELS[v.status]}
                      </Badge>
                    </Td>
                    <Td>{formatDateTime(v.submittedAt)}</Td>
                    <Td>{v.submittedBy ?? '—'}</Td>
                    <Td numeric>{v.actionCount}</Td>
                    <Td>
                      {previous ? (
                        <Link className="link" href={`/territoires/${slug}/versions/comparer?de=${previous.number}&a=${v.number}`}>
                          Comparer avec la version {previous.number}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </Td>
                  </Tr>
                );
              })}
            </TBody>
          </Table>
        )}
      </div>
    </>
  );
}
