// Administration of users: invitation, roles and scopes, deactivation. National
// administrators only (`admin:manage`); every write is audited in its transaction.
// DTOs never carry the password hash nor the invitation token hash.
import { db, type Tx } from '@/lib/db';
import { conflict, forbidden, invalid, notFound, type FieldErrors } from '@/lib/errors';
import { authorize, ROLE_LABELS, type Actor } from '@/lib/authz/policy';
import { recordAudit } from '@/lib/audit/audit';
import { parseInput } from '@/lib/validation';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { newActivationToken } from './activation';
import { invitationMail } from '@/lib/mail/messages';
import { enqueueMail } from '@/lib/mail/outbox';
import { revokeAllSessions } from '@/lib/auth/sessions';
import { securityLog } from '@/lib/security-log';
import { versionedEntity, versionedWrite } from '@/lib/versioning';
import {
  inviteUserSchema,
  membershipsSchema,
  ROLES,
  updateUserSchema,
  USER_PAGE_SIZE,
  userFiltersSchema,
  type MembershipInput,
  type UserFilters,
  type UserStatus,
} from './schemas';

export interface MembershipDto {
  role: Role;
  roleLabel: string;
  territory: { slug: string; name: string } | null;
  region: { code: string; name: string } | null;
  operator: { slug: string; name: string } | null;
  title: string | null;
}

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  /** pending = invited, password not chosen yet; inactive = deactivated. */
  status: UserStatus;
  active: boolean;
  memberships: MembershipDto[];
  lastLoginAt: string | null;
  invitationExpiresAt: string | null;
}

export interface UserDetail extends UserSummary {
  /** Base version for an edit (ADR 0021). */
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Set after repeated failed sign-ins. */
  lockedUntil: string | null;
  invitationExpired: boolean;
}

export interface UserPage {
  filters: UserFilters;
  items: UserSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Invitation {
  user: UserDetail;
  /** `/activation/<token>`: shown once, never stored. */
  activationPath: string;
}

export interface MembershipOptions {
  territories: { slug: string; name: string }[];
  regions: { code: string; name: string }[];
  operators: { slug: string; name: string }[];
}

/* ------------------------------------------------------------------ reads */

const membershipSelect = {
  role: true,
  title: true,
  territory: { select: { slug: true, name: true } },
  region: { select: { code: true, name: true } },
  operator: { select: { slug: true, name: true } },
} as const;

// passwordHash is read only to tell pending from active accounts; it never leaves this module.
const userSelect = {
  id: true,
  email: true,
  name: true,
  active: true,
  passwordHash: true,
  lastLoginAt: true,
  lockedUntil: true,
  invitationExpiresAt: true,
  createdAt: true,
  updatedAt: true,
  version: true,
  memberships: { select: membershipSelect },
  // An account activated through ProConnect has no password but a linked identity (ADR 0014).
  oidcIdentities: { select: { id: true }, take: 1 },
} as const satisfies Prisma.UserSelect;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;
type MembershipRow = UserRow['memberships'][number];

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const scopeName = (m: MembershipRow) => m.territory?.name ?? m.region?.name ?? m.operator?.name ?? '';

function toMembershipDto(m: MembershipRow): MembershipDto {
  return {
    role: m.role,
    roleLabel: ROLE_LABELS[m.role],
    territory: m.territory,
    region: m.region,
    operator: m.operator,
    title: m.title,
  };
}

const sortMemberships = (list: MembershipRow[]) =>
  [...list].sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || collator.compare(scopeName(a), scopeName(b)));

const activated = (row: Pick<UserRow, 'passwordHash' | 'oidcIdentities'>) => !!row.passwordHash || row.oidcIdentities.length > 0;

function statusOf(row: Pick<UserRow, 'active' | 'passwordHash' | 'oidcIdentities'>): UserStatus {
  if (!row.active) return 'inactive';
  return activated(row) ? 'active' : 'pending';
}

function toSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    status: statusOf(row),
    active: row.active,
    memberships: sortMemberships(row.memberships).map(toMembershipDto),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    invitationExpiresAt: activated(row) ? null : (row.invitationExpiresAt?.toISOString() ?? null),
  };
}

function toDetail(row: UserRow, now = new Date()): UserDetail {
  const summary = toSummary(row);
  return {
    ...summary,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lockedUntil: row.lockedUntil && row.lockedUntil > now ? row.lockedUntil.toISOString() : null,
    invitationExpired: summary.status === 'pending' && (!row.invitationExpiresAt || row.invitationExpiresAt <= now),
  };
}

/** LIKE wildcards typed by the user are searched literally. */
const likeLiteral = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

