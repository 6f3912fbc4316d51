// The two alert rules on commitments, as pure functions shared by the lists, the
// per-operator / per-region figures and the overdue notifications (one definition each).
//
// Days are calendar days in Europe/Paris: the programme is French, and a due date
// "passes" at midnight in France, not at midnight UTC.
//
// - Late ("en retard"): the due date has passed (the due day itself is still on time),
//   less than promised was delivered, and the commitment is neither DELIVERED nor
//   CANCELLED. The status LATE an operator may set by hand does not matter here.
// - Under-delivered ("sous-réalisé"): the share delivered (delivered / promised) is below
//   the share of time elapsed between the day the commitment was recorded (createdAt) and
//   its due date, i.e. delivery is behind a straight-line schedule. Same exclusions
//   (DELIVERED, CANCELLED) and no alert without a due date. The elapsed share is capped
//   at 100 %: once the due date is reached anything short of the promise is
//   under-delivered, so every late commitment is also under-delivered. A commitment
//   recorded on or after its due date is expected in full at once.
import type { CommitmentStatus } from '@/lib/generated/prisma/enums';

/** Statuses that end a commitment: no alert once delivered or cancelled. */
export const CLOSED_STATUSES: readonly CommitmentStatus[] = ['DELIVERED', 'CANCELLED'];

import { parisDay } from '@/lib/calendar';

/** The calendar day (YYYY-MM-DD) in France at that instant: the one calendar (lib/calendar.ts). */
export { parisDay };

/** Day number (days since 1970-01-01) of a YYYY-MM-DD string. */
const dayNumber = (day: string): number => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);

/** Quantities have at most two decimals: compare them exactly, as integer hundredths. */
const hundredths = (n: number): bigint => BigInt(Math.round(n * 100));

export interface CommitmentFacts {
  promised: number;
  delivered: number;
  /** YYYY-MM-DD, or null when the commitment has no due date. */
  dueDate: string | null;
  status: CommitmentStatus;
  /** When the commitment was recorded. */
  createdAt: Date;
}

const isOpen = (c: CommitmentFacts) => !CLOSED_STATUSES.includes(c.status);

export function isLate(c: CommitmentFacts, now: Date): boolean {
  if (!c.dueDate || !isOpen(c)) return false;
  return c.dueDate < parisDay(now) && hundredths(c.delivered) < hundredths(c.promised);
}

/** Elapsed days and total days of the commitment's period, elapsed clamped to [0, total]. */
function schedule(c: CommitmentFacts, now: Date): { elapsed: number; total: number } | null {
  if (!c.dueDate) return null;
  const start = dayNumber(parisDay(c.createdAt));
  const due = dayNumber(c.dueDate);
  const today = dayNumber(parisDay(now));
  const total = due - start;
  // Recorded on or after its due date: the whole promise is expected straight away.
  if (total <= 0) return { elapsed: 1, total: 1 };
  return { elapsed: Math.min(total, Math.max(0, today - start)), total };
}

/** Share of the period elapsed (0..1), or null without a due date. */
export function expectedShare(c: CommitmentFacts, now: Date): number | null {
  const s = schedule(c, now);
  return s ? s.elapsed / s.total : null;
}

/** Share of the promise delivered (may exceed 1 when more than promised was delivered). */
export const deliveredShare = (c: Pick<CommitmentFacts, 'promised' | 'delivered'>): number =>
  c.promised > 0 ? c.delivered / c.promised : 0;

export function isUnderDelivered(c: CommitmentFacts, now: Date): boolean {
  if (!isOpen(c)) return false;
  const s = schedule(c, now);
  if (!s) return false;
  // delivered / promised < elapsed / total, in exact integer arithmetic.
  return hundredths(c.delivered) * BigInt(s.total) < hundredths(c.promised) * BigInt(s.elapsed);
}
