import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Alert } from '@/components/ui/alert';
import { ServerForm } from '@/components/forms/server-form';
import { requireActor } from '@/lib/auth/session';
import { getUser, getUserHistory, membershipOptions } from '@/lib/admin/users';
import { USER_OPERATION_LABELS, USER_STATUS_LABELS, USER_STATUS_TONES } from '@/lib/admin/labels';
import { orNotFound } from '@/lib/pages';
import { formatDateTime } from '@/lib/labels';
import { setUserActiveForm } from '../../server-actions';
import { MembershipsForm } from './memberships-form';
import { ReinviteForm } from './reinvite-form';

export const metadata: Metadata = { title: 'Utilisateur' };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const [user, choices, history] = await orNotFound(
    Promise.all([getUser(actor, id), membershipOptions(actor), getUserHistory(actor, id)]),
  );
  const self = user.id === actor.id;
  return (
    <>
      <PageHeader
        title={user.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="break-all">{user.email}</span>
            <Badge tone={USER_STATUS_TONES[user.status]}>{USER_STATUS_LABELS[user.status]}</Badge>
          </span>
        }
        breadcrumbs={[
          { href: '/administration/utilisateurs', label: 'Utilisateurs' },
          { href: `/administration/utilisateurs/${user.id}`, label: user.name },
        ]}
      />
      <div className="grid gap-8 lg:grid-cols-3">
        <div className="space-y-8 lg:col-span-2">
          <Card title="Rôles et périmètres" headingLevel={2}>
            <p className="mb-4 text-sm text-neutral-700">
              Chaque rôle s’exerce sur un périmètre : un territoire pour l’équipe locale, une région pour les copilotes, un
              opérateur pour ses agents ; les rôles nationaux portent sur tout le programme. La liste enregistrée remplace la
              précédente et s’applique dès la page suivante consultée par l’utilisateur.
            </p>
            <MembershipsForm
              userId={user.id}
              version={user.version}
              choices={choices}
              initial={user.memberships.map((m) => ({
                role: m.role,
                territory: m.territory?.slug ?? '',
                region: m.region?.code ?? '',
                operator: m.operator?.slug ?? '',
                title: m.title ?? '',
              }))}
            />
          </Card>
        </div>
        <div className="space-y-8">
          <Card title="Compte" headingLevel={2}>
            <dl className="space-y-3">
              <div>
                <dt className="font-medium">Créé le</dt>
                <dd>{formatDateTime(user.createdAt)}</dd>
              </div>
              <div>
                <dt className="font-medium">Dernière connexion</dt>
                <dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : 'Jamais'}</dd>
              </div>
              {user.status === 'pending' && (
                <div>
                  <dt className="font-medium">Invitation</dt>
                  <dd>
                    {user.invitationExpired
                      ? 'Le lien d’activation a expiré.'
                      : `Lien d’activation valable jusqu’au ${formatDateTime(user.invitationExpiresAt)}.`}
                  </dd>
                </div>
              )}
              {user.lockedUntil && (
                <div>
                  <dt className="font-medium">Verrouillage</dt>
                  <dd>Trop d’échecs de connexion : verrouillé jusqu’au {formatDateTime(user.lockedUntil)}.</dd>
                </div>
              )}
            </dl>
            {user.status === 'pending' && (
              <div className="mt-6">
                <p className="mb-3 text-sm text-neutral-700">
                  Lien perdu ou expiré ? Un nouveau lien remplace le précédent, qui cesse de fonctionner.
                </p>
                <ReinviteForm userId={user.id} />
              </div>
            )}
          </Card>
          <Card title="Accès" headingLevel={2}>
            {self ? (
              <Alert tone="info">Vous ne pouvez pas désactiver votre propre compte.</Alert>
            ) : user.active ? (
              <>
                <p className="mb-4 text-sm text-neutral-700">
                  La désactivation coupe l’accès immédiatement, sessions ouvertes comprises. Le compte, ses rôles et son
                  historique sont conservés ; il peut être réactivé.
                </p>
                <ServerForm
                  action={setUserActiveForm}
                  hidden={{ id: user.id, active: 'false', version: user.version }}
                  submitLabel="Désactiver le compte"
                  pendingLabel="Désactivation…"
                  variant="danger"
                />
              </>
            ) : (
              <>
                <p className="mb-4 text-sm text-neutral-700">Le compte est désactivé : la personne ne peut plus se connecter.</p>
                <ServerForm
                  action={setUserActiveForm}
                  hidden={{ id: user.id, active: 'true', version: user.version }}
                  submitLabel="Réactiver le compte"
                  pendingLabel="Réactivation…"
                  variant="secondary"
                />
              </>
            )}
          </Card>
          <Card title="Historique du compte" headingLevel={2}>
            {history.length === 0 ? (
              <p className="text-neutral-700">Aucune modification enregistrée.</p>
            ) : (
              <ol className="space-y-2">
                {history.map((h, i) => (
                  <li key={i}>
                    <span className="font-medium">{USER_OPERATION_LABELS[h.operation] ?? h.operation}</span>
                    <span className="block text-sm text-neutral-700">
                      {formatDateTime(h.at)}
                      {h.actor ? ` — ${h.actor}` : ''}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
