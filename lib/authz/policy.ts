// The one place that decides who may do what on which scope (STYLE §2).
// Domain functions call `can`/`authorize`; queries use the scope helpers so
// that out-of-scope records are simply not found.
import type { Role, TerritoryStatus } from '@/lib/generated/prisma/enums';
import { forbidden, invalid } from '@/lib/errors';

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
  /** A suspended or archived territory is read-only (every `plan:*` write refused). */
  status?: TerritoryStatus;
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
  | 'commitment:cancel'
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
  'commitment:cancel': null;
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
  // Cancelling silences the late alerts: national staff only, never the operator itself.
  'commitment:cancel': (a) => isNational(a),
  'committee:record': (a, r) => isNational(a) || holdsOnRegion(a, REGIONAL_ROLES, [r.regionCode]),
  'import:territories': (a) => isNational(a),
  'admin:manage': (a) => has(a, ['NATIONAL_ADMIN']),
  // The mail queue names recipients: national administrators only.
  'mail:monitor': (a) => has(a, ['NATIONAL_ADMIN']),
};

/** Writes on a territory's plan and actions: refused while the territory is not active. */
const TERRITORY_WRITES: ReadonlySet<Permission> = new Set<Permission>([
  'plan:edit',
  'plan:submit',
  'plan:validate-local',
  'plan:comment',
  'plan:review-regional',
]);

export const TERRITORY_READ_ONLY_MESSAGES: Record<Exclude<TerritoryStatus, 'ACTIVE'>, string> = {
  SUSPENDED: 'Ce territoire est suspendu : son plan d’actions est en lecture seule jusqu’à sa réactivation par l’équipe nationale.',
  ARCHIVED: 'Ce territoire est archivé : son plan d’actions est en lecture seule.',
};

/** Why writes on this territory are refused whoever asks, or null when it is active. */
export function territoryReadOnlyReason(resource: { status?: TerritoryStatus }): string | null {
  return resource.status && resource.status !== 'ACTIVE' ? TERRITORY_READ_ONLY_MESSAGES[resource.status] : null;
}

function readOnlyReason(permission: Permission, resource: unknown): string | null {
  if (!TERRITORY_WRITES.has(permission)) return null;
  return territoryReadOnlyReason(resource as TerritoryResource);
}

export function can<P extends Permission>(actor: Actor, permission: P, resource: ResourceFor[P]): boolean {
  return rules[permission](actor, resource) && readOnlyReason(permission, resource) === null;
}

/** Throws FORBIDDEN unless the actor may (with the reason when the territory is read-only). */
export function authorize<P extends Permission>(actor: Actor, permission: P, resource: ResourceFor[P]): void {
  const context = { userId: actor.id, permission, resource };
  if (!rules[permission](actor, resource)) throw forbidden(undefined, context);
  const reason = readOnlyReason(permission, resource);
  if (reason) throw forbidden(reason, context);
}

/* ------------------------------------------------------------ separation of duties */

// Every role, in a fixed order (the enum's), so that every "which role" answer is the same
// whatever order the memberships were loaded in. Also the administration's list of roles.
export const ROLES = [
  'PROJECT_LEAD',
  'ELECTED_OFFICIAL',
  'INDUSTRIALIST',
  'REGIONAL_STATE',
  'REGIONAL_COUNCIL',
  'NATIONAL_STAFF',
  'NATIONAL_ADMIN',
  'OPERATOR_STAFF',
] as const satisfies readonly Role[];
const ROLE_ORDER: readonly Role[] = ROLES;
const byRoleOrder = (a: MembershipScope, b: MembershipScope) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role);

/**
 * The role an actor acts under on a territory, for the audit trail: the first of its
 * roles on that territory, else on one of its regions, else its first role, in the
 * fixed role order. Decisions pass their explicit role instead.
 */
