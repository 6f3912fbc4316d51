import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { ActionForm } from '@/components/actions/action-form';
import { requireActor } from '@/lib/auth/session';
import { getActionView, listOperators } from '@/lib/actions/queries';
import { orNotFound } from '@/lib/pages';
import { updatePlanAction } from './server-actions';

export const metadata: Metadata = { title: "Modifier l'action" };

export default async function EditActionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const { action, permissions } = await orNotFound(getActionView(actor, id));
  if (!permissions.canEdit || action.archivedAt) notFound();
  const operators = await listOperators();
  return (
    <>
      <PageHeader
        title={`Modifier ${action.reference}`}
        description={action.title}
        breadcrumbs={[
          { href: `/territoires/${action.territory.slug}`, label: action.territory.name },
          { href: `/territoires/${action.territory.slug}/plan`, label: "Plan d'actions" },
          { href: `/actions/${id}`, label: action.reference },
          { href: `/actions/${id}/modifier`, label: 'Modifier' },
        ]}
      />
      <ActionForm
        mode="update"
        slug={action.territory.slug}
        initial={action}
        operators={operators}
        save={updatePlanAction.bind(null, id)}
        cancelHref={`/actions/${id}`}
      />
    </>
  );
}
