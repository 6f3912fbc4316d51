// Administration of partner operators (Banque des Territoires, Bpifrance, ADEME…).
// National administrators only; every write is audited. The slug is chosen at
// creation and never changes: actions, financing lines and API clients refer to it.
import { slugify } from '@/lib/slug';
import { db } from '@/lib/db';
import { conflict, invalid, notFound } from '@/lib/errors';
import { authorize, type Actor } from '@/lib/authz/policy';
import { recordAudit } from '@/lib/audit/audit';
import { parseInput } from '@/lib/validation';
import { versionedEntity, versionedWrite } from '@/lib/versioning';
import { Prisma } from '@/lib/generated/prisma/client';
import type { OperatorKind } from '@/lib/generated/prisma/enums';
import { operatorCreateSchema, operatorUpdateSchema } from './schemas';

export interface OperatorDto {
  id: string;
  slug: string;
  name: string;
  kind: OperatorKind;
  /** Base version for an edit (ADR 0021). */
  version: number;
  /** Active users holding a role for this operator. */
  memberCount: number;
  commitmentCount: number;
}

const operatorSelect = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  version: true,
  _count: { select: { memberships: { where: { user: { active: true } } }, commitments: true } },
} as const satisfies Prisma.OperatorSelect;

type OperatorRow = Prisma.OperatorGetPayload<{ select: typeof operatorSelect }>;

const toDto = (r: OperatorRow): OperatorDto => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  kind: r.kind,
  version: r.version,
  memberCount: r._count.memberships,
  commitmentCount: r._count.commitments,
});


const slugTaken = (slug: string) =>
  conflict(`L’identifiant « ${slug} » est déjà celui d’un autre opérateur : choisissez-en un autre.`);

export async function listOperators(actor: Actor): Promise<OperatorDto[]> {
  authorize(actor, 'admin:manage', null);
  const rows = await db.operator.findMany({ orderBy: { name: 'asc' }, select: operatorSelect });
  return rows.map(toDto);
}

/** Creates an operator; its slug is derived from the name unless given. */
export async function createOperator(actor: Actor, input: unknown): Promise<OperatorDto> {
  authorize(actor, 'admin:manage', null);
  const data = parseInput(operatorCreateSchema, input);
  const slug = data.slug ?? slugify(data.name);
  if (!slug) throw invalid({ slug: ['Impossible de déduire un identifiant de ce nom : indiquez-en un.'] });
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.operator.findUnique({ where: { slug }, select: { id: true } })) throw slugTaken(slug);
      const row = await tx.operator.create({ data: { slug, name: data.name, kind: data.kind }, select: operatorSelect });
      await recordAudit(tx, {
        actor,
        entityType: 'Operator',
        entityId: row.id,
        operation: 'create',
        entityVersion: row.version,
        before: null,
        after: { slug, name: row.name, kind: row.kind },
      });
      return toDto(row);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw slugTaken(slug);
    throw error;
  }
}

/** How an operator is versioned (ADR 0021): no more last-write-wins in the administration. */
export const OPERATOR_VERSIONING = versionedEntity<'name' | 'kind'>({
  entity: 'Operator',
  key: 'operator',
  fields: ['name', 'kind'],
  labels: { name: 'Nom', kind: 'Type' },
  wording: { subject: 'Cet opérateur', feminine: false },
  what: 'Opérateur',
});

/** One operator; NOT_FOUND when absent. */
export async function getOperator(actor: Actor, id: string): Promise<OperatorDto> {
  authorize(actor, 'admin:manage', null);
  const row = await db.operator.findUnique({ where: { id }, select: operatorSelect });
  if (!row) throw notFound('Opérateur');
  return toDto(row);
}

/**
 * Renames an operator (or changes its kind); the slug stays. `version` is the base
 * version (lib/versioning): a stale one is the one CONFLICT; the server action requires it.
 */
export async function updateOperator(actor: Actor, id: string, input: unknown): Promise<OperatorDto> {
  authorize(actor, 'admin:manage', null);
  const { version, ...data } = parseInput(operatorUpdateSchema, input);
  await versionedWrite(OPERATOR_VERSIONING, {
    actor,
    id,
    baseVersion: version ?? null,
    operation: 'update',
    snapshot: (tx) => tx.operator.findUniqueOrThrow({ where: { id }, select: { name: true, kind: true } }),
    write: async (tx) => {
      await tx.operator.update({
        where: { id },
        data: { ...(data.name !== undefined && { name: data.name }), ...(data.kind !== undefined && { kind: data.kind }) },
      });
    },
    current: () => getOperator(actor, id),
  });
  return getOperator(actor, id);
}
