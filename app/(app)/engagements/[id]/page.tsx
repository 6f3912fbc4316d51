import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ProgressBar } from '@/components/ui/progress-bar';
import { ServerForm } from '@/components/forms/server-form';
import { CommitmentAlerts, CommitmentStatusBadge, placeOf } from '@/components/commitments/commitment-badges';
import { DeliveryForm } from '@/components/commitments/delivery-form';
import { requireActor } from '@/lib/auth/session';
import { getCommitmentHistory, getCommitmentView, type CommitmentActionRef } from '@/lib/commitments/queries';
import { formatQuantity, formatShare } from '@/lib/commitments/labels';
import { orNotFound } from '@/lib/pages';
import { ACTION_STATUS_LABELS, ACTION_STATUS_TONES, AXIS_SHORT_LABELS, formatDate, formatDateTime } from '@/lib/labels';
import { saveDelivery, unlinkActionForm } from '../server-actions';

export const metadata: Metadata = { title: 'Engagement' };

const OPERATIONS: Record<string, string> = {
  create: 'Enregistrement',
  update: 'Modification',
  delivery: 'Mise à jour de la réalisation',
  link: 'Actions financées modifiées',
  unlink: 'Action retirée',
};

function byTerritory(actions: CommitmentActionRef[]) {
  const groups = new Map<string, { name: string; actions: CommitmentActionRef[] }>();
  for (const a of actions) {
    const g = groups.get(a.territory.slug) ?? { name: a.territory.name, actions: [] };
    g.actions.push(a);
    groups.set(a.territory.slug, g);
  }
  return [...groups.entries()];
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-3">
      <dt className="font-semibold text-neutral-900">{label}</dt>
      <dd className="sm:col-span-2">{children}</dd>
    </div>
  );
}

