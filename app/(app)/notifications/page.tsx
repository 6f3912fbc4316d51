import type { Metadata } from 'next';
import Link from 'next/link';
import { revalidatePath } from 'next/cache';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { requireActor, getActor } from '@/lib/auth/session';
import { markAllRead, notificationsWithDigest } from '@/lib/notifications/queries';
import { formatDateTime } from '@/lib/labels';

export const metadata: Metadata = { title: 'Notifications' };

async function markRead() {
  'use server';
  const actor = await getActor();
  if (!actor) return;
  await markAllRead(actor);
  revalidatePath('/notifications');
}

export default async function NotificationsPage() {
  const actor = await requireActor();
  const { items, week } = await notificationsWithDigest(actor);
  return (
    <>
      <PageHeader
        title="Notifications"
        description={`${items.filter((n) => !n.readAt).length} non lue(s).`}
        actions={
          <form action={markRead}>
            <button type="submit" className={buttonClasses('secondary', 'md')}>
              Tout marquer comme lu
            </button>
          </form>
        }
      />
      <Card title="Résumé de la semaine" headingLevel={2} className="mb-8">
        {week.length === 0 ? (
          <p>Rien de nouveau ces sept derniers jours.</p>
        ) : (
          <ul className="list-disc pl-6">
            {week.map((n) => (
              <li key={n.id}>
                {n.link ? (
                  <Link className="link" href={n.link}>
                    {n.title}
                  </Link>
                ) : (
                  n.title
                )}{' '}
                <span className="text-sm text-neutral-700">({formatDateTime(n.createdAt)})</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <ol className="space-y-3">
        {items.map((n) => (
          <li key={n.id} className="rounded border border-neutral-300 p-3">
            {!n.readAt && <Badge tone="info">Nouveau</Badge>}{' '}
            {n.link ? (
              <Link className="link font-medium" href={n.link}>
                {n.title}
              </Link>
            ) : (
              <span className="font-medium">{n.title}</span>
            )}
            <span className="block text-sm text-neutral-700">{formatDateTime(n.createdAt)}</span>
          </li>
        ))}
      </ol>
    </>
  );
}
