// What each tier's navigation shows. The server enforces access regardless.
import { can, tierOf, type Actor } from '@/lib/authz/policy';

export interface NavItem {
  href: string;
  label: string;
}

export function navigationFor(actor: Actor, home: string): NavItem[] {
  const admin = can(actor, 'admin:manage', null)
    ? [
        { href: '/administration/utilisateurs', label: 'Utilisateurs' },
        { href: '/administration/operateurs', label: 'Opérateurs' },
        { href: '/administration/territoires', label: 'Référentiel des territoires' },
      ]
    : [];
  const mail = can(actor, 'mail:monitor', null) ? [{ href: '/administration/courriels', label: 'Courriels' }] : [];
  const commitments = actor.memberships.length ? [{ href: '/engagements', label: 'Engagements' }] : [];
  return [
    ...tierNavigation(actor, home),
    ...commitments,
    ...admin,
    ...mail,
    { href: '/recherche', label: 'Recherche' },
    { href: '/notifications', label: 'Notifications' },
    { href: '/compte', label: 'Mon compte' },
  ];
}

function tierNavigation(actor: Actor, home: string): NavItem[] {
  switch (tierOf(actor)) {
    case 'national':
    case 'operator':
      return [
        { href: '/programme', label: 'Vue programme' },
        { href: '/territoires', label: 'Territoires' },
        ...(can(actor, 'import:territories', null) ? [{ href: '/administration/import', label: 'Import de la liste officielle' }] : []),
      ];
    case 'regional':
      return [
        { href: home, label: 'Ma région' },
        { href: '/territoires', label: 'Territoires' },
      ];
    case 'local':
      return [{ href: home, label: 'Mon territoire' }];
    default:
      return [];
  }
}
