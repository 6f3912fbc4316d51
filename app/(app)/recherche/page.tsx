import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { buttonClasses } from '@/components/ui/button';
import { TextInput } from '@/components/ui/form';
import { requireActor } from '@/lib/auth/session';
import { search, type SearchResults } from '@/lib/search/queries';
import { SEARCH_LIMITS, searchQuerySchema } from '@/lib/search/schemas';
import { fieldErrorsFromZod } from '@/lib/validation';
import { ACTION_STATUS_LABELS, ACTION_STATUS_TONES, TERRITORY_STATUS_LABELS } from '@/lib/labels';
import type { CommitmentScope, CommitmentStatus } from '@/lib/generated/prisma/enums';

export const metadata: Metadata = { title: 'Recherche' };

// Same wording as the commitments screens (lib/commitments/labels.ts, in progress).
const COMMITMENT_STATUS_LABELS: Record<CommitmentStatus, string> = {
  PLANNED: 'Prévu',
  IN_PROGRESS: 'En cours',
  DELIVERED: 'Réalisé',
  LATE: 'Retard signalé',
  CANCELLED: 'Annulé',
};

const COMMITMENT_SCOPE_LABELS: Record<CommitmentScope, string> = {
  NATIONAL: 'National',
  REGION: 'Région',
  TERRITORY: 'Territoire',
};

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

function Group({ title, count, empty, children }: { title: string; count: number; empty: string; children: ReactNode }) {
  return (
    <Card title={`${title} (${count}${count >= SEARCH_LIMITS.perKind ? '+' : ''})`} headingLevel={2}>
      {count === 0 ? <p className="text-neutral-700">{empty}</p> : <ul className="space-y-3">{children}</ul>}
      {count >= SEARCH_LIMITS.perKind && (
        <p className="mt-4 text-sm text-neutral-700">
          Seuls les {SEARCH_LIMITS.perKind} premiers résultats sont affichés : précisez la recherche.
        </p>
      )}
    </Card>
  );
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const { q: raw } = await searchParams;
  const q = typeof raw === 'string' ? raw : '';
  const actor = await requireActor();
  const parsed = q.trim() ? searchQuerySchema.safeParse({ q }) : null;
  const error = parsed && !parsed.success ? fieldErrorsFromZod(parsed.error).q : undefined;
  const results: SearchResults | null = parsed?.success ? await search(actor, parsed.data.q) : null;
  const total = results ? results.territories.length + results.actions.length + results.commitments.length : 0;
  return (
    <>
      <PageHeader
        title="Recherche"
        description="Territoires, actions et engagements de votre périmètre : noms, titres et descriptions."
      />
      <form method="get" action="/recherche" role="search" aria-label="Rechercher dans votre périmètre" className="mb-8 flex flex-wrap items-end gap-4 rounded border border-neutral-300 bg-neutral-50 p-4">
        <TextInput
          id="q"
          name="q"
          type="search"
          label="Rechercher"
          hint={`${SEARCH_LIMITS.min} à ${SEARCH_LIMITS.max} caractères ; majuscules et minuscules indifférentes.`}
          maxLength={SEARCH_LIMITS.max}
          defaultValue={q}
          error={error}
          className="min-w-64 flex-1"
        />
        <button type="submit" className={buttonClasses('primary', 'md')}>
          Rechercher
        </button>
      </form>
      {results && (
        <>
          <p className="mb-6" role="status">
            {total === 0
              ? `Aucun résultat pour « ${parsed?.data?.q} » dans votre périmètre.`
              : `${plural(total, 'résultat', 'résultats')} pour « ${parsed?.data?.q} ».`}
          </p>
          <div className="space-y-8">
            <Group title="Territoires" count={results.territories.length} empty="Aucun territoire.">
              {results.territories.map((t) => (
                <li key={t.slug}>
                  <Link className="link font-semibold" href={`/territoires/${t.slug}`}>
                    {t.name}
                  </Link>
                  <span className="block text-sm text-neutral-700">
                    {[t.officialId, `dép. ${t.departementCodes.join(', ')}`, t.status !== 'ACTIVE' ? TERRITORY_STATUS_LABELS[t.status] : null]
                      .filter(Boolean)
                      .join(' — ')}
                  </span>
                </li>
              ))}
            </Group>
            <Group title="Actions" count={results.actions.length} empty="Aucune action.">
              {results.actions.map((a) => (
                <li key={a.id}>
                  <Link className="link font-semibold" href={`/actions/${a.id}`}>
                    {a.reference} — {a.title}
                  </Link>{' '}
                  <Badge tone={ACTION_STATUS_TONES[a.status]}>{ACTION_STATUS_LABELS[a.status]}</Badge>
                  {a.archived && (
                    <>
                      {' '}
                      <Badge tone="neutral">archivée</Badge>
                    </>
                  )}
                  <span className="block text-sm text-neutral-700">{a.territory.name}</span>
                </li>
              ))}
            </Group>
            <Group title="Engagements" count={results.commitments.length} empty="Aucun engagement.">
              {results.commitments.map((c) => (
                <li key={c.id}>
                  <Link className="link font-semibold" href={`/engagements/${c.id}`}>
                    {c.title}
                  </Link>
                  <span className="block text-sm text-neutral-700">
                    {[
                      c.operator.name,
                      `${COMMITMENT_SCOPE_LABELS[c.scope]}${c.territory ? ` : ${c.territory.name}` : c.region ? ` : ${c.region.name}` : ''}`,
                      COMMITMENT_STATUS_LABELS[c.status],
                    ].join(' — ')}
                  </span>
                </li>
              ))}
            </Group>
          </div>
        </>
      )}
    </>
  );
}
