import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { ButtonLink, buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Select, TextInput } from '@/components/ui/form';
import { Table, THead, TBody, Tr, Th, Td } from '@/components/ui/table';
import { requireActor } from '@/lib/auth/session';
import { ROLE_LABELS } from '@/lib/authz/policy';
import { listUsers } from '@/lib/admin/users';
import { ROLES, USER_STATUSES, userFiltersSchema } from '@/lib/admin/schemas';
import { describeMembership, USER_STATUS_LABELS, USER_STATUS_TONES } from '@/lib/admin/labels';
import { fieldErrorsFromZod } from '@/lib/validation';
import { orNotFound } from '@/lib/pages';
import { formatDateTime, formatInteger } from '@/lib/labels';

export const metadata: Metadata = { title: 'Utilisateurs' };

const FILTER_KEYS = ['q', 'status', 'role', 'page'] as const;
const BASE = '/administration/utilisateurs';

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const raw: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const v = query[key];
    if (typeof v === 'string') raw[key] = v;
  }
  // A malformed filter is reported beside its field; the list ignores it.
  const parsed = userFiltersSchema.safeParse(raw);
  const errors = parsed.success ? {} : fieldErrorsFromZod(parsed.error);
  const usable = Object.fromEntries(Object.entries(raw).filter(([k]) => !errors[k]));
  const actor = await requireActor();
  const { items, total, page, pageSize, filters } = await orNotFound(listUsers(actor, usable));
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const searched = Boolean(filters.q || filters.status || filters.role);
  const pageHref = (n: number) => {
    const qs = new URLSearchParams();
    if (filters.q) qs.set('q', filters.q);
    if (filters.status) qs.set('status', filters.status);
    if (filters.role) qs.set('role', filters.role);
    if (n > 1) qs.set('page', String(n));
    const s = qs.toString();
    return s ? `${BASE}?${s}` : BASE;
  };
  return (
    <>
      <PageHeader
        title="Utilisateurs"
        description="Comptes, rôles et périmètres. Un compte invité reçoit un lien d’activation à usage unique, valable 7 jours."
        breadcrumbs={[{ href: BASE, label: 'Utilisateurs' }]}
        actions={<ButtonLink href={`${BASE}/inviter`}>Inviter un utilisateur</ButtonLink>}
      />
      <form
        method="get"
        action={BASE}
        role="search"
        aria-label="Rechercher des utilisateurs"
        className="mb-6 grid gap-4 rounded border border-neutral-300 bg-neutral-50 p-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <TextInput
          id="q"
          name="q"
          type="search"
          label="Rechercher"
          hint="Nom ou adresse e-mail"
          className="sm:col-span-2"
          maxLength={200}
          defaultValue={raw.q ?? ''}
          error={errors.q}
        />
        <Select
          id="status"
          name="status"
          label="Statut"
          placeholder="Tous"
          defaultValue={raw.status ?? ''}
          options={USER_STATUSES.map((s) => ({ value: s, label: USER_STATUS_LABELS[s] }))}
          error={errors.status}
        />
        <Select
          id="role"
          name="role"
          label="Rôle"
          placeholder="Tous"
          defaultValue={raw.role ?? ''}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          error={errors.role}
        />
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
          <button type="submit" className={buttonClasses('primary', 'md')}>
            Rechercher
          </button>
          <Link href={BASE} className={buttonClasses('ghost', 'md')}>
            Réinitialiser
          </Link>
        </div>
      </form>
      <p className="mb-4" role="status">
        {formatInteger(total)} utilisateur{total > 1 ? 's' : ''}
        {searched ? ' correspondant à la recherche' : ''}
        {pages > 1 ? ` — page ${page} sur ${pages}` : ''}.
      </p>
      {items.length === 0 ? (
        <EmptyState
          title="Aucun utilisateur"
          description={searched ? 'Aucun utilisateur ne correspond à cette recherche.' : 'Aucun compte pour le moment.'}
        />
      ) : (
        <Table caption="Utilisateurs" captionHidden>
          <THead>
            <Tr>
              <Th scope="col">Nom</Th>
              <Th scope="col">Adresse e-mail</Th>
              <Th scope="col">Rôles et périmètres</Th>
              <Th scope="col">Statut</Th>
              <Th scope="col">Dernière connexion</Th>
            </Tr>
          </THead>
          <TBody>
            {items.map((u) => (
              <Tr key={u.id}>
                <Th scope="row">
                  <Link className="link font-semibold" href={`${BASE}/${u.id}`}>
                    {u.name}
                  </Link>
                </Th>
                <Td className="break-all">{u.email}</Td>
                <Td>
                  {u.memberships.length === 0 ? (
                    <span className="text-neutral-700">Aucun rôle</span>
                  ) : (
                    <ul className="space-y-1">
                      {u.memberships.map((m, i) => (
                        <li key={i}>{describeMembership({ ...m, title: null })}</li>
                      ))}
                    </ul>
                  )}
                </Td>
                <Td>
                  <Badge tone={USER_STATUS_TONES[u.status]}>{USER_STATUS_LABELS[u.status]}</Badge>
                </Td>
                <Td className="whitespace-nowrap">{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : 'Jamais'}</Td>
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
