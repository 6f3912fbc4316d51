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
import { regionalSidesHeld, ROLE_LABELS, territoryReadOnlyReason } from '@/lib/authz/policy';
import { getTerritoryRef } from '@/lib/territories/queries';
import { getVersion, planPermissions } from '@/lib/plans/queries';
import { orNotFound } from '@/lib/pages';
import {
  ACTION_STATUS_LABELS,
  AXIS_SHORT_LABELS,
  PHASE_LABELS,
  VERSION_STATUS_LABELS,
  formatDate,
  formatDateTime,
  formatEuros,
} from '@/lib/labels';
import { commentForm, decideLocallyForm, decideRegionallyForm } from './server-actions';
import { DecisionCard } from '@/components/plans/decision-card';

export const metadata: Metadata = { title: 'Version du plan' };

const KIND_LABELS = { COMMENT: 'Commentaire', VALIDATE: 'Validation', REQUEST_CHANGES: 'Demande de modifications' } as const;

export default async function VersionPage({ params }: { params: Promise<{ slug: string; n: string }> }) {
  const { slug, n } = await params;
  const actor = await requireActor();
  const territory = await orNotFound(getTerritoryRef(actor, slug));
  const v = await orNotFound(getVersion(actor, slug, Number(n)));
  const permissions = await planPermissions(actor, territory);
  const sides = regionalSidesHeld(actor, territory.regionCodes);
  const readOnly = territoryReadOnlyReason(territory);
  const actionRefs = new Map(v.snapshot.actions.map((a) => [a.id, `${a.reference} « ${a.title} »`]));
  return (
    <>
      <PageHeader
        title={`Version ${v.number} du plan — ${territory.name}`}
        description={`Soumise le ${formatDateTime(v.submittedAt)}${v.submittedBy ? ` par ${v.submittedBy}` : ''} — ${v.actionCount} action${v.actionCount > 1 ? 's' : ''}.`}
        breadcrumbs={[
          { href: '/territoires', label: 'Territoires' },
          { href: `/territoires/${slug}`, label: territory.name },
          { href: `/territoires/${slug}/versions`, label: 'Versions' },
          { href: `/territoires/${slug}/versions/${v.number}`, label: `Version ${v.number}` },
        ]}
        actions={
          v.number > 1 ? (
            <Link className={buttonClasses('secondary', 'md')} href={`/territoires/${slug}/versions/comparer?de=${v.number - 1}&a=${v.number}`}>
              Comparer avec la version {v.number - 1}
            </Link>
          ) : undefined
        }
      />
      {readOnly && (
        <p role="status" className="mb-6 rounded border-l-4 border-warning-600 bg-warning-50 p-4 text-neutral-900">
          {readOnly}
        </p>
      )}
      <p className="mb-6">
        <Badge tone={v.status === 'VALIDATED' ? 'success' : v.status === 'CHANGES_REQUESTED' ? 'warning' : 'info'}>
          {VERSION_STATUS_LABELS[v.status]}
        </Badge>
      </p>
      {v.note && (
        <Card title="Note de soumission" headingLevel={2} className="mb-6">
          <p className="whitespace-pre-line">{v.note}</p>
        </Card>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        {permissions.canValidateLocal && v.status === 'SUBMITTED' && (
          <DecisionCard title="Décision du binôme" action={decideLocallyForm} slug={slug} number={v.number} fieldId="comment" />
        )}
        {permissions.canReviewRegional && v.status === 'LOCALLY_VALIDATED' && (
          <DecisionCard title="Décision régionale" action={decideRegionallyForm} slug={slug} number={v.number} fieldId="comment-regional">
            <p className="mb-4">
              {v.stateValidatedAt ? `Validée par l'État le ${formatDateTime(v.stateValidatedAt)}. ` : "En attente de l'État. "}
              {v.regionValidatedAt ? `Validée par la Région le ${formatDateTime(v.regionValidatedAt)}.` : 'En attente de la Région.'}
            </p>
            {sides.length > 1 && (
              <Select
                id="side-regional"
                name="side"
                label="Vous décidez au nom de"
                hint="Vous êtes copilote pour l’État et pour la Région : votre décision compte pour un seul côté ; l’autre revient à une autre personne."
                required
                options={[
                  { value: 'STATE', label: 'L’État (SGAR)' },
                  { value: 'REGION', label: 'La Région (Conseil régional)' },
                ]}
                className="mb-4"
              />
            )}
          </DecisionCard>
        )}
        <Card title="Échanges et décisions" headingLevel={2}>
          {v.reviews.length === 0 ? (
            <p>Aucun commentaire ni décision pour l&apos;instant.</p>
          ) : (
            <ol className="space-y-4">
              {v.reviews.map((r) => (
                <li key={r.id} className="border-l-4 border-neutral-300 pl-3">
                  <p className="font-semibold">
                    {KIND_LABELS[r.kind]} — {r.author} ({ROLE_LABELS[r.authorRole]})
                  </p>
                  <p className="text-sm text-neutral-700">
                    {formatDateTime(r.at)}
                    {r.actionId && actionRefs.get(r.actionId) ? ` — sur ${actionRefs.get(r.actionId)}` : ''}
                  </p>
                  {r.body && <p className="mt-1 whitespace-pre-line">{r.body}</p>}
                </li>
              ))}
            </ol>
          )}
          {permissions.canComment && (
            <ServerForm action={commentForm} hidden={{ slug, number: v.number }} submitLabel="Publier le commentaire" variant="secondary" className="mt-6">
              <Select
                id="actionId"
                name="actionId"
                label="Action concernée (facultatif)"
                className="mb-4"
                options={[
                  { value: '', label: 'Le plan dans son ensemble' },
                  ...v.snapshot.actions.map((a) => ({ value: a.id, label: `${a.reference} — ${a.title}` })),
                ]}
              />
              <TextArea id="body" name="body" label="Ajouter un commentaire" rows={3} maxLength={5000} required className="mb-4" />
            </ServerForm>
          )}
        </Card>
      </div>
      <section className="mt-8" aria-labelledby="actions-version">
        <h2 id="actions-version" className="mb-4 text-xl font-bold">
          Actions de la version {v.number}
        </h2>
        <Table caption={`Actions figées dans la version ${v.number}`} captionHidden>
          <THead>
            <Tr>
              <Th scope="col">Réf.</Th>
              <Th scope="col">Action</Th>
              <Th scope="col">Axes</Th>
              <Th scope="col">Phase</Th>
              <Th scope="col">Statut</Th>
              <Th scope="col">Échéance</Th>
              <Th scope="col" numeric>
                Budget
              </Th>
            </Tr>
          </THead>
          <TBody>
            {v.snapshot.actions.map((a) => (
              <Tr key={a.id}>
                <Td>{a.reference}</Td>
                <Th scope="row">{a.title}</Th>
                <Td>{a.axes.map((x) => AXIS_SHORT_LABELS[x]).join(', ')}</Td>
                <Td>{PHASE_LABELS[a.phase]}</Td>
                <Td>{ACTION_STATUS_LABELS[a.status]}</Td>
                <Td>{formatDate(a.endDate)}</Td>
                <Td numeric>{formatEuros(a.budgetCents)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </section>
    </>
  );
}
