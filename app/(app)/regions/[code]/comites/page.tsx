import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { Alert } from '@/components/ui/alert';
import { ButtonLink, buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { TextInput } from '@/components/ui/form';
import { Table, THead, TBody, Tr, Th, Td } from '@/components/ui/table';
import { requireActor } from '@/lib/auth/session';
import { listRegionCommittees } from '@/lib/committees/queries';
import { committeeFiltersSchema } from '@/lib/committees/schemas';
import { fieldErrorsFromZod } from '@/lib/validation';
import { orNotFound } from '@/lib/pages';
import { formatDate, formatInteger } from '@/lib/labels';

export const metadata: Metadata = { title: 'Comités régionaux' };

const FILTER_KEYS = ['q', 'from', 'to', 'page'] as const;

function excerpt(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

export default async function CommitteesPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code } = await params;
  const query = await searchParams;
  const raw: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const v = query[key];
    if (typeof v === 'string') raw[key] = v;
  }
  // A malformed filter is reported beside its field; the list ignores it.
  const parsed = committeeFiltersSchema.safeParse(raw);
  const errors = parsed.success ? {} : fieldErrorsFromZod(parsed.error);
  const usable = Object.fromEntries(Object.entries(raw).filter(([k]) => !errors[k]));
  const actor = await requireActor();
  const list = await orNotFound(listRegionCommittees(actor, code, usable));
  const { region, filters, items, total, page, pageSize } = list;
  const base = `/regions/${code}/comites`;
  const searched = Boolean(filters.q || filters.from || filters.to);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageHref = (n: number) => {
    const qs = new URLSearchParams();
    if (filters.q) qs.set('q', filters.q);
    if (filters.from) qs.set('from', filters.from);
    if (filters.to) qs.set('to', filters.to);
    if (n > 1) qs.set('page', String(n));
    const s = qs.toString();
    return s ? `${base}?${s}` : base;
  };
  const full = list.access === 'full';
  return (
    <>
      <PageHeader
        title={`Comités régionaux — ${region.name}`}
        description="Revues régionales : date, participants, décisions et actions examinées."
        breadcrumbs={[
          ...(full ? [{ href: `/regions/${code}`, label: `Région ${region.name}` }] : []),
          { href: base, label: 'Comités régionaux' },
        ]}
        actions={list.canRecord ? <ButtonLink href={`${base}/nouveau`}>Nouveau comité</ButtonLink> : undefined}
      />
      {!full && (
        <Alert tone="info" className="mb-6">
          Vous voyez les comités qui ont examiné des actions de votre territoire : leur titre, leur date et leurs décisions.
        </Alert>
      )}
      <form
        method="get"
        action={base}
        role="search"
        aria-label="Rechercher des comités"
        className="mb-6 grid gap-4 rounded border border-neutral-300 bg-neutral-50 p-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <TextInput
          id="q"
          name="q"
          type="search"
          label="Rechercher"
          className="sm:col-span-2"
          maxLength={200}
          defaultValue={raw.q ?? ''}
          hint={full ? 'Titre, décisions, participants, titre des actions examinées' : 'Titre, décisions, titre des actions examinées'}
          error={errors.q}
        />
        <TextInput id="from" name="from" type="date" label="Du" hint="Date incluse" defaultValue={raw.from ?? ''} error={errors.from} />
        <TextInput id="to" name="to" type="date" label="Au" hint="Date incluse" defaultValue={raw.to ?? ''} error={errors.to} />
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
          <button type="submit" className={buttonClasses('primary', 'md')}>
            Rechercher
          </button>
          <Link href={base} className={buttonClasses('ghost', 'md')}>
            Réinitialiser
          </Link>
        </div>
      </form>
      <p className="mb-4" role="status">
        {total} comité{total > 1 ? 's' : ''}
        {searched ? ' correspondant à la recherche' : ''}
        {pages > 1 ? ` — page ${page} sur ${pages}` : ''}.
      </p>
      {items.length === 0 ? (
        <EmptyState
          title="Aucun comité"
          description={
            searched
              ? 'Aucun comité ne correspond à cette recherche.'
              : list.canRecord
                ? 'Aucun comité régional n’a encore été enregistré pour cette région.'
                : 'Aucun comité régional à afficher.'
          }
          action={list.canRecord && !searched ? <ButtonLink href={`${base}/nouveau`}>Nouveau comité</ButtonLink> : undefined}
        />
      ) : (
        <Table caption={`Comités régionaux de la région ${region.name}`} captionHidden>
          <THead>
            <Tr>
              <Th scope="col">Date</Th>
              <Th scope="col">Comité</Th>
              <Th scope="col" numeric>
                Actions examinées
              </Th>
              <Th scope="col">Décisions</Th>
            </Tr>
          </THead>
          <TBody>
            {items.map((c) => (
              <Tr key={c.id}>
                <Td className="whitespace-nowrap">{formatDate(c.date)}</Td>
                <Th scope="row">
                  <Link className="link font-semibold" href={`${base}/${c.id}`}>
                    {c.title}
                  </Link>
                </Th>
                <Td numeric>{formatInteger(c.actionCount)}</Td>
                <Td className="max-w-prose">{c.decisions.trim() ? excerpt(c.decisions) : '—'}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {pages > 1 && (
        <nav aria-label="Pagination" className="mt-6 flex flex-wrap items-center gap-4">
          {page > 1 && (
            <Link className={buttonClasses('secondary', 'sm')} href={pageHref(page - 1)}>
              Page précédente
            </Link>
          )}
          <span>
            Page {page} sur {pages}
          </span>
          {page < pages && (
            <Link className={buttonClasses('secondary', 'sm')} href={pageHref(page + 1)}>
              Page suivante
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
