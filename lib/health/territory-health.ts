// The one rule that says whether a territory is on track, to watch or off track,
// and why. Pure: it takes counts and dates (one grouped query computes them for many
// territories, see ./queries.ts) and returns a status with its reasons in French.
// Documented in docs/decisions/0017-charts-health-and-committee-packs.md.

export type HealthStatus = 'ON_TRACK' | 'TO_WATCH' | 'OFF_TRACK';

export interface HealthInput {
  /** Actions of the working plan (not archived, not abandoned). */
  actions: number;
  blockedActions: number;
  /** Milestones of those actions, all of them. */
  milestones: number;
  /** Milestones due before today and not done. */
  lateMilestones: number;
  /** Last change recorded on the territory's plan or actions (audit or action row). */
  lastUpdate: Date | null;
  /** Submission date of the oldest plan version still awaiting a decision (binôme or region). */
  pendingDecisionSince: Date | null;
}

export interface Health {
  status: HealthStatus;
  /** Every signal that raised the status, worst first; one positive sentence when on track. */
  reasons: string[];
  /** The reasons as one sentence, e.g. "3 jalons en retard, aucune mise à jour depuis 94 jours". */
  summary: string;
}

/** Thresholds of the rule: "watch" raises to TO_WATCH, "off" to OFF_TRACK. */
export const HEALTH_RULE = {
  lateShare: { off: 0.3 }, // share of the plan's milestones that are late (any late one: to watch)
  lateMinimum: { off: 3 }, // an off-track share needs at least this many late milestones
  blockedShare: { off: 0.25 }, // share of the plan's actions that are blocked (any blocked one: to watch)
  blockedMinimum: { off: 2 },
  staleDays: { watch: 60, off: 90 }, // days without any update
  pendingDays: { watch: 30, off: 60 }, // days a submitted version waits for a decision
} as const;

export const HEALTH_LABELS: Record<HealthStatus, string> = {
  ON_TRACK: 'En bonne voie',
  TO_WATCH: 'À surveiller',
  OFF_TRACK: 'En difficulté',
};

/** A shape as well as a colour, so that status never rests on colour alone. */
export const HEALTH_SYMBOLS: Record<HealthStatus, string> = { ON_TRACK: '●', TO_WATCH: '▲', OFF_TRACK: '■' };

export const HEALTH_TONES: Record<HealthStatus, 'success' | 'warning' | 'danger'> = {
  ON_TRACK: 'success',
  TO_WATCH: 'warning',
  OFF_TRACK: 'danger',
};

/** Sort key: worst first. */
export const HEALTH_RANK: Record<HealthStatus, number> = { OFF_TRACK: 0, TO_WATCH: 1, ON_TRACK: 2 };

const DAY_MS = 86_400_000;
const daysBetween = (from: Date, to: Date) => Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

type Level = 0 | 1 | 2;

/**
 * The first instant after `today` at which `territoryHealth(input, t)` may differ from
 * `territoryHealth(input, today)` for the same input: the rule only reads time through
 * whole days since the last update and since the pending submission, so the result is
 * the same until one of those counts goes up. Lets a caller keep a computed status for
 * exactly as long as it holds (lib/health/queries.ts).
 */
export function healthStableUntil(input: HealthInput, today: Date = new Date()): number {
  let until = Number.POSITIVE_INFINITY;
  for (const from of [input.lastUpdate, input.pendingDecisionSince]) {
    if (!from) continue;
    // Before `from` the count is clamped at 0 and starts rising one day after `from`.
    const next = from.getTime() + (daysBetween(from, today) + 1) * DAY_MS;
    if (next < until) until = next;
  }
  return until;
}

export function territoryHealth(input: HealthInput, today: Date = new Date()): Health {
  const signals: { level: Level; text: string }[] = [];
  const raise = (level: Level, text: string) => {
    if (level > 0) signals.push({ level, text });
  };

  if (input.actions === 0) {
    raise(1, "aucune action dans le plan");
  }

  if (input.lateMilestones > 0) {
    const share = input.milestones ? input.lateMilestones / input.milestones : 1;
    const off = share >= HEALTH_RULE.lateShare.off && input.lateMilestones >= HEALTH_RULE.lateMinimum.off;
    // Any late milestone is worth watching; the share decides when it is off track.
    const pct = Math.round(share * 100);
    raise(off ? 2 : 1, `${plural(input.lateMilestones, 'jalon en retard', 'jalons en retard')} (${pct} % des jalons)`);
  }

  if (input.blockedActions > 0) {
    const share = input.actions ? input.blockedActions / input.actions : 1;
    const off = share >= HEALTH_RULE.blockedShare.off && input.blockedActions >= HEALTH_RULE.blockedMinimum.off;
    raise(off ? 2 : 1, plural(input.blockedActions, 'action bloquée', 'actions bloquées'));
  }

  if (!input.lastUpdate) {
    raise(2, 'aucune mise à jour enregistrée');
  } else {
    const days = daysBetween(input.lastUpdate, today);
    const level: Level = days > HEALTH_RULE.staleDays.off ? 2 : days > HEALTH_RULE.staleDays.watch ? 1 : 0;
    raise(level, `aucune mise à jour depuis ${days} jours`);
  }

  if (input.pendingDecisionSince) {
    const days = daysBetween(input.pendingDecisionSince, today);
    const level: Level = days > HEALTH_RULE.pendingDays.off ? 2 : days > HEALTH_RULE.pendingDays.watch ? 1 : 0;
    raise(level, `version du plan en attente de décision depuis ${days} jours`);
  }

  const worst = signals.reduce<Level>((m, s) => (s.level > m ? s.level : m), 0);
  const status: HealthStatus = worst === 2 ? 'OFF_TRACK' : worst === 1 ? 'TO_WATCH' : 'ON_TRACK';
  // Stable order: worst signals first, then the order the rule checks them in.
  const reasons = signals
    .map((s, i) => ({ ...s, i }))
    .sort((a, b) => b.level - a.level || a.i - b.i)
    .map((s) => s.text);
  if (!reasons.length) {
    const days = input.lastUpdate ? daysBetween(input.lastUpdate, today) : 0;
    const when = days === 0 ? "aujourd'hui" : `il y a ${plural(days, 'jour', 'jours')}`;
    reasons.push(`aucun jalon en retard ni action bloquée, mise à jour ${when}`);
  }
  const summary = reasons.join(', ');
  return { status, reasons, summary: summary.charAt(0).toUpperCase() + summary.slice(1) };
}