function userWhere(filters: UserFilters): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = [];
  if (filters.q) {
    const contains = { contains: likeLiteral(filters.q), mode: 'insensitive' } as const;
    and.push({ OR: [{ name: contains }, { email: contains }] });
  }
  if (filters.status === 'inactive') and.push({ active: false });
  if (filters.status === 'pending') and.push({ active: true, passwordHash: null, oidcIdentities: { none: {} } });
  if (filters.status === 'active') and.push({ active: true, OR: [{ passwordHash: { not: null } }, { oidcIdentities: { some: {} } }] });
  if (filters.role) and.push({ memberships: { some: { role: filters.role } } });
  return { AND: and };
}

/** Users, searched by name or e-mail, filtered by status and role; 50 per page. */
export async function listUsers(actor: Actor, input: unknown = {}): Promise<UserPage> {
  authorize(actor, 'admin:manage', null);
  const filters = parseInput(userFiltersSchema, input ?? {});
  const where = userWhere(filters);
  const total = await db.user.count({ where });
  const pages = Math.max(1, Math.ceil(total / USER_PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pages);
  const rows = await db.user.findMany({
    where,
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
    skip: (page - 1) * USER_PAGE_SIZE,
    take: USER_PAGE_SIZE,
    select: userSelect,
  });
  return { filters, items: rows.map(toSummary), total, page, pageSize: USER_PAGE_SIZE };
}

/** One user; NOT_FOUND when absent. */
export async function getUser(actor: Actor, id: string): Promise<UserDetail> {
  authorize(actor, 'admin:manage', null);
  const row = await db.user.findUnique({ where: { id }, select: userSelect });
  if (!row) throw notFound('Utilisateur');
  return toDetail(row);
}

/** The scopes a role may be given on, for the roles editor. */
export async function membershipOptions(actor: Actor): Promise<MembershipOptions> {
  authorize(actor, 'admin:manage', null);
  const [territories, regions, operators] = await Promise.all([
    db.territory.findMany({ orderBy: { name: 'asc' }, select: { slug: true, name: true } }),
    db.region.findMany({ orderBy: { name: 'asc' }, select: { code: true, name: true } }),
    db.operator.findMany({ orderBy: { name: 'asc' }, select: { slug: true, name: true } }),
  ]);
  return { territories, regions, operators };
}

/* ------------------------------------------------------------------ writes */

interface MembershipData {
  role: Role;
  territoryId: string | null;
  regionCode: string | null;
  operatorId: string | null;
  title: string | null;
}

/**
 * Turns validated inputs into rows: the territory, region or operator each role names
 * must exist. Field errors point at the offending line (`memberships.2.territory`).
 */
async function resolveMemberships(tx: Tx, list: readonly MembershipInput[]): Promise<MembershipData[]> {
  const wanted = (key: 'territory' | 'region' | 'operator') => [
    ...new Set(list.map((m) => m[key]).filter((v): v is string => !!v)),
  ];
  // One after the other: a transaction's queries share one connection.
  const territories = await tx.territory.findMany({ where: { slug: { in: wanted('territory') } }, select: { id: true, slug: true } });
  const regions = await tx.region.findMany({ where: { code: { in: wanted('region') } }, select: { code: true } });
  const operators = await tx.operator.findMany({ where: { slug: { in: wanted('operator') } }, select: { id: true, slug: true } });
  const territoryId = new Map(territories.map((t) => [t.slug, t.id]));
  const regionCodes = new Set(regions.map((r) => r.code));
  const operatorId = new Map(operators.map((o) => [o.slug, o.id]));
  const errors: FieldErrors = {};
  list.forEach((m, i) => {
    if (m.territory && !territoryId.has(m.territory)) errors[`memberships.${i}.territory`] = [`Territoire inconnu : « ${m.territory} ».`];
    if (m.region && !regionCodes.has(m.region)) errors[`memberships.${i}.region`] = [`Région inconnue : « ${m.region} ».`];
    if (m.operator && !operatorId.has(m.operator)) errors[`memberships.${i}.operator`] = [`Opérateur inconnu : « ${m.operator} ».`];
  });
  if (Object.keys(errors).length) throw invalid(errors);
  return list.map((m) => ({
    role: m.role,
    territoryId: m.territory ? (territoryId.get(m.territory) ?? null) : null,
    regionCode: m.region ?? null,
    operatorId: m.operator ? (operatorId.get(m.operator) ?? null) : null,
    title: m.title ?? null,
  }));
}

/** What the audit trail records of a user's roles: readable keys, not internal ids. */
const auditMemberships = (list: MembershipDto[]) =>
  list.map((m) => ({
    role: m.role,
    territory: m.territory?.slug ?? null,
    region: m.region?.code ?? null,
    operator: m.operator?.slug ?? null,
    title: m.title,
  }));

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

const EMAIL_TAKEN = 'Un compte existe déjà pour cette adresse e-mail.';

async function loadRow(client: Pick<Tx, 'user'>, id: string): Promise<UserRow> {
  const row = await client.user.findUnique({ where: { id }, select: userSelect });
  if (!row) throw notFound('Utilisateur');
  return row;
}

/** The invitation e-mail, in the invitation's transaction (outbox, ADR 0013). */
async function enqueueInvitation(tx: Tx, actor: Actor, user: UserDetail, token: { path: string; expiresAt: Date }) {
  const mail = invitationMail({ name: user.name, activationPath: token.path, expiresAt: token.expiresAt, invitedBy: actor.name });
  await enqueueMail(tx, { kind: 'INVITATION', to: user.email, userId: user.id, ...mail });
}

/**
 * Invites a user: creates the account, active, without password, with its roles, and
 * returns the one-time activation link (valid 7 days); the invitation e-mail carrying it is
 * queued in the same transaction (the link is still returned, e.g. for a phone call).
 */
export async function inviteUser(actor: Actor, input: unknown): Promise<Invitation> {
  authorize(actor, 'admin:manage', null);
  const data = parseInput(inviteUserSchema, input);
  const token = newActivationToken();
  try {
    const user = await db.$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email: data.email }, select: { id: true, passwordHash: true } });
      if (existing) {
        throw conflict(
          existing.passwordHash
            ? EMAIL_TAKEN
            : `${EMAIL_TAKEN} L’invitation n’a pas encore été acceptée : générez un nouveau lien depuis la fiche de l’utilisateur.`,
          { userId: existing.id },
        );
      }
      const memberships = await resolveMemberships(tx, data.memberships);
      const created = await tx.user.create({
        data: {
          email: data.email,
          name: data.name,
          passwordHash: null,
          active: true,
          invitationTokenHash: token.hash,
          invitationExpiresAt: token.expiresAt,
          memberships: { create: memberships },
        },
        select: { id: true },
      });
      const dto = toDetail(await loadRow(tx, created.id));
      await recordAudit(tx, {
        actor,
        entityType: 'User',
        entityId: dto.id,
        operation: 'invite',
        entityVersion: dto.version,
        before: null,
        after: { email: dto.email, name: dto.name, memberships: auditMemberships(dto.memberships), invitationExpiresAt: dto.invitationExpiresAt },
      });
      await enqueueInvitation(tx, actor, dto, token);
      return dto;
    });
    return { user, activationPath: token.path };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(EMAIL_TAKEN);
    throw error;
  }
}

