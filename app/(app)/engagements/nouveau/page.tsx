import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { CommitmentForm } from '@/components/commitments/commitment-form';
import { requireActor } from '@/lib/auth/session';
import { getCommitmentFormOptions } from '@/lib/commitments/queries';
import { orNotFound } from '@/lib/pages';
import { saveCommitment } from '../server-actions';

export const metadata: Metadata = { title: 'Nouvel engagement' };

export default async function NewCommitmentPage() {
  const actor = await requireActor();
  // National staff only: anyone else gets the 404 page (FORBIDDEN is mapped to it).
  const options = await orNotFound(getCommitmentFormOptions(actor));
  return (
    <>
      <PageHeader
        title="Nouvel engagement"
        description="Ce à quoi un opérateur s’engage : quoi, combien, où (national, une région ou un territoire) et pour quand."
        breadcrumbs={[
          { href: '/engagements', label: 'Engagements' },
          { href: '/engagements/nouveau', label: 'Nouvel engagement' },
        ]}
      />
      <CommitmentForm mode="create" options={options} saveCommitment={saveCommitment} cancelHref="/engagements" />
    </>
  );
}
