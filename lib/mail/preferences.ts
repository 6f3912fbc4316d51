// Each user's e-mail delivery per notification category ("Mon compte"), and the lookup the
// notification writers use. Only ever the caller's own preferences.
import { z } from 'zod';
import { db, type Tx } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import type { EmailDelivery } from '@/lib/generated/prisma/enums';
import { recordAudit } from '@/lib/audit/audit';
import { parseInput } from '@/lib/validation';
import { CATEGORIES, DEFAULT_DELIVERY, DELIVERIES, type Category } from './categories';

export type Preferences = Record<Category, EmailDelivery>;

const deliveryField = z.enum(DELIVERIES, { error: 'Choix attendu : tout de suite, récapitulatif hebdomadaire ou pas par e-mail.' });

export const preferencesSchema = z.strictObject(
  Object.fromEntries(CATEGORIES.map((c) => [c, deliveryField.optional()])) as Record<Category, z.ZodOptional<typeof deliveryField>>,
);

function merge(rows: { category: string; delivery: EmailDelivery }[]): Preferences {
  const out = { ...DEFAULT_DELIVERY };
  for (const r of rows) if ((CATEGORIES as readonly string[]).includes(r.category)) out[r.category as Category] = r.delivery;
  return out;
}

export async function getPreferences(actor: Actor): Promise<Preferences> {
  const rows = await db.notificationPreference.findMany({ where: { userId: actor.id }, select: { category: true, delivery: true } });
  return merge(rows);
}

/** Sets some categories (others unchanged); audited. Returns the full set. */
export async function updatePreferences(actor: Actor, input: unknown): Promise<Preferences> {
  const data = parseInput(preferencesSchema, input);
  return db.$transaction(async (tx) => {
    const before = merge(await tx.notificationPreference.findMany({ where: { userId: actor.id }, select: { category: true, delivery: true } }));
    await setDeliveries(tx, actor.id, data);
    const after = merge(await tx.notificationPreference.findMany({ where: { userId: actor.id }, select: { category: true, delivery: true } }));
    const changed = CATEGORIES.filter((c) => before[c] !== after[c]);
    if (changed.length) {
      await recordAudit(tx, {
        actor,
        entityType: 'User',
        entityId: actor.id,
        operation: 'email-preferences',
        before: Object.fromEntries(changed.map((c) => [c, before[c]])),
        after: Object.fromEntries(changed.map((c) => [c, after[c]])),
      });
    }
    return after;
  });
}

export async function setDeliveries(tx: Pick<Tx, 'notificationPreference'>, userId: string, data: Partial<Preferences>): Promise<void> {
  for (const category of CATEGORIES) {
    const delivery = data[category];
    if (!delivery) continue;
    await tx.notificationPreference.upsert({
      where: { userId_category: { userId, category } },
      create: { userId, category, delivery },
      update: { delivery },
    });
  }
}

/** Deliveries of many users for the categories asked, defaults filled in. */
export async function deliveriesFor(
  tx: Pick<Tx, 'notificationPreference'>,
  userIds: string[],
): Promise<Map<string, Preferences>> {
  const rows = userIds.length
    ? await tx.notificationPreference.findMany({ where: { userId: { in: userIds } }, select: { userId: true, category: true, delivery: true } })
    : [];
  const out = new Map<string, Preferences>();
  for (const id of userIds) out.set(id, merge(rows.filter((r) => r.userId === id)));
  return out;
}