/**
 * A new activation link for an invitation not yet accepted (lost or expired link).
 * The previous link stops working.
 */
export async function reinviteUser(actor: Actor, id: string): Promise<Invitation> {
  authorize(actor, 'admin:manage', null);
  const token = newActivationToken();
  const user = await db.$transaction(async (tx) => {
    await tx.$queryRaw`select id from "User" where id = ${id} for update`;
    const row = await loadRow(tx, id);
    if (activated(row)) throw conflict('Ce compte est déjà activé : un nouveau lien d’activation n’a pas de sens.');
    if (!row.active) throw conflict('Ce compte est désactivé : réactivez-le avant de renvoyer une invitation.');
    await tx.user.update({ where: { id }, data: { invitationTokenHash: token.hash, invitationExpiresAt: token.expiresAt } });
    await recordAudit(tx, {
      actor,
      entityType: 'User',
      entityId: id,
      operation: 'reinvite',
      before: { invitationExpiresAt: row.invitationExpiresAt?.toISOString() ?? null },
      after: { invitationExpiresAt: token.expiresAt.toISOString() },
    });
    const dto = toDetail(await loadRow(tx, id));
    await enqueueInvitation(tx, actor, dto, token);
    return dto;
  });
  return { user, activationPath: token.path };
}

/** The administered fields of a user, in the order of the user's page, and their labels. */
const USER_FIELDS = ['memberships', 'active'] as const;
type UserField = (typeof USER_FIELDS)[number];

/** How a user account is versioned (ADR 0021): no more last-write-wins in the administration. */
export const USER_VERSIONING = versionedEntity<UserField>({
  entity: 'User',
  key: 'user',
  fields: USER_FIELDS,
  labels: { memberships: 'Rôles et périmètres', active: 'Compte actif' },
  wording: { subject: 'Ce compte', feminine: false },
  what: 'Utilisateur',
});

