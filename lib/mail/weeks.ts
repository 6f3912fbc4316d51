// Calendar arithmetic for the schedules, in Europe/Paris (the programme's time).
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Wall-clock fields in Paris at that instant; weekday 1 = Monday … 7 = Sunday. */
export function parisClock(instant: Date) {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  const [y, m, d] = [Number(p.year), Number(p.month), Number(p.day)];
  const weekday = ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
  return { year: y, month: m, day: d, hour: Number(p.hour), minute: Number(p.minute), second: Number(p.second), weekday };
}

/** The instant of a Paris wall-clock time (DST handled by checking the offset found). */
export function parisInstant(y: number, m: number, d: number, hour = 0): Date {
  const guess = Date.UTC(y, m - 1, d, hour);
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(guess - offsetHours * 3_600_000);
    const c = parisClock(candidate);
    if (c.day === d && c.hour === hour) return candidate;
  }
  return new Date(guess - 3_600_000);
}

/** ISO 8601 week of a calendar date, e.g. "2026-W49". */
export function isoWeekOf(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
  date.setUTCDate(date.getUTCDate() - weekday + 3); // the week's Thursday
  const weekYear = date.getUTCFullYear();
  const week = 1 + Math.floor((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 / 7);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/** The ISO week in Paris at that instant, and when it and the week before began. */
export function parisWeek(instant: Date): { week: string; start: Date; previousStart: Date } {
  const c = parisClock(instant);
  const monday = new Date(Date.UTC(c.year, c.month - 1, c.day - (c.weekday - 1)));
  const previous = new Date(monday.getTime() - 7 * 86_400_000);
  return {
    week: isoWeekOf(c.year, c.month, c.day),
    start: parisInstant(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate()),
    previousStart: parisInstant(previous.getUTCFullYear(), previous.getUTCMonth() + 1, previous.getUTCDate()),
  };
}
