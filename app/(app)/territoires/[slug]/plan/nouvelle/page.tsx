import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { ActionForm } from '@/components/actions/action-form';
import { requireActor } from '@/lib/auth/session';
import { listOperators } from '@/lib/actions/queries';
import { getTerritoryRef } from '@/lib/territories/queries';
import { planPermissions } from '@/lib/plans/queries';
import { orNotFound } from '@/lib/pages';
import { createPlanAction } from './server-actions';

export const metadata: Metadata = { title: 'Nouvelle action' };

export default async function NewActionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await requireActor();
  const territory = await orNotFound(getTerritoryRef(actor, slug));
  if (!(await planPermissions(actor, territory)).canEdit) notFound();
  const operators = await listOperators();
  return (
    <>
      <PageHeader
        title="Nouvelle action"
        description={`Fiche action du plan de ${territory.name}.`}
        breadcrumbs={[
          { href: '/territoires', label: 'Territoires' },
          { href: `/territoires/${slug}`, label: territory.name },
          { href: `/territoires/${slug}/plan`, label: "Plan d'actions" },
          { href: `/territoires/${slug}/plan/nouvelle`, label: 'Nouvelle action' },
        ]}
      />
      <ActionForm mode="create" slug={slug} operators={operators} save={createPlanAction.bind(null, slug)} cancelHref={`/territoires/${slug}/plan`} />
    </>
  );
}
