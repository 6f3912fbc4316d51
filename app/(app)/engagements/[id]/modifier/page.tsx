import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { CommitmentForm } from '@/components/commitments/commitment-form';
import { requireActor } from '@/lib/auth/session';
import { getCommitment, getCommitmentFormOptions } from '@/lib/commitments/queries';
import { orNotFound } from '@/lib/pages';
import { saveCommitment } from '../../server-actions';

export const metadata: Metadata = { title: 'Modifier un engagement' };

export default async function EditCommitmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const commitment = await orNotFound(getCommitment(actor, id));
  // National staff only: anyone else gets the 404 page (FORBIDDEN is mapped to it).
  const options = await orNotFound(getCommitmentFormOptions(actor));
  return (
    <>
      <PageHeader
        title={`Modifier l’engagement — ${commitment.title}`}
        description="La réalisation (réalisé, statut) se met à jour depuis la page de l’engagement."
        breadcrumbs={[
          { href: '/engagements', label: 'Engagements' },
          { href: `/engagements/${id}`, label: commitment.title },
          { href: `/engagements/${id}/modifier`, label: 'Modifier' },
        ]}
      />
      <CommitmentForm mode="update" initial={commitment} options={options} saveCommitment={saveCommitment} cancelHref={`/engagements/${id}`} />
    </>
  );
}
