import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { requireActor } from '@/lib/auth/session';
import { membershipOptions } from '@/lib/admin/users';
import { orNotFound } from '@/lib/pages';
import { InviteForm } from './invite-form';

export const metadata: Metadata = { title: 'Inviter un utilisateur' };

export default async function InvitePage() {
  const actor = await requireActor();
  const choices = await orNotFound(membershipOptions(actor));
  return (
    <>
      <PageHeader
        title="Inviter un utilisateur"
        description="Le compte est créé actif, sans mot de passe : la personne choisit le sien en suivant le lien d’activation que vous lui transmettez."
        breadcrumbs={[
          { href: '/administration/utilisateurs', label: 'Utilisateurs' },
          { href: '/administration/utilisateurs/inviter', label: 'Inviter' },
        ]}
      />
      <Card>
        <InviteForm choices={choices} />
      </Card>
    </>
  );
}
