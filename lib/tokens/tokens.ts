// Personal access tokens for scripts (ADR 0014). A token is a recognisable prefix and
// 32 random bytes; only its SHA-256 is stored, so a database leak leaks no usable token.
// A token acts as its user with exactly the user's scope (the actor is rebuilt from the
// live memberships at every request), read-only tokens never write, and tokens cannot
// manage tokens.
import crypto from 'node:crypto';
import { db } from '@/lib/db';
import { recordAudit, roleOn } from '@/lib/audit/audit';
import { AppError, notFound } from '@/lib/errors';
import type { Actor } from '@/lib/authz/policy';
import { parseInput } from '@/lib/validation';
import { securityLog } from '@/lib/security-log';
import { createTokenSchema, TOKEN_DEFAULT_DAYS } from './schemas';

export const TOKEN_PREFIX = 'ti_pat_';
const TOKEN_PATTERN = /^ti_pat_[A-Za-z0-9_-]{43}$/;
const MAX_ACTIVE_TOKENS = 50;

export type TokenAccess = 'read' | 'write';

export interface TokenSummary {
  id: string;
  name: string;
  access: TokenAccess;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
}

export interface CreatedToken {
  id: string;
  name: string;
  access: TokenAccess;
  expiresAt: string;
  /** The token itself: returned once, never stored. */
  token: string;
}

export const isExpired = (token: Pick<TokenSummary, 'expiresAt'>, now = new Date()): boolean => new Date(token.expiresAt) <= now;

export const hashApiToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

export const looksLikeApiToken = (value: string): boolean => TOKEN_PATTERN.test(value);

function refuseThroughToken(actor: Actor): void {
  if (actor.token) {
    throw new AppError('FORBIDDEN', 'Un jeton d’API ne peut pas créer ni révoquer de jetons : connectez-vous à l’application.');
  }
}

/** The signed-in user's tokens that are not revoked (expired ones included), newest first. */
export async function listTokens(actor: Actor): Promise<TokenSummary[]> {
  const rows = await db.apiToken.findMany({
    where: { userId: actor.id, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true, access: true, createdAt: true, expiresAt: true, lastUsedAt: true },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    access: r.access,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  }));
}

export async function createToken(actor: Actor, input: unknown, now = new Date()): Promise<CreatedToken> {
  refuseThroughToken(actor);
  const data = parseInput(createTokenSchema, input);
  const token = TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + (data.expiresInDays ?? TOKEN_DEFAULT_DAYS) * 24 * 3600 * 1000);
  const created = await db.$transaction(async (tx) => {
    const active = await tx.apiToken.count({ where: { userId: actor.id, revokedAt: null, expiresAt: { gt: now } } });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new AppError('CONFLICT', `Vous avez déjà ${MAX_ACTIVE_TOKENS} jetons valides : révoquez-en un avant d’en créer un autre.`);
    }
    const row = await tx.apiToken.create({
      data: { userId: actor.id, name: data.name, access: data.access, tokenHash: hashApiToken(token), expiresAt },
      select: { id: true, name: true, access: true, expiresAt: true },
    });
    await recordAudit(tx, {
      actor,
      entityType: 'ApiToken',
      entityId: row.id,
      operation: 'create',
      after: { name: row.name, access: row.access, expiresAt: row.expiresAt.toISOString() },
    });
    return row;
  });
  return { id: created.id, name: created.name, access: created.access, expiresAt: created.expiresAt.toISOString(), token };
}

export async function revokeToken(actor: Actor, id: string): Promise<void> {
  refuseThroughToken(actor);
  await db.$transaction(async (tx) => {
    // Only the owner's live tokens match: someone else's token and an unknown id look the same.
    const done = await tx.apiToken.updateMany({
      where: { id, userId: actor.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (done.count === 0) throw notFound('Jeton');
    await recordAudit(tx, { actor, entityType: 'ApiToken', entityId: id, operation: 'revoke' });
  });
}

export type TokenAuthentication =
  | { ok: true; actor: Actor & { token: { id: string; access: TokenAccess } } }
  | { ok: false; reason: 'malformed' | 'unknown' | 'revoked' | 'expired' | 'inactive-user'; tokenId?: string; userId?: string };

/**
 * The actor behind a bearer token, with the user's current memberships, or why it is refused.
 * Sessions play no part: revoking a user's sessions leaves their tokens to these rules.
 */
export async function authenticateToken(raw: string, now = new Date()): Promise<TokenAuthentication> {
  if (!looksLikeApiToken(raw)) return { ok: false, reason: 'malformed' };
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(raw) },
    select: {
      id: true,
      access: true,
      expiresAt: true,
      revokedAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          active: true,
          // Same order as a session's actor (ADR 0012): "the first role" is deterministic.
          memberships: {
            select: { role: true, territoryId: true, regionCode: true, operatorId: true },
            orderBy: [{ role: 'asc' }, { territoryId: 'asc' }, { regionCode: 'asc' }, { operatorId: 'asc' }, { id: 'asc' }],
          },
        },
      },
    },
  });
  if (!row) return { ok: false, reason: 'unknown' };
  const ids = { tokenId: row.id, userId: row.user.id };
  if (row.revokedAt) return { ok: false, reason: 'revoked', ...ids };
  if (row.expiresAt <= now) return { ok: false, reason: 'expired', ...ids };
  if (!row.user.active) return { ok: false, reason: 'inactive-user', ...ids };
  const { active: _active, ...user } = row.user;
  return { ok: true, actor: { ...user, token: { id: row.id, access: row.access } } };
}

/**
 * Records one use of a token: its last use, and an audit row as the user with the token's
 * id (method, path, status). One small batched write per request (ADR 0014).
 */
export async function recordTokenUse(
  actor: Actor & { token: { id: string } },
  use: { method: string; path: string; status: number },
): Promise<void> {
  const now = new Date();
  securityLog.info({ event: 'token.used', userId: actor.id, tokenId: actor.token.id, ...use });
  await db.$transaction([
    db.apiToken.update({ where: { id: actor.token.id }, data: { lastUsedAt: now }, select: { id: true } }),
    db.auditLog.create({
      data: {
        at: now,
        actorId: actor.id,
        actorRole: roleOn(actor),
        entityType: 'ApiToken',
        entityId: actor.token.id,
        operation: 'use',
        tokenId: actor.token.id,
        after: use,
      },
      select: { id: true },
    }),
  ]);
}
