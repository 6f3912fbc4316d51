// The plan's timeline (Gantt-like): which period is shown, and where each action's
// bar and each milestone fall in it. Pure, so the page and the packs share it.
import type { ActionStatus, Axis } from '@/lib/generated/prisma/enums';

export interface TimelinePeriod {
  /** URL value: "2026" (a year) or "2026-T2" (a quarter). */
  key: string;
  kind: 'year' | 'quarter';
  year: number;
  quarter: number | null;
  from: string; // YYYY-MM-DD, inclusive
  to: string; // YYYY-MM-DD, exclusive
  label: string;
  previous: string;
  next: string;
  /** The other zoom level around the same dates. */
  zoom: { key: string; label: string }[];
  months: { key: string; label: string; offset: number; width: number }[];
}

const MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];
const pad = (n: number) => String(n).padStart(2, '0');
const dayMs = (s: string) => Date.parse(`${s}T00:00:00Z`);

/** Parses `?periode=`; anything else falls back to the year of `today`. */
export function timelinePeriod(raw: string | undefined, today: string): TimelinePeriod {
  const m = /^(\d{4})(?:-T([1-4]))?$/.exec(raw ?? '');
  const year = m && Number(m[1]) >= 2000 && Number(m[1]) <= 2100 ? Number(m[1]) : Number(today.slice(0, 4));
  const quarter = m?.[2] ? Number(m[2]) : null;
  const firstMonth = quarter ? (quarter - 1) * 3 : 0;
  const count = quarter ? 3 : 12;
  const from = `${year}-${pad(firstMonth + 1)}-01`;
  const endMonth = firstMonth + count;
  const to = endMonth >= 12 ? `${year + 1}-01-01` : `${year}-${pad(endMonth + 1)}-01`;
  const span = dayMs(to) - dayMs(from);
  const months = Array.from({ length: count }, (_, i) => {
    const mm = firstMonth + i;
    const start = `${year}-${pad(mm + 1)}-01`;
    const end = mm + 1 >= 12 ? `${year + 1}-01-01` : `${year}-${pad(mm + 2)}-01`;
    return { key: start, label: MONTHS[mm] as string, offset: (dayMs(start) - dayMs(from)) / span, width: (dayMs(end) - dayMs(start)) / span };
  });
  if (quarter) {
    const prev = quarter === 1 ? `${year - 1}-T4` : `${year}-T${quarter - 1}`;
    const next = quarter === 4 ? `${year + 1}-T1` : `${year}-T${quarter + 1}`;
    return {
      key: `${year}-T${quarter}`, kind: 'quarter', year, quarter, from, to,
      label: `${quarter}${quarter === 1 ? 'er' : 'e'} trimestre ${year}`,
      previous: prev, next, zoom: [{ key: String(year), label: `Année ${year}` }], months,
    };
  }
  return {
    key: String(year), kind: 'year', year, quarter: null, from, to, label: `Année ${year}`,
    previous: String(year - 1), next: String(year + 1),
    zoom: [1, 2, 3, 4].map((q) => ({ key: `${year}-T${q}`, label: `${q}${q === 1 ? 'er' : 'e'} trimestre` })),
    months,
  };
}

export type MilestoneState = 'done' | 'late' | 'upcoming';

export interface TimelineAction {
  id: string;
  reference: string;
  title: string;
  axes: Axis[];
  status: ActionStatus;
  startDate: string | null;
  endDate: string | null;
  milestones: { id: string; title: string; dueDate: string; doneAt: string | null }[];
}

export interface TimelineRow {
  action: TimelineAction;
  /** Bar within the period, as fractions of its width; null when the action lies outside or has no dates. */
  bar: { offset: number; width: number; startsBefore: boolean; endsAfter: boolean } | null;
  milestones: { id: string; title: string; dueDate: string; doneAt: string | null; state: MilestoneState; offset: number | null }[];
}

export const milestoneState = (m: { dueDate: string; doneAt: string | null }, today: string): MilestoneState =>
  m.doneAt ? 'done' : m.dueDate < today ? 'late' : 'upcoming';

/** Rows of the period, grouped by the action's first axis, in plan order. */
export function timelineRows(actions: TimelineAction[], period: TimelinePeriod, today: string): { axis: Axis; rows: TimelineRow[] }[] {
  const from = dayMs(period.from);
  const span = dayMs(period.to) - from;
  const frac = (d: string) => (dayMs(d) - from) / span;
  const groups = new Map<Axis, TimelineRow[]>();
  for (const a of actions) {
    let bar: TimelineRow['bar'] = null;
    const start = a.startDate ?? a.endDate;
    const end = a.endDate ?? a.startDate;
    if (start && end && start < period.to && end >= period.from) {
      const s = Math.max(0, frac(start));
      // The end day is included: the bar runs to the end of that day.
      const e = Math.min(1, (dayMs(end) + 86_400_000 - from) / span);
      bar = { offset: s, width: Math.max(e - s, 0.004), startsBefore: start < period.from, endsAfter: end >= period.to };
    }
    const milestones = a.milestones.map((m) => {
      const inside = m.dueDate >= period.from && m.dueDate < period.to;
      return { ...m, state: milestoneState(m, today), offset: inside ? frac(m.dueDate) : null };
    });
    const axis = a.axes[0] ?? 'ECOLOGICAL_TRANSITION';
    const list = groups.get(axis) ?? [];
    list.push({ action: a, bar, milestones });
    groups.set(axis, list);
  }
  const order: Axis[] = ['ECOLOGICAL_TRANSITION', 'INNOVATION', 'SKILLS', 'INDUSTRIAL_LAND'];
  return order.filter((x) => groups.has(x)).map((axis) => ({ axis, rows: groups.get(axis) as TimelineRow[] }));
}

export const MILESTONE_LABELS: Record<MilestoneState, string> = { done: 'réalisé', late: 'en retard', upcoming: 'à venir' };

/** One row as the page's timeline draws it (compact: it travels in the page's payload, ADR 0026). */
export interface TimelineViewRow {
  id: string;
  reference: string;
  title: string;
  status: string;
  /** The row's picture in words (its text alternative). */
  alt: string;
  /** Bar offset and width, as fractions of the period; null outside it. */
  bar: [number, number] | null;
  /** Milestones inside the period: offset and state. */
  marks: [number, MilestoneState][];
}

/** What the row's picture shows, in words: dates, and the milestones within the period. */
export function timelineRowText(row: TimelineRow, period: TimelinePeriod, formatDate: (d: string | null) => string): string {
  const a = row.action;
  const dates = a.startDate || a.endDate ? `du ${formatDate(a.startDate)} au ${formatDate(a.endDate)}` : 'sans dates';
  const inPeriod = row.milestones.filter((m) => m.offset !== null);
  const ms = inPeriod.length
    ? `; jalons sur la période : ${inPeriod.map((m) => `${m.title} (${formatDate(m.dueDate)}, ${MILESTONE_LABELS[m.state]})`).join(', ')}`
    : '';
  const where = row.bar ? '' : ` (hors de la période ${period.label})`;
  return `${a.reference} ${dates}${where}${ms}`;
}
