import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import { StatCard } from '@/components/ui/card';
import { Select } from '@/components/ui/form';
import { ButtonLink, buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ProgressBar } from '@/components/ui/progress-bar';
import { Table, THead, TBody, Tr, Th, Td } from '@/components/ui/table';
import { CommitmentAlerts, CommitmentStatusBadge, placeOf } from '@/components/commitments/commitment-badges';
import { requireActor } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import {
  getCommitmentFilterOptions,
  getCommitmentOverview,
  lenientCommitmentFilters,
  listCommitments,
  type AlertCounts,
} from '@/lib/commitments/queries';
import { COMMITMENT_SCOPES, COMMITMENT_STATUSES, filtersToQuery, type CommitmentFilters } from '@/lib/commitments/schemas';
import { COMMITMENT_SCOPE_LABELS, COMMITMENT_STATUS_LABELS, formatQuantity, formatShare } from '@/lib/commitments/labels';
import { formatDate, formatInteger } from '@/lib/labels';

export const metadata: Metadata = { title: 'Engagements des opérateurs' };

const listHref = (filters: Partial<CommitmentFilters>) => {
  const query = new URLSearchParams(filtersToQuery(filters)).toString();
  return `/engagements${query ? `?${query}` : ''}#liste`;
};

const plural = (n: number, one: string, many: string) => `${formatInteger(n)} ${n > 1 ? many : one}`;

/** A figure that links to the list behind it; the hidden text names what is counted. */
function Figure({ n, href, one, many, of }: { n: number; href: string; one: string; many: string; of: string }) {
  return (
    <Link className="link font-semibold" href={href}>
      {formatInteger(n)}
      <span className="sr-only">
        {' '}
        {n > 1 ? many : one} — {of}
      </span>
    </Link>
  );
}

