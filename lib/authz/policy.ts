// The one place that decides who may do what on which scope (STYLE §2).
// Domain functions call `can`/`authorize`; queries use the scope helpers so
// that out-of-scope records are simply not found.
import type { Role } from '@/lib/generated/prisma/enums';
import { forbidden } from '@/lib/errors';

export interface MembershipScope {
  role: Role;
  territoryId: string | null;
  regionCode: string | null;
  operatorId: string | null;
}

export interface Actor {
  id: string;
  email: string;
  name: string;
  memberships: MembershipScope[];
  /** Set when the request came with a personal access token (ADR 0014); never for browser sessions. */
  token?: { id: string; access: 'read' | 'write' };
}

export type Tier = 'national' | 'operator' | 'regional' | 'local' | 'none';

export interface TerritoryResource {
  territoryId: string;
  regionCodes: string[];
}

export type Permission =
  | 'territory:read'
  | 'plan:edit'
  | 'plan:submit'
  | 'plan:validate-local'
  | 'plan:comment'
  | 'plan:review-regional'
  | 'region:read'
  | 'programme:read'
  | 'commitment:manage'
  | 'commitment:update-delivery'
  | 'committee:record'
  | 'import:territories'
  | 'admin:manage'
  | 'mail:monitor';

export interface ResourceFor {
  'territory:read': TerritoryResource;
  'plan:edit': TerritoryResource;
  'plan:submit': TerritoryResource;
  'plan:validate-local': TerritoryResource;
  'plan:comment': TerritoryResource;
  'plan:review-regional': TerritoryResource;
  'region:read': { regionCode: string };
  'programme:read': null;
  'commitment:manage': null;
  'commitment:update-delivery': { operatorId: string };
  'committee:record': { regionCode: string };
  'import:territories': null;
  'admin:manage': null;
  'mail:monitor': null;
}

export const NATIONAL_ROLES: readonly Role[] = ['NATIONAL_STAFF', 'NATIONAL_ADMIN'];
export const REGIONAL_ROLES: readonly Role[] = ['REGIONAL_STATE', 'REGIONAL_COUNCIL'];
export const LOCAL_ROLES: readonly Role[] = ['PROJECT_LEAD', 'ELECTED_OFFICIAL', 'INDUSTRIALIST'];
const BINOME: readonly Role[] = ['ELECTED_OFFICIAL', 'INDUSTRIALIST'];

const has = (actor: Actor, roles: readonly Role[]) => actor.memberships.some((m) => roles.includes(m.role));
const isNational = (actor: Actor) => has(actor, NATIONAL_ROLES);
const isOperator = (actor: Actor) => has(actor, ['OPERATOR_STAFF']);

function holdsOnTerritory(actor: Actor, roles: readonly Role[], territoryId: string): boolean {
  return actor.memberships.some((m) => roles.includes(m.role) && m.territoryId === territoryId);
}

function holdsOnRegion(actor: Actor, roles: readonly Role[], regionCodes: readonly string[]): boolean {
  return actor.memberships.some(
    (m) => roles.includes(m.role) && m.regionCode !== null && regionCodes.includes(m.regionCode),
  );
}

const rules: { [P in Permission]: (actor: Actor, resource: ResourceFor[P]) => boolean } = {
  'territory:read': (a, t) =>
    isNational(a) ||
    isOperator(a) ||
    holdsOnRegion(a, REGIONAL_ROLES, t.regionCodes) ||
    holdsOnTerritory(a, LOCAL_ROLES, t.territoryId),
  // Only the territory's own project lead writes its plan (least privilege).
  'plan:edit': (a, t) => holdsOnTerritory(a, ['PROJECT_LEAD'], t.territoryId),
  'plan:submit': (a, t) => holdsOnTerritory(a, ['PROJECT_LEAD'], t.territoryId),
  'plan:validate-local': (a, t) => holdsOnTerritory(a, BINOME, t.territoryId),
  'plan:comment': (a, t) =>
    isNational(a) ||
    holdsOnRegion(a, REGIONAL_ROLES, t.regionCodes) ||
    holdsOnTerritory(a, LOCAL_ROLES, t.territoryId),
  'plan:review-regional': (a, t) => holdsOnRegion(a, REGIONAL_ROLES, t.regionCodes),
  'region:read': (a, r) => isNational(a) || isOperator(a) || holdsOnRegion(a, REGIONAL_ROLES, [r.regionCode]),
  'programme:read': (a) => isNational(a) || isOperator(a),
  'commitment:manage': (a) => isNational(a),
  'commitment:update-delivery': (a, r) =>
    isNational(a) || a.memberships.some((m) => m.role === 'OPERATOR_STAFF' && m.operatorId === r.operatorId),
  'committee:record': (a, r) => isNational(a) || holdsOnRegion(a, REGIONAL_ROLES, [r.regionCode]),
  'import:territories': (a) => isNational(a),
  'admin:manage': (a) => has(a, ['NATIONAL_ADMIN']),
  // The mail queue names recipients: national administrators only.
  'mail:monitor': (a) => has(a, ['NATIONAL_ADMIN']),
};

export function can<P extends Permission>(actor: Actor, permission: P, resource: ResourceFor[P]): boolean {
  return rules[permission](actor, resource);
}

/** Throws FORBIDDEN unless the actor may. */
export function authorize<P extends Permission>(actor: Actor, permission: P, resource: ResourceFor[P]): void {
  if (!can(actor, permission, resource)) throw forbidden();
}

export function tierOf(actor: Actor): Tier {
  if (isNational(actor)) return 'national';
  if (isOperator(actor)) return 'operator';
  if (has(actor, REGIONAL_ROLES)) return 'regional';
  if (has(actor, LOCAL_ROLES)) return 'local';
  return 'none';
}

/** What restricts the territories an actor may read; `all` for national tiers. */
export type TerritoryScope = { all: true } | { all: false; territoryIds: string[]; regionCodes: string[] };

export function territoryScope(actor: Actor): TerritoryScope {
  if (isNational(actor) || isOperator(actor)) return { all: true };
  const territoryIds = actor.memberships
    .filter((m) => LOCAL_ROLES.includes(m.role) && m.territoryId)
    .map((m) => m.territoryId as string);
  const regionCodes = actor.memberships
    .filter((m) => REGIONAL_ROLES.includes(m.role) && m.regionCode)
    .map((m) => m.regionCode as string);
  return { all: false, territoryIds, regionCodes };
}

/** Prisma `where` for Territory rows the actor may read (STYLE §3). */
export function territoryWhere(actor: Actor) {
  const scope = territoryScope(actor);
  if (scope.all) return {};
  return {
    OR: [{ id: { in: scope.territoryIds } }, { regionCodes: { hasSome: scope.regionCodes } }],
  };
}

export const ROLE_LABELS: Record<Role, string> = {
  PROJECT_LEAD: 'Chef·fe de projet',
  ELECTED_OFFICIAL: 'Élu·e du binôme',
  INDUSTRIALIST: 'Industriel·le du binôme',
  REGIONAL_STATE: 'Copilote État (SGAR)',
  REGIONAL_COUNCIL: 'Copilote Région (Conseil régional)',
  NATIONAL_STAFF: 'Équipe nationale (ANCT / DGE)',
  NATIONAL_ADMIN: 'Administration nationale',
  OPERATOR_STAFF: 'Opérateur partenaire',
};
