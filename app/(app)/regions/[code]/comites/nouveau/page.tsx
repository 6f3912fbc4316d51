import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requireActor } from '@/lib/auth/session';
import { committeeRegion, searchLinkableActions } from '@/lib/committees/queries';
import { orNotFound } from '@/lib/pages';
import { CommitteeForm } from '@/components/committees/committee-form';
import { saveCommittee, searchCommitteeActions } from '../server-actions';

export const metadata: Metadata = { title: 'Nouveau comité régional' };

export default async function NewCommitteePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const actor = await requireActor();
  const region = await orNotFound(committeeRegion(actor, code));
  // Writers only: anyone else gets the 404 page (FORBIDDEN is mapped to it).
  const initialResults = await orNotFound(searchLinkableActions(actor, code, ''));
  const base = `/regions/${code}/comites`;
  return (
    <>
      <PageHeader
        title="Nouveau comité régional"
        description={`Région ${region.name} : date, participants, décisions et actions examinées.`}
        breadcrumbs={[
          { href: `/regions/${code}`, label: `Région ${region.name}` },
          { href: base, label: 'Comités régionaux' },
          { href: `${base}/nouveau`, label: 'Nouveau comité' },
        ]}
      />
      <CommitteeForm
        mode="create"
        regionCode={code}
        selectedActions={[]}
        initialResults={initialResults}
        searchActions={searchCommitteeActions}
        saveCommittee={saveCommittee}
        cancelHref={base}
      />
    </>
  );
}
