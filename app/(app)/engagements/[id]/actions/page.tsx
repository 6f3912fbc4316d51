import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { TextInput } from '@/components/ui/form';
import { ClientSelect } from '@/components/tables/client-select';
import { ServerForm } from '@/components/forms/server-form';
import { placeOf } from '@/components/commitments/commitment-badges';
import { ActionChoices } from '@/components/actions/action-choices';
import { requireActor } from '@/lib/auth/session';
import { getCommitment, listLinkableActions, LINKABLE_MAX } from '@/lib/commitments/queries';
import { linkableFiltersSchema } from '@/lib/commitments/schemas';
import { orNotFound } from '@/lib/pages';
import { ACTION_STATUS_LABELS } from '@/lib/labels';
import { linkActionsForm } from '../../server-actions';

export const metadata: Metadata = { title: 'Lier des actions à un engagement' };

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export default async function LinkActionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const raw = await searchParams;
  const parsed = linkableFiltersSchema.safeParse({
    territory: typeof raw.territoire === 'string' ? raw.territoire : undefined,
    q: typeof raw.q === 'string' ? raw.q : undefined,
  });
  const filters = parsed.success ? parsed.data : {};
  const actor = await requireActor();
  const c = await orNotFound(getCommitment(actor, id));
  // National staff only: anyone else gets the 404 page (FORBIDDEN is mapped to it).
  const picker = await orNotFound(listLinkableActions(actor, id, filters));
  const base = `/engagements/${id}`;
  const shown = picker.groups.reduce((n, g) => n + g.actions.length, 0);

  return (
    <>
      <PageHeader
        title={`Actions financées — ${c.title}`}
        description={`${c.operator.name} — ${placeOf(c)}. ${
          c.scope === 'TERRITORY'
            ? 'Seules les actions du plan de ce territoire peuvent être liées.'
            : c.scope === 'REGION'
              ? 'Seules les actions des plans des territoires de la région peuvent être liées.'
              : 'Engagement national : les actions de tous les plans peuvent être liées.'
        }`}
        breadcrumbs={[
          { href: '/engagements', label: 'Engagements' },
          { href: base, label: c.title },
          { href: `${base}/actions`, label: 'Actions financées' },
        ]}
      />

      {picker.territories.length > 1 && (
        <form
          method="get"
          role="search"
          aria-label="Filtrer les actions proposées"
          className="mb-6 grid gap-4 rounded border border-neutral-300 bg-neutral-50 p-4 sm:grid-cols-3"
        >
          <ClientSelect
            id="liaison-territoire"
            name="territoire"
            label="Territoire"
            defaultValue={filters.territory ?? ''}
            options={[{ value: '', label: 'Tous les territoires' }, ...picker.territories.map((t) => ({ value: t.slug, label: t.name }))]}
          />
          <TextInput id="liaison-recherche" name="q" type="search" label="Mots du titre" defaultValue={filters.q ?? ''} autoComplete="off" />
          <div className="flex items-end gap-2">
            <button type="submit" className={buttonClasses('primary', 'md')}>
              Filtrer
            </button>
            <Link href={`${base}/actions`} className={buttonClasses('ghost', 'md')}>
              Réinitialiser
            </Link>
          </div>
        </form>
      )}

      {picker.truncated && (
        <Alert tone="info" className="mb-6">
          {`Plus de ${LINKABLE_MAX} actions correspondent : seules les ${LINKABLE_MAX} premières sont proposées. Choisissez un territoire ou précisez la recherche.`}
        </Alert>
      )}

      <ServerForm
        action={linkActionsForm}
        hidden={{ id: c.id, version: c.version }}
        submitLabel="Enregistrer les actions financées"
        pendingLabel="Enregistrement…"
        className="space-y-6"
        extraButtons={
          <Link href={base} className={buttonClasses('ghost', 'md')}>
            Annuler
          </Link>
        }
      >
        {picker.hiddenLinkedIds.map((actionId) => (
          <input key={actionId} type="hidden" name="keep" value={actionId} />
        ))}
        <p className="text-neutral-800">
          Cochez les actions que cet engagement finance ; décochez une action pour la retirer.{' '}
          {plural(shown, 'action proposée', 'actions proposées')}
          {picker.hiddenLinkedIds.length > 0 &&
            ` ; ${plural(picker.hiddenLinkedIds.length, 'autre action liée, hors de ce filtre, reste liée', 'autres actions liées, hors de ce filtre, restent liées')}`}
          .
        </p>
        {picker.groups.length === 0 ? (
          <p className="text-neutral-700">Aucune action ne correspond.</p>
        ) : (
          <ActionChoices
            name="actionIds"
            idPrefix="liaison-action-"
            groups={picker.groups.map((g) => ({
              territory: g.territory.name,
              actions: g.actions.map((a) => ({ id: a.id, r: a.reference, t: a.title, s: ACTION_STATUS_LABELS[a.status], c: a.linked || undefined, a: a.archived || undefined })),
            }))}
          />
        )}
      </ServerForm>
    </>
  );
}
