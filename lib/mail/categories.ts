// Notification categories a user chooses an e-mail delivery for, with their defaults:
// at once for what awaits the user's decision and for decisions on the user's plan,
// in the weekly digest for the rest (ADR 0013).
import type { EmailDelivery, Role } from '@/lib/generated/prisma/enums';

export const CATEGORIES = ['AWAITING_DECISION', 'CHANGES_REQUESTED', 'VERSION_VALIDATED', 'COMMITMENT_OVERDUE'] as const;
export type Category = (typeof CATEGORIES)[number];

export const DELIVERIES = ['IMMEDIATE', 'DIGEST', 'NONE'] as const satisfies readonly EmailDelivery[];

export const DEFAULT_DELIVERY: Record<Category, EmailDelivery> = {
  AWAITING_DECISION: 'IMMEDIATE',
  CHANGES_REQUESTED: 'IMMEDIATE',
  VERSION_VALIDATED: 'IMMEDIATE',
  COMMITMENT_OVERDUE: 'DIGEST',
};

export const CATEGORY_LABELS: Record<Category, string> = {
  AWAITING_DECISION: 'Une version de plan attend ma décision',
  CHANGES_REQUESTED: 'Des modifications sont demandées sur mon plan',
  VERSION_VALIDATED: 'Une version de mon plan est validée',
  COMMITMENT_OVERDUE: 'Un engagement est en retard',
};

export const DELIVERY_LABELS: Record<EmailDelivery, string> = {
  IMMEDIATE: 'Par e-mail, tout de suite',
  DIGEST: 'Dans le récapitulatif hebdomadaire',
  NONE: 'Pas par e-mail',
};

export const isCategory = (v: unknown): v is Category => typeof v === 'string' && (CATEGORIES as readonly string[]).includes(v);

const REGIONAL: readonly Role[] = ['REGIONAL_STATE', 'REGIONAL_COUNCIL'];

/**
 * The category of an in-app notification for one recipient. A plan validated by the binôme
 * awaits the regional copilots' decision, but is a decision on the project lead's plan.
 */
export function categoryOf(kind: string, recipientRole?: Role): Category | null {
  switch (kind) {
    case 'PLAN_SUBMITTED':
      return 'AWAITING_DECISION';
    case 'PLAN_LOCALLY_VALIDATED':
      return recipientRole && REGIONAL.includes(recipientRole) ? 'AWAITING_DECISION' : 'VERSION_VALIDATED';
    case 'PLAN_CHANGES_REQUESTED':
      return 'CHANGES_REQUESTED';
    case 'PLAN_VALIDATED':
      return 'VERSION_VALIDATED';
    case 'COMMITMENT_OVERDUE':
      return 'COMMITMENT_OVERDUE';
    default:
      return null;
  }
}
