// One calendar for the whole app (ADR 0021): every "late", "today" and "this week" rule
// uses the calendar day in France (Europe/Paris), whatever the server's time zone. Near
// midnight the UTC day is the previous (or, never, the next) one: 2026-03-28T23:30:00Z is
// already 29 March in Paris. Pure (Intl only, no dependency): usable by server and client.
//
// Calendar days are `YYYY-MM-DD` strings; a `@db.Date` column holds one as a Date at UTC
// midnight (`dayDate`), so comparing a stored day with `parisTodayDate()` compares days.
// SQL that decides lateness compares with `PARIS_TODAY_SQL`, the same day in PostgreSQL.

export const PARIS_TIME_ZONE = 'Europe/Paris';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: PARIS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (YYYY-MM-DD) in France at that instant (default: now). */
export const parisDay = (instant: Date = new Date()): string => dayFormat.format(instant);

/** A YYYY-MM-DD day as stored in a `@db.Date` column (UTC midnight of that day). */
export const dayDate = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** Today in France as a `@db.Date` value: what "late" compares due dates with (`dueDate < parisTodayDate()`). */
export const parisTodayDate = (now: Date = new Date()): Date => dayDate(parisDay(now));

/** The YYYY-MM-DD of a `@db.Date` value (no time zone involved: it is a day). */
export const isoDayOf = (date: Date): string => date.toISOString().slice(0, 10);

/** `day` plus `n` calendar days (n may be negative). */
export function addDays(day: string, n: number): string {
  const d = dayDate(day);
  d.setUTCDate(d.getUTCDate() + n);
  return isoDayOf(d);
}

/** ISO weekday of a day: 1 = Monday … 7 = Sunday. */
export const weekdayOf = (day: string): number => ((dayDate(day).getUTCDay() + 6) % 7) + 1;

/** The Monday (YYYY-MM-DD) of the week holding `day`: "this week" is [weekStart, weekStart + 7). */
export const weekStart = (day: string): string => addDays(day, 1 - weekdayOf(day));

/** A due day is late once it is before today in France (due today is not late yet). */
export const isPastDue = (dueDay: string | null | undefined, now: Date = new Date()): boolean => !!dueDay && dueDay < parisDay(now);

/** PostgreSQL's "today in France", for queries that decide lateness (`m."dueDate" < ${PARIS_TODAY_SQL}`). */
export const PARIS_TODAY_SQL_TEXT = `(now() at time zone '${PARIS_TIME_ZONE}')::date`;
