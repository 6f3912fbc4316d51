// French labels of the administration screens (pure: usable by client components).
import type { OperatorKind } from '@/lib/generated/prisma/enums';
import type { UserStatus } from './schemas';

export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  active: 'Actif',
  pending: 'Invitation en attente',
  inactive: 'Désactivé',
};

export const USER_STATUS_TONES: Record<UserStatus, 'success' | 'warning' | 'neutral'> = {
  active: 'success',
  pending: 'warning',
  inactive: 'neutral',
};

export const OPERATOR_KIND_LABELS: Record<OperatorKind, string> = {
  OPERATOR: 'Opérateur partenaire',
  STATE_SERVICE: 'Service de l’État',
};

interface MembershipLike {
  roleLabel: string;
  territory: { name: string } | null;
  region: { name: string } | null;
  operator: { name: string } | null;
  title: string | null;
}

/** "Chef·fe de projet — Tarn Nord (Cheffe de projet TI)". */
export function describeMembership(m: MembershipLike): string {
  const scope = m.territory?.name ?? m.region?.name ?? m.operator?.name;
  return `${m.roleLabel}${scope ? ` — ${scope}` : ''}${m.title ? ` (${m.title})` : ''}`;
}

export const USER_OPERATION_LABELS: Record<string, string> = {
  invite: 'Invitation',
  reinvite: 'Nouveau lien d’activation',
  activate: 'Activation du compte par l’utilisateur',
  memberships: 'Rôles modifiés',
  deactivate: 'Compte désactivé',
  reactivate: 'Compte réactivé',
  update: 'Rôles et statut modifiés',
};