function AlertTable({
  caption,
  header,
  rows,
}: {
  caption: string;
  header: string;
  rows: { key: string; label: ReactNode; name: string; filters: Partial<CommitmentFilters>; counts: AlertCounts }[];
}) {
  return (
    <Table caption={caption}>
      <THead>
        <Tr>
          <Th scope="col">{header}</Th>
          <Th scope="col" numeric>
            Engagements
          </Th>
          <Th scope="col" numeric>
            Échéance dépassée
          </Th>
          <Th scope="col" numeric>
            Sous-réalisés
          </Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <Tr key={r.key}>
            <Th scope="row">{r.label}</Th>
            <Td numeric>
              <Figure n={r.counts.total} href={listHref(r.filters)} one="engagement" many="engagements" of={r.name} />
            </Td>
            <Td numeric>
              <Figure
                n={r.counts.late}
                href={listHref({ ...r.filters, late: true })}
                one="engagement à l’échéance dépassée"
                many="engagements à l’échéance dépassée"
                of={r.name}
              />
            </Td>
            <Td numeric>
              <Figure
                n={r.counts.underDelivered}
                href={listHref({ ...r.filters, underDelivered: true })}
                one="engagement sous-réalisé"
                many="engagements sous-réalisés"
                of={r.name}
              />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

function describeFilters(f: CommitmentFilters, names: { operators: Map<string, string>; regions: Map<string, string> }): string {
  const parts: string[] = [];
  if (f.operator) parts.push(`opérateur ${names.operators.get(f.operator) ?? f.operator}`);
  if (f.region) parts.push(`région ${names.regions.get(f.region) ?? f.region}`);
  if (f.territory) parts.push(`territoire ${f.territory}`);
  if (f.scope) parts.push(`portée ${COMMITMENT_SCOPE_LABELS[f.scope].toLowerCase()}`);
  if (f.status) parts.push(`statut « ${COMMITMENT_STATUS_LABELS[f.status]} »`);
  if (f.late) parts.push('échéance dépassée');
  if (f.underDelivered) parts.push('sous-réalisés');
  return parts.join(', ');
}

export default async function CommitmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = lenientCommitmentFilters(await searchParams);
  const actor = await requireActor();
  const [items, overview, options] = await Promise.all([
    listCommitments(actor, filtersToQuery(filters)),
    getCommitmentOverview(actor),
    getCommitmentFilterOptions(),
  ]);
  const canManage = can(actor, 'commitment:manage', null);
  const names = {
    operators: new Map(options.operators.map((o) => [o.slug, o.name])),
    regions: new Map(options.regions.map((r) => [r.code, r.name])),
  };
  const active = describeFilters(filters, names);
  const { totals } = overview;

  return (
    <>
      <PageHeader
        title="Engagements des opérateurs"
        description="Ce que les opérateurs partenaires et les services de l’État se sont engagés à apporter au programme, et ce qui est réalisé. Chaque chiffre mène à la liste correspondante."
        actions={canManage ? <ButtonLink href="/engagements/nouveau">Nouvel engagement</ButtonLink> : undefined}
      />

      <div className="mb-8 grid gap-4 sm:grid-cols-3">
        <StatCard label="Engagements" value={formatInteger(totals.total)} href={listHref({})} />
        <StatCard label="Échéance dépassée" value={formatInteger(totals.late)} hint="Non réalisés à l’échéance" href={listHref({ late: true })} />
        <StatCard
          label="Sous-réalisés"
          value={formatInteger(totals.underDelivered)}
          hint="Réalisation en retard sur le calendrier"
          href={listHref({ underDelivered: true })}
        />
      </div>

      <section aria-labelledby="alertes" className="mb-10">
        <h2 id="alertes" className="mb-2 text-xl font-bold text-neutral-900">
          Retards et sous-réalisation
        </h2>
        <details className="mb-4 max-w-3xl text-neutral-800">
          <summary className="cursor-pointer font-medium text-primary-700 underline underline-offset-2">Comment ces alertes sont calculées</summary>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            <li>
              <strong>Échéance dépassée</strong> : l’échéance est passée (le jour même compte encore), moins que le promis a été réalisé, et
              l’engagement n’est ni « Réalisé » ni « Annulé ».
            </li>
            <li>
              <strong>Sous-réalisé</strong> : la part réalisée (réalisé ÷ promis) est inférieure à la part du temps écoulé entre
              l’enregistrement de l’engagement et son échéance, comme si la réalisation devait progresser régulièrement. À l’échéance,
              tout doit être réalisé : un engagement à l’échéance dépassée est donc aussi sous-réalisé. Pas d’alerte sans échéance, ni
              pour un engagement « Réalisé » ou « Annulé ».
            </li>
            <li>
              Par région : un engagement territorial compte dans chacune des régions de son territoire ; les engagements nationaux forment
              leur propre ligne.
            </li>
          </ul>
        </details>
        {totals.total === 0 ? (
          <p className="text-neutral-700">Aucun engagement enregistré dans votre périmètre.</p>
        ) : (
          <div className="grid gap-8 lg:grid-cols-2">
            <AlertTable
              caption="Retards et sous-réalisation par opérateur"
              header="Opérateur"
              rows={overview.byOperator.map((o) => ({
                key: o.operator.slug,
                label: o.operator.name,
                name: o.operator.name,
                filters: { operator: o.operator.slug },
                counts: o,
              }))}
            />
            <AlertTable
              caption="Retards et sous-réalisation par région"
              header="Région"
              rows={overview.byRegion.map((r) => ({
                key: r.region?.code ?? 'national',
                label: r.region ? r.region.name : 'Engagements nationaux',
                name: r.region ? r.region.name : 'engagements nationaux',
                filters: r.region ? { region: r.region.code } : { scope: 'NATIONAL' },
                counts: r,
              }))}
            />
          </div>
        )}
      </section>

      <section aria-labelledby="liste-titre" id="liste" className="scroll-mt-4">
        <h2 id="liste-titre" className="mb-4 text-xl font-bold text-neutral-900">
          Liste des engagements
        </h2>
        <form
          method="get"
          action="/engagements#liste"
          role="search"
          aria-label="Filtrer les engagements"
          className="mb-6 grid gap-4 rounded border border-neutral-300 bg-neutral-50 p-4 sm:grid-cols-2 lg:grid-cols-4"
        >
          <Select
            id="filtre-operateur"
            name="operator"
            label="Opérateur"
            defaultValue={filters.operator ?? ''}
            options={[{ value: '', label: 'Tous les opérateurs' }, ...options.operators.map((o) => ({ value: o.slug, label: o.name }))]}
          />
          <Select
            id="filtre-region"
            name="region"
            label="Région"
            hint="Engagements régionaux et territoriaux de la région."
            defaultValue={filters.region ?? ''}
            options={[{ value: '', label: 'Toutes les régions' }, ...options.regions.map((r) => ({ value: r.code, label: r.name }))]}
          />
          <Select
            id="filtre-portee"
            name="scope"
            label="Portée"
            defaultValue={filters.scope ?? ''}
            options={[{ value: '', label: 'Toutes les portées' }, ...COMMITMENT_SCOPES.map((s) => ({ value: s, label: COMMITMENT_SCOPE_LABELS[s] }))]}
          />
          <Select
            id="filtre-statut"
            name="status"
            label="Statut"
            defaultValue={filters.status ?? ''}
            options={[{ value: '', label: 'Tous les statuts' }, ...COMMITMENT_STATUSES.map((s) => ({ value: s, label: COMMITMENT_STATUS_LABELS[s] }))]}
          />
          {filters.territory && <input type="hidden" name="territory" value={filters.territory} />}
          <fieldset className="sm:col-span-2">
            <legend className="font-medium text-neutral-900">Alertes</legend>
            <div className="mt-2 flex flex-wrap gap-6">
              <div className="flex items-center gap-2">
                <input id="filtre-retard" type="checkbox" name="late" value="1" defaultChecked={filters.late} className="size-5 accent-primary-700" />
                <label htmlFor="filtre-retard">Échéance dépassée</label>
              </div>
              <div className="flex items-center gap-2">
                <input
                  id="filtre-sous-realise"
                  type="checkbox"
                  name="underDelivered"
                  value="1"
                  defaultChecked={filters.underDelivered}
                  className="size-5 accent-primary-700"
                />
                <label htmlFor="filtre-sous-realise">Sous-réalisés</label>
              </div>
            </div>
          </fieldset>
          <div className="flex items-end gap-2 sm:col-span-2">
            <button type="submit" className={buttonClasses('primary', 'md')}>
              Filtrer
            </button>
            <Link href="/engagements#liste" className={buttonClasses('ghost', 'md')}>
              Réinitialiser
            </Link>
          </div>
        </form>

        {items.length === 0 ? (
          <EmptyState
            title="Aucun engagement ne correspond."
            description={active ? `Filtres : ${active}.` : 'Aucun engagement enregistré dans votre périmètre.'}
            action={active ? <ButtonLink href="/engagements#liste" variant="secondary">Voir tous les engagements</ButtonLink> : undefined}
          />
        ) : (
          <Table caption={`${plural(items.length, 'engagement', 'engagements')}${active ? ` — ${active}` : ''}`}>
            <THead>
              <Tr>
                <Th scope="col">Engagement</Th>
                <Th scope="col">Opérateur</Th>
                <Th scope="col">Portée</Th>
                <Th scope="col">Échéance</Th>
                <Th scope="col" numeric>
                  Réalisé / promis
                </Th>
                <Th scope="col">Avancement</Th>
                <Th scope="col">Statut</Th>
                <Th scope="col">Alertes</Th>
              </Tr>
            </THead>
            <TBody>
              {items.map((c) => (
                <Tr key={c.id}>
                  <Th scope="row" className="min-w-56">
                    <Link className="link" href={`/engagements/${c.id}`}>
                      {c.title}
                    </Link>
                  </Th>
                  <Td>{c.operator.name}</Td>
                  <Td>{placeOf(c)}</Td>
                  <Td className="whitespace-nowrap">{c.dueDate ? formatDate(c.dueDate) : 'Aucune'}</Td>
                  <Td numeric className="whitespace-nowrap">
                    {formatQuantity(c.delivered, c.unit)}
                    <span className="block text-neutral-700">sur {formatQuantity(c.promised, c.unit)}</span>
                  </Td>
                  <Td className="min-w-40">
                    <ProgressBar value={c.deliveredShare * 100} label={`Part réalisée — ${c.title}`} tone={c.underDelivered ? 'warning' : 'primary'} />
                    {c.expectedShare !== null && <span className="text-sm text-neutral-700">Temps écoulé : {formatShare(c.expectedShare)}</span>}
                  </Td>
                  <Td>
                    <CommitmentStatusBadge status={c.status} />
                  </Td>
                  <Td>
                    <CommitmentAlerts commitment={c} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </>
  );
}
