import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { committeePermissions } from '@/lib/authz/policy';
import { requireActor } from '@/lib/auth/session';
import { getCommittee, listLinkableActions, searchLinkableActions, type CommitteeActionRef } from '@/lib/committees/queries';
import { pickActions } from '@/lib/committees/picker';
import { orNotFound } from '@/lib/pages';
import { ACTION_STATUS_LABELS, ACTION_STATUS_TONES, formatDate, formatDateTime } from '@/lib/labels';
import { CommitteeForm } from '@/components/committees/committee-form';
import { saveCommittee, searchCommitteeActions } from '../server-actions';

export const metadata: Metadata = { title: 'Comité régional' };

function Paragraphs({ text, empty }: { text: string; empty: string }) {
  if (!text.trim()) return <p className="text-neutral-700">{empty}</p>;
  return (
    <div className="space-y-3">
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i} className="whitespace-pre-line">
          {p}
        </p>
      ))}
    </div>
  );
}

function byTerritory(actions: CommitteeActionRef[]) {
  const groups = new Map<string, { name: string; actions: CommitteeActionRef[] }>();
  for (const a of actions) {
    const g = groups.get(a.territory.slug) ?? { name: a.territory.name, actions: [] };
    g.actions.push(a);
    groups.set(a.territory.slug, g);
  }
  return [...groups.entries()];
}

export default async function CommitteePage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code, id } = await params;
  const editing = (await searchParams).modifier === '1';
  const actor = await requireActor();
  const committee = await orNotFound(getCommittee(actor, id));
  if (committee.region.code !== code) notFound();
  const base = `/regions/${code}/comites`;
  const full = committee.access === 'full';
  const permissions = committeePermissions(actor, committee);
  const breadcrumbs = [
    ...(full ? [{ href: `/regions/${code}`, label: `Région ${committee.region.name}` }] : []),
    { href: base, label: 'Comités régionaux' },
    { href: `${base}/${id}`, label: committee.title },
  ];

  if (editing) {
    if (!permissions.canEdit) notFound();
    const linkedIds = committee.actions.map((a) => a.id);
    const [initialResults, linkable] = await Promise.all([
      searchLinkableActions(actor, code, '', linkedIds),
      listLinkableActions(actor, code, linkedIds),
    ]);
    // Only the linked actions are described up front; the picker asks for the others.
    const selectedActions = pickActions(linkable, linkedIds);
    return (
      <>
        <PageHeader
          title={`Modifier le comité — ${committee.title}`}
          breadcrumbs={[...breadcrumbs, { href: `${base}/${id}?modifier=1`, label: 'Modifier' }]}
        />
        <CommitteeForm
          mode="update"
          regionCode={code}
          initial={{
            id: committee.id,
            version: committee.version,
            title: committee.title,
            date: committee.date,
            attendees: committee.attendees ?? [],
            decisions: committee.decisions,
            actionIds: committee.actions.map((a) => a.id),
          }}
          selectedActions={selectedActions}
          initialResults={initialResults}
          searchActions={searchCommitteeActions}
          saveCommittee={saveCommittee}
          cancelHref={`${base}/${id}`}
        />
      </>
    );
  }

  const groups = byTerritory(committee.actions);
  return (
    <>
      <PageHeader
        title={committee.title}
        description={`Comité régional du ${formatDate(committee.date)} — région ${committee.region.name}`}
        breadcrumbs={breadcrumbs}
        actions={permissions.canEdit ? <ButtonLink href={`${base}/${id}?modifier=1`}>Modifier</ButtonLink> : undefined}
      />
      {!full && (
        <Alert tone="info" className="mb-6">
          Ce comité a examiné des actions de votre territoire : seules celles-ci sont affichées.
        </Alert>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Décisions" className="lg:col-span-2">
          <Paragraphs text={committee.decisions} empty="Aucune décision saisie." />
        </Card>
        {full && (
          <Card title={`Participants (${committee.attendees?.length ?? 0})`}>
            {committee.attendees?.length ? (
              <ul className="list-disc space-y-1 pl-6">
                {committee.attendees.map((name, i) => (
                  <li key={i}>{name}</li>
                ))}
              </ul>
            ) : (
              <p className="text-neutral-700">Aucun participant saisi.</p>
            )}
          </Card>
        )}
        <Card title={`Actions examinées (${committee.actions.length})`} className="lg:col-span-3">
          {groups.length === 0 ? (
            <p className="text-neutral-700">Aucune action liée à ce comité.</p>
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
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          )}
        </Card>
      </div>
      {full && (
        <p className="mt-6 text-sm text-neutral-700">
          Enregistré le {formatDateTime(committee.createdAt)}
          {committee.createdBy ? ` par ${committee.createdBy}` : ''}
          {committee.updatedAt ? ` ; dernière modification le ${formatDateTime(committee.updatedAt)}${committee.updatedBy ? ` par ${committee.updatedBy}` : ''}` : ''}.
        </p>
      )}
    </>
  );
}
