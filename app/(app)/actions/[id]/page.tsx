import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { ButtonLink, buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Alert } from '@/components/ui/alert';
import { ProgressBar } from '@/components/ui/progress-bar';
import { Table, THead, TBody, Tr, Th, Td } from '@/components/ui/table';
import { ServerForm } from '@/components/forms/server-form';
import { ProgressForm } from '@/components/actions/progress-form';
import { requireActor } from '@/lib/auth/session';
import { getActionView } from '@/lib/actions/queries';
import { listCommitteesForAction } from '@/lib/committees/queries';
import { orNotFound } from '@/lib/pages';
import {
  ACTION_STATUS_LABELS,
  ACTION_STATUS_TONES,
  AXIS_LABELS,
  FINANCING_STATUS_LABELS,
  INDICATOR_KIND_LABELS,
  PHASE_LABELS,
  PRIORITY_LABELS,
  formatDate,
  formatDateTime,
  formatEuros,
} from '@/lib/labels';
import { archiveOrRestorePlanActionForm, recordIndicatorValueForm, savePlanActionProgress } from './server-actions';
import { IndicatorValues } from '@/components/actions/indicator-values';
import { parisDay } from '@/lib/calendar';

export const metadata: Metadata = { title: 'Fiche action' };

const num = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

function Paragraphs({ text }: { text: string }) {
  if (!text.trim()) return <p className="text-neutral-700">Non renseigné.</p>;
  return (
    <>
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i} className="whitespace-pre-line">
          {p}
        </p>
      ))}
    </>
  );
}