export default async function CommitmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const flash = (await searchParams).actions;
  const actor = await requireActor();
  const { commitment: c, permissions } = await orNotFound(getCommitmentView(actor, id));
  const history = await getCommitmentHistory(actor, id);
  const groups = byTerritory(c.actions);

  return (
    <>
      <PageHeader
        title={c.title}
        description={`${c.operator.name} — ${placeOf(c)}`}
        breadcrumbs={[
          { href: '/engagements', label: 'Engagements' },
          { href: `/engagements/${id}`, label: c.title },
        ]}
        actions={permissions.canManage ? <ButtonLink href={`/engagements/${id}/modifier`}>Modifier</ButtonLink> : undefined}
      />

      {c.late && (
        <Alert tone="error" role="status" title="Échéance dépassée" className="mb-6">
          L’échéance du {formatDate(c.dueDate)} est passée : {formatQuantity(c.delivered, c.unit)} réalisés sur {formatQuantity(c.promised, c.unit)}{' '}
          promis.
        </Alert>
      )}
      {!c.late && c.underDelivered && (
        <Alert tone="warning" title="Sous-réalisé" className="mb-6">
          {formatShare(c.deliveredShare)} du promis réalisé alors que {formatShare(c.expectedShare)} du temps jusqu’à l’échéance est écoulé.
        </Alert>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="L’engagement">
          <dl className="space-y-3">
            <Row label="Opérateur">{c.operator.name}</Row>
            <Row label="Portée">
              {c.scope === 'TERRITORY' && c.territory ? (
                <>
                  Territoire{' '}
                  <Link className="link" href={`/territoires/${c.territory.slug}`}>
                    {c.territory.name}
                  </Link>{' '}
                  ({c.regions.map((r) => r.name).join(', ')})
                </>
              ) : (
                placeOf(c)
              )}
            </Row>
            <Row label="Axe">{c.axis ? AXIS_SHORT_LABELS[c.axis] : 'Aucun axe en particulier'}</Row>
            <Row label="Promis">{formatQuantity(c.promised, c.unit)}</Row>
            <Row label="Échéance">{c.dueDate ? formatDate(c.dueDate) : 'Aucune'}</Row>
            <Row label="Statut">
              <CommitmentStatusBadge status={c.status} />
            </Row>
            <Row label="Alertes">
              <CommitmentAlerts commitment={c} />
            </Row>
            <Row label="Description">
              {c.description.trim() ? <p className="whitespace-pre-line">{c.description}</p> : <span className="text-neutral-700">Non renseignée.</span>}
            </Row>
          </dl>
          <p className="mt-4 text-sm text-neutral-700">
            Enregistré le {formatDateTime(c.createdAt)} ; dernière mise à jour le {formatDateTime(c.updatedAt)} (version {c.version}).
          </p>
        </Card>

        <Card title="Réalisation">
          <p className="mb-2">
            <strong>{formatQuantity(c.delivered, c.unit)}</strong> réalisés sur {formatQuantity(c.promised, c.unit)} promis.
          </p>
          <ProgressBar value={c.deliveredShare * 100} label="Part du promis réalisée" showLabel tone={c.underDelivered ? 'warning' : 'primary'} />
          {c.expectedShare !== null && (
            <ProgressBar
              className="mt-4"
              value={c.expectedShare * 100}
              label="Part du temps écoulée jusqu’à l’échéance"
              showLabel
              tone="neutral"
            />
          )}
          {permissions.canUpdateDelivery ? (
            <div className="mt-6 border-t border-neutral-200 pt-6">
              <h3 className="mb-4 text-lg font-semibold text-neutral-900">Mettre à jour la réalisation</h3>
              <DeliveryForm commitment={c} permissions={permissions} saveDelivery={saveDelivery} />
            </div>
          ) : (
            <p className="mt-6 text-sm text-neutral-700">La réalisation est mise à jour par l’équipe nationale et par {c.operator.name}.</p>
          )}
        </Card>

        <Card
          id="actions-financees"
          title={`Actions financées (${c.actions.length})`}
          className="scroll-mt-4 lg:col-span-2"
          actions={
            permissions.canManage ? (
              <ButtonLink href={`/engagements/${id}/actions`} variant="secondary" size="sm">
                Lier des actions
              </ButtonLink>
            ) : undefined
          }
        >
          {flash === 'liees' && (
            <Alert tone="success" className="mb-4">
              Actions financées enregistrées.
            </Alert>
          )}
          {flash === 'retiree' && (
            <Alert tone="success" className="mb-4">
              Action retirée de l’engagement.
            </Alert>
          )}
          {groups.length === 0 ? (
            <p className="text-neutral-700">
              {c.actionCount === 0 ? 'Aucune action liée à cet engagement' : 'Aucune action liée dans votre périmètre'}.
            </p>
          ) : (
            <div className="space-y-6">
              {groups.map(([slug, g]) => (
                <section key={slug} aria-labelledby={`territoire-${slug}`}>
                  <h3 id={`territoire-${slug}`} className="text-lg font-semibold text-neutral-900">
                    <Link className="link" href={`/territoires/${slug}`}>
                      {g.name}
                    </Link>
                  </h3>
                  <ul className="mt-2 space-y-2">
                    {g.actions.map((a) => (
                      <li key={a.id} className="flex flex-wrap items-center gap-2">
                        <Link className="link" href={`/actions/${a.id}`}>
                          <span className="font-medium">{a.reference}</span> — {a.title}
                        </Link>
                        <Badge tone={ACTION_STATUS_TONES[a.status]}>{ACTION_STATUS_LABELS[a.status]}</Badge>
                        {a.archived && <Badge tone="neutral">Archivée</Badge>}
                        {permissions.canManage && (
                          <ServerForm
                            action={unlinkActionForm}
                            hidden={{ id: c.id, version: c.version, actionId: a.id }}
                            submitLabel="Retirer"
                            pendingLabel="Retrait…"
                            submitAriaLabel={`Retirer ${a.reference} (${g.name}) de l’engagement`}
                            variant="ghost"
                          />
                        )}
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          )}
        </Card>

        <Card title="Historique" className="lg:col-span-2">
          {history.length === 0 ? (
            <p className="text-neutral-700">Aucune modification enregistrée.</p>
          ) : (
            <ol className="space-y-4">
              {history.map((h) => (
                <li key={h.id} className="border-l-4 border-neutral-300 pl-4">
                  <p>
                    <span className="font-semibold">{OPERATIONS[h.operation] ?? h.operation}</span> — {formatDateTime(h.at)}
                    {h.actor ? `, par ${h.actor.name}` : ''}
                    {h.version !== null ? ` (version ${h.version})` : ''}
                  </p>
                  {h.operation !== 'create' && h.changes.length > 0 && (
                    <ul className="mt-1 list-disc pl-6 text-sm">
                      {h.changes.map((ch) => (
                        <li key={ch.field}>
                          {ch.label} : {ch.beforeText} → {ch.afterText}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}
