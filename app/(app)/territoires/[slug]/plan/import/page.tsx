import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { requireActor } from '@/lib/auth/session';
import { getTerritoryRef } from '@/lib/territories/queries';
import { planPermissions } from '@/lib/plans/queries';
import { orNotFound } from '@/lib/pages';
import { PlanImportForm } from './plan-import-form';

export const metadata: Metadata = { title: 'Importer le classeur du plan' };

export default async function PlanImportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await requireActor();
  const territory = await orNotFound(getTerritoryRef(actor, slug));
  if (!(await planPermissions(actor, territory)).canEdit) notFound();
  return (
    <>
      <PageHeader
        title="Importer le classeur du plan"
        description="Modifiez les actions du plan dans Excel puis renvoyez le classeur. Un aperçu montre d’abord ce qui sera créé ou modifié ; rien n’est enregistré avant votre confirmation. Si une cellule est invalide, rien n’est importé et toutes les erreurs sont listées ; si une action a été modifiée dans l’application depuis le téléchargement, l’import est refusé pour ne pas écraser ce changement."
        breadcrumbs={[
          { href: '/territoires', label: 'Territoires' },
          { href: `/territoires/${slug}`, label: territory.name },
          { href: `/territoires/${slug}/plan`, label: "Plan d'actions" },
          { href: `/territoires/${slug}/plan/import`, label: 'Importer le classeur' },
        ]}
      />
      <Card>
        <p className="mb-4">
          <a href={`/api/v1/territories/${slug}/plan.xlsx`} download className="underline">
            Télécharger le classeur à jour du plan
          </a>{' '}
          (une ligne par action, avec sa référence et sa version ; la feuille « Colonnes » explique chaque colonne et ses valeurs possibles). Une ligne
          sans référence crée une nouvelle action.
        </p>
        <PlanImportForm slug={slug} />
      </Card>
    </>
  );
}