export default async function ActionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const { action: dto, permissions } = await orNotFound(getActionView(actor, id));
  const committees = await listCommitteesForAction(actor, id);
  const { canEdit } = permissions;
  const financed = dto.financing.reduce((s, f) => s + (f.status === 'REFUSED' ? 0 : f.amountCents), 0);
  const today = parisDay();
  return (
    <>
      <PageHeader
        title={`${dto.reference} — ${dto.title}`}
        breadcrumbs={[
          { href: '/territoires', label: 'Territoires' },
          { href: `/territoires/${dto.territory.slug}`, label: dto.territory.name },
          { href: `/territoires/${dto.territory.slug}/plan`, label: "Plan d'actions" },
          { href: `/actions/${id}`, label: dto.reference },
        ]}
        actions={
          <div className="print-hidden flex flex-wrap gap-2">
            {canEdit && !dto.archivedAt && <ButtonLink href={`/actions/${id}/modifier`}>Modifier</ButtonLink>}
            <ButtonLink href={`/actions/${id}/historique`} variant="secondary">
              Historique
            </ButtonLink>
            <a href={`/api/v1/actions/${id}/report.pdf`} className={buttonClasses('secondary', 'md')} download>
              Fiche (PDF)
            </a>
          </div>
        }
      />
      {dto.archivedAt && (
        <Alert tone="warning" title="Action archivée" className="mb-6">
          Archivée le {formatDateTime(dto.archivedAt)} : elle ne figure plus dans le plan de travail mais reste dans les versions
          et l&apos;historique.
        </Alert>
      )}
      <div className="mb-6 flex flex-wrap gap-2">
        <Badge tone={ACTION_STATUS_TONES[dto.status]}>{ACTION_STATUS_LABELS[dto.status]}</Badge>
        <Badge tone="neutral">Phase : {PHASE_LABELS[dto.phase]}</Badge>
        <Badge tone="neutral">Priorité {PRIORITY_LABELS[dto.priority].toLowerCase()}</Badge>
        <span className="text-sm text-neutral-700">
          Version {dto.version} — modifiée le {formatDateTime(dto.updatedAt)}
          {dto.updatedBy ? ` par ${dto.updatedBy}` : ''}
        </span>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Axes du programme" headingLevel={2}>
            <ul className="list-disc pl-6">
              {dto.axes.map((a) => (
                <li key={a}>{AXIS_LABELS[a]}</li>
              ))}
            </ul>
          </Card>
          <Card title="Description" headingLevel={2}>
            <Paragraphs text={dto.description} />
          </Card>
          <Card title="Objectifs" headingLevel={2}>
            <Paragraphs text={dto.objectives} />
          </Card>
          <Card title="Budget et financements" headingLevel={2}>
            <p>
              Budget prévisionnel : <strong>{formatEuros(dto.budgetCents)}</strong> — financements envisagés, demandés ou
              accordés : <strong>{formatEuros(financed)}</strong>
            </p>
            {dto.financing.length > 0 && (
              <div className="mt-4">
                <Table caption="Lignes de financement" captionHidden>
                  <THead>
                    <Tr>
                      <Th scope="col">Financeur</Th>
                      <Th scope="col" numeric>
                        Montant
                      </Th>
                      <Th scope="col">Statut</Th>
                    </Tr>
                  </THead>
                  <TBody>
                    {dto.financing.map((f, i) => (
                      <Tr key={i}>
                        <Th scope="row">{f.financer}</Th>
                        <Td numeric>{formatEuros(f.amountCents)}</Td>
                        <Td>{FINANCING_STATUS_LABELS[f.status]}</Td>
                      </Tr>
                    ))}
                  </TBody>
                </Table>
              </div>
            )}
          </Card>
          <Card title="Jalons" headingLevel={2}>
            {dto.milestones.length === 0 ? (
              <p className="text-neutral-700">Aucun jalon.</p>
            ) : (
              <ul className="space-y-2">
                {dto.milestones.map((m) => (
                  <li key={m.id} className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{m.title}</span> — échéance {formatDate(m.dueDate)}
                    {m.doneAt ? (
                      <Badge tone="success">Réalisé le {formatDate(m.doneAt)}</Badge>
                    ) : m.dueDate < today ? (
                      <Badge tone="warning">En retard</Badge>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title="Indicateurs" headingLevel={2}>
            {dto.indicators.length === 0 ? (
              <p className="text-neutral-700">Aucun indicateur.</p>
            ) : (
              <ul className="space-y-4">
                {dto.indicators.map((i) => (
                  <li key={i.id}>
                    <p>
                      <span className="font-medium">{i.name}</span> ({INDICATOR_KIND_LABELS[i.kind]}) :{' '}
                      {i.actual === null ? '—' : num.format(i.actual)} / {i.target === null ? '—' : num.format(i.target)} {i.unit}
                    </p>
                    {i.target ? (
                      <ProgressBar
                        value={Math.round(((i.actual ?? 0) / i.target) * 100)}
                        label={`Avancement de l'indicateur ${i.name}`}
                      />
                    ) : null}
                    <IndicatorValues
                      actionId={id}
                      version={dto.version}
                      indicator={i}
                      today={today}
                      record={canEdit && !dto.archivedAt ? recordIndicatorValueForm : undefined}
                    />
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title="Notes et liens" headingLevel={2}>
            <Paragraphs text={dto.notes} />
            {dto.links.length > 0 && (
              <ul className="mt-3 list-disc pl-6">
                {dto.links.map((l) => (
                  <li key={l}>
                    <a className="link" href={l} rel="noopener noreferrer" target="_blank">
                      {l} <span className="sr-only">(nouvelle fenêtre)</span>
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Pilotage" headingLevel={2}>
            <dl className="space-y-2">
              <div>
                <dt className="font-medium">Pilote</dt>
                <dd>{dto.pilot || '—'}</dd>
              </div>
              <div>
                <dt className="font-medium">Calendrier</dt>
                <dd>
                  {formatDate(dto.startDate)} → {formatDate(dto.endDate)}
                </dd>
              </div>
              <div>
                <dt className="font-medium">Partenaires</dt>
                <dd>{dto.partners.length ? dto.partners.join(', ') : '—'}</dd>
              </div>
              <div>
                <dt className="font-medium">Opérateurs mobilisés</dt>
                <dd>{dto.operators.length ? dto.operators.map((o) => o.name).join(', ') : '—'}</dd>
              </div>
            </dl>
          </Card>
          {canEdit && !dto.archivedAt && (
            <Card title="Mise à jour rapide" headingLevel={2}>
              <ProgressForm action={dto} saveProgress={savePlanActionProgress} />
            </Card>
          )}
          {canEdit && (
            <Card title={dto.archivedAt ? 'Restaurer' : 'Archiver'} headingLevel={2}>
              <p className="mb-3 text-sm text-neutral-700">
                {dto.archivedAt
                  ? "L'action reviendra à la fin du plan de travail."
                  : "L'action quittera le plan de travail ; elle reste lisible dans les versions et l'historique."}
              </p>
              <ServerForm
                action={archiveOrRestorePlanActionForm}
                hidden={{ id, version: dto.version, operation: dto.archivedAt ? 'restore' : 'archive' }}
                submitLabel={dto.archivedAt ? "Restaurer l'action" : "Archiver l'action"}
                variant={dto.archivedAt ? 'secondary' : 'danger'}
              />
            </Card>
          )}
          <Card title="Comités régionaux" headingLevel={2}>
            {committees.length === 0 ? (
              <p className="text-neutral-700">Aucun comité régional n&apos;a encore examiné cette action.</p>
            ) : (
              <ul className="space-y-2">
                {committees.map((c) => (
                  <li key={c.id}>
                    <Link className="link" href={`/regions/${c.region.code}/comites/${c.id}`}>
                      {c.title}
                    </Link>{' '}
                    <span className="text-sm text-neutral-700">({formatDate(c.date)})</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <p>
            <Link className="link" href={`/territoires/${dto.territory.slug}/plan`}>
              ← Retour au plan d&apos;actions
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}