/** What the audit trail records of a user's administered fields. */
const userSnapshot = (u: UserDetail) => ({ memberships: auditMemberships(u.memberships), active: u.active });

/**
 * Replaces a user's roles (`memberships`) and/or (de)activates the account (`active`).
 * Deactivation takes effect at once: every request reloads the acting user
 * (lib/users/queries.ts `findActiveActor`), and every session of the user is revoked,
 * as on a change of roles. An administrator can neither deactivate
 * themself nor drop their own administration role (no lock-out by mistake).
 * `version` is the base version (lib/versioning): a stale one is the one CONFLICT. The
 * API route and the server actions require it; without it (trusted server code only,
 * e.g. `deactivateUser`) the write is based on the current version.
 */
export async function updateUser(actor: Actor, id: string, input: unknown): Promise<UserDetail> {
  authorize(actor, 'admin:manage', null);
  const { version, ...data } = parseInput(updateUserSchema, input);
  if (id === actor.id && data.active === false) throw forbidden('Vous ne pouvez pas désactiver votre propre compte.');
  if (id === actor.id && data.memberships && !data.memberships.some((m) => m.role === 'NATIONAL_ADMIN')) {
    throw forbidden('Vous ne pouvez pas retirer votre propre rôle d’administration nationale.');
  }
  await versionedWrite(USER_VERSIONING, {
    actor,
    id,
    baseVersion: version ?? null,
    snapshot: async (tx) => userSnapshot(toDetail(await loadRow(tx, id))),
    // Only the tracked fields go to the audit row (not the whole detail).
    diff: (b, a) => USER_FIELDS.filter((f) => JSON.stringify(b[f]) !== JSON.stringify(a[f])),
    audit: (b, a, fields) => ({
      before: Object.fromEntries(fields.map((f) => [f, b[f]])),
      after: Object.fromEntries(fields.map((f) => [f, a[f]])),
    }),
    operation: (fields, _b, after) =>
      fields.length > 1 ? 'update' : fields[0] === 'memberships' ? 'memberships' : after.active ? 'reactivate' : 'deactivate',
    write: async (tx, before) => {
      if (data.memberships) {
        const rows = await resolveMemberships(tx, data.memberships);
        await tx.membership.deleteMany({ where: { userId: id } });
        if (rows.length) await tx.membership.createMany({ data: rows.map((r) => ({ ...r, userId: id })) });
      }
      if (data.active !== undefined && data.active !== before.active) {
        await tx.user.update({ where: { id }, data: { active: data.active } });
      }
    },
    afterChange: async (tx, { fields, before, after }) => {
      // Deactivation or new roles end every session of the user (ADR 0012); reactivating
      // brings none back: the user signs in again.
      if (fields.includes('memberships')) {
        await revokeAllSessions(tx, id, 'roles-changed');
        securityLog.info({ event: 'roles.changed', userId: id, by: actor.id, before: before.memberships, after: after.memberships });
      }
      if (after.active === false && before.active) {
        await revokeAllSessions(tx, id, 'deactivated');
        securityLog.info({ event: 'account.deactivated', userId: id, by: actor.id });
      }
      if (after.active && !before.active) securityLog.info({ event: 'account.reactivated', userId: id, by: actor.id });
    },
    current: () => getUser(actor, id),
  });
  return getUser(actor, id);
}

/** Replaces the user's roles and scopes (`{ memberships: [...] }`). */
export async function updateMemberships(actor: Actor, id: string, input: unknown): Promise<UserDetail> {
  authorize(actor, 'admin:manage', null);
  const { memberships, version } = parseInput(membershipsSchema, input);
  return updateUser(actor, id, { memberships, ...(version !== undefined && { version }) });
}

export async function deactivateUser(actor: Actor, id: string): Promise<UserDetail> {
  return updateUser(actor, id, { active: false });
}

export async function reactivateUser(actor: Actor, id: string): Promise<UserDetail> {
  return updateUser(actor, id, { active: true });
}

export interface UserHistoryEntry {
  at: string;
  operation: string;
  actor: string | null;
}

/** The audited changes of a user's account, newest first (20 at most). */
export async function getUserHistory(actor: Actor, id: string): Promise<UserHistoryEntry[]> {
  authorize(actor, 'admin:manage', null);
  const rows = await db.auditLog.findMany({
    where: { entityType: 'User', entityId: id },
    orderBy: { id: 'desc' },
    take: 20,
    select: { at: true, operation: true, actor: { select: { name: true } } },
  });
  return rows.map((r) => ({ at: r.at.toISOString(), operation: r.operation, actor: r.actor?.name ?? null }));
}