export function actingRoleOn(actor: Actor, territoryId?: string | null, regionCodes: readonly string[] = []): Role | null {
  const sorted = [...actor.memberships].sort(byRoleOrder);
  const local = territoryId ? sorted.find((m) => m.territoryId === territoryId) : undefined;
  const regional = sorted.find((m) => m.regionCode !== null && regionCodes.includes(m.regionCode));
  return (local ?? regional ?? sorted[0])?.role ?? null;
}

/** The binôme role under which a local decision is taken (élu before industriel). */
export function localDecisionRole(actor: Actor, territoryId: string): Role {
  const role = [...actor.memberships]
    .sort(byRoleOrder)
    .find((m) => BINOME.includes(m.role) && m.territoryId === territoryId)?.role;
  if (!role) throw forbidden();
  return role;
}

/** Separation of duties: whoever submitted a version may not validate it. */
export function assertNotOwnSubmission(actor: Actor, submittedById: string | null): void {
  if (submittedById !== null && submittedById === actor.id) {
    throw forbidden('Vous avez soumis cette version : sa validation revient à un autre membre du binôme.', {
      userId: actor.id,
      rule: 'own-submission',
    });
  }
}

export type RegionalSide = 'STATE' | 'REGION';
const SIDE_ROLE: Record<RegionalSide, Role> = { STATE: 'REGIONAL_STATE', REGION: 'REGIONAL_COUNCIL' };

/** The regional sides (State, Region) the actor is copilot for on these regions. */
export function regionalSidesHeld(actor: Actor, regionCodes: readonly string[]): RegionalSide[] {
  return (['STATE', 'REGION'] as const).filter((side) => holdsOnRegion(actor, [SIDE_ROLE[side]], regionCodes));
}

/**
 * The side (State or Region) a regional decision counts for. One decision counts for
 * one side; a user who is copilot for both on the territory's region must name it.
 */
export function regionalDecisionSide(
  actor: Actor,
  regionCodes: readonly string[],
  requested?: RegionalSide,
): { side: RegionalSide; role: Role } {
  const held = regionalSidesHeld(actor, regionCodes);
  if (!held.length) throw forbidden(undefined, { userId: actor.id, permission: 'plan:review-regional' });
  if (requested) {
    if (!held.includes(requested)) {
      throw forbidden(`Vous n’êtes pas copilote ${requested === 'STATE' ? 'pour l’État' : 'pour la Région'} de ce territoire.`);
    }
    return { side: requested, role: SIDE_ROLE[requested] };
  }
  if (held.length > 1) {
    throw invalid(
      { side: ['Vous êtes copilote pour l’État et pour la Région : précisez au nom de quel côté vous décidez.'] },
      'Précisez le côté (État ou Région) de votre décision.',
    );
  }
  const side = held[0] as RegionalSide;
  return { side, role: SIDE_ROLE[side] };
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

/* ------------------------------------------------------------ what a page may offer */

// DTOs carry data only (ADR 0022): what the caller may do with a record is computed here
// and handed to the page beside the DTO; the API never carries these flags.

export interface ActionPermissions {
  /** Edit the fiche, record progress, archive or restore it. */
  canEdit: boolean;
}

export function actionPermissions(actor: Actor, action: TerritoryResource): ActionPermissions {
  return { canEdit: can(actor, 'plan:edit', action) };
}

export interface CommitmentPermissions {
  /** Edit what was committed, link actions, cancel. */
  canManage: boolean;
  /** Report what was delivered. */
  canUpdateDelivery: boolean;
}

export function commitmentPermissions(actor: Actor, commitment: { operatorId: string }): CommitmentPermissions {
  return {
    canManage: can(actor, 'commitment:manage', null),
    canUpdateDelivery: can(actor, 'commitment:update-delivery', { operatorId: commitment.operatorId }),
  };
}

export interface CommitteePermissions {
  /** Edit the committee and its linked actions. */
  canEdit: boolean;
}

export function committeePermissions(actor: Actor, committee: { region: { code: string } }): CommitteePermissions {
  return { canEdit: can(actor, 'committee:record', { regionCode: committee.region.code }) };
}
