import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { StatCard } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, THead, TBody, Tr, Th, Td } from '@/components/ui/table';
import { requireActor } from '@/lib/auth/session';
import { orNotFound } from '@/lib/pages';
import { listMails, MAIL_STATUS_LABELS } from '@/lib/mail/admin';
import { formatDateTime, formatInteger } from '@/lib/labels';

export const metadata: Metadata = { title: 'Courriels' };
export const dynamic = 'force-dynamic';

const TONE = { PENDING: 'warning', SENT: 'success', FAILED: 'danger' } as const;

export default async function MailQueuePage({ searchParams }: { searchParams: Promise<{ statut?: string }> }) {
  const actor = await requireActor();
  const { statut } = await searchParams;
  const view = await orNotFound(listMails(actor, { status: statut }));
  const filters = [
    { href: '/administration/courriels', label: 'Tous', current: !view.filters.status },
    ...(['PENDING', 'FAILED', 'SENT'] as const).map((s) => ({
      href: `/administration/courriels?statut=${s}`,
      label: MAIL_STATUS_LABELS[s],
      current: view.filters.status === s,
    })),
  ];
  return (
    <>
      <PageHeader
        title="Courriels"
        description="File d’envoi des courriels : invitations, réinitialisations, notifications et récapitulatifs. Un envoi en échec est retenté avec un délai croissant (jusqu’à 10 tentatives)."
        breadcrumbs={[{ href: '/administration/courriels', label: 'Courriels' }]}
      />
      <div className="space-y-8">
        <div className="grid gap-4 sm:grid-cols-3">
          <StatCard label="En attente" value={formatInteger(view.counts.PENDING)} href="/administration/courriels?statut=PENDING" />
          <StatCard label="En échec" value={formatInteger(view.counts.FAILED)} href="/administration/courriels?statut=FAILED" />
          <StatCard label="Envoyés" value={formatInteger(view.counts.SENT)} href="/administration/courriels?statut=SENT" />
        </div>
        <nav aria-label="Filtrer par statut">
          <ul className="flex flex-wrap gap-4">
            {filters.map((f) => (
              <li key={f.href}>
                <Link href={f.href} className="link" aria-current={f.current ? 'page' : undefined}>
                  {f.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {view.items.length === 0 ? (
          <EmptyState title="Aucun courriel" description="Rien dans la file pour ce filtre." />
        ) : (
          <Table caption={`${formatInteger(view.items.length)} courriels les plus récents`}>
            <THead>
              <Tr>
                <Th scope="col">Créé le</Th>
                <Th scope="col">Type</Th>
                <Th scope="col">Destinataire</Th>
                <Th scope="col">Objet</Th>
                <Th scope="col">Statut</Th>
                <Th scope="col" numeric>
                  Tentatives
                </Th>
                <Th scope="col">Détail</Th>
              </Tr>
            </THead>
            <TBody>
              {view.items.map((m) => (
                <Tr key={m.id}>
                  <Td>{formatDateTime(m.createdAt)}</Td>
                  <Td>{m.kindLabel}</Td>
                  <Td className="break-all">{m.to}</Td>
                  <Td>{m.subject}</Td>
                  <Td>
                    <Badge tone={TONE[m.status]}>{m.statusLabel}</Badge>
                  </Td>
                  <Td numeric>{formatInteger(m.attempts)}</Td>
                  <Td className="text-sm">
                    {m.sentAt && <>Envoyé le {formatDateTime(m.sentAt)}</>}
                    {m.nextAttemptAt && <>Prochain essai : {formatDateTime(m.nextAttemptAt)}</>}
                    {m.lastError && <p className="mt-1 break-all text-danger-800">{m.lastError}</p>}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </div>
    </>
  );
}
