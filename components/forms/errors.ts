// Error-key logic of the form toolkit (pure: no React, no DOM). Error keys are zod paths joined
// by dots (`title`, `financing.2.amountCents`, `partners.3`), as `fieldErrorsFromZod` gives them.
import type { FieldErrors } from '@/lib/errors';

export type { FieldErrors };

export interface SummaryItem {
  /** The error key. */
  key: string;
  /** The French message as shown in the summary. */
  message: string;
  /** Id of the control the summary links to (null: no link). */
  target: string | null;
}

export interface ParsedKey {
  top: string;
  /** Row or item index (second segment, when numeric). */
  index: number | null;
  /** Field inside the row (third segment). */
  sub: string | undefined;
}

export function parseKey(key: string): ParsedKey {
  const [top = '', index, sub] = key.split('.');
  return { top, index: index !== undefined && /^\d+$/.test(index) ? Number(index) : null, sub };
}

/** How a form turns its error keys into a summary. */
export interface ErrorMap {
  /** Top-level fields in form order (unknown keys go last). */
  order?: readonly string[];
  /** Fields of each repeatable section, in the row's order (sorts a row's errors). */
  rowFields?: Readonly<Record<string, readonly string[]>>;
  /** Id of the control an error points to. */
  target(key: string): string | null;
  /** Summary wording (default: the message itself). */
  text?(key: string, message: string): string;
}

function sortTuple(key: string, map: ErrorMap): [number, number, number] {
  const { top, index, sub } = parseKey(key);
  const order = map.order ?? [];
  const i = order.indexOf(top);
  const columns = map.rowFields?.[top];
  const column = columns && sub ? columns.indexOf(sub) : -1;
  return [i === -1 ? order.length : i, index ?? -1, column];
}

/** Error keys in form order: field, then row, then the row's field. */
export function sortErrorKeys(keys: Iterable<string>, map: ErrorMap): string[] {
  return [...keys].sort((a, b) => {
    const [a1, a2, a3] = sortTuple(a, map);
    const [b1, b2, b3] = sortTuple(b, map);
    return a1 - b1 || a2 - b2 || a3 - b3 || a.localeCompare(b);
  });
}

/** One summary line per message, in form order, each linked to its control. */
export function summarizeErrors(errors: FieldErrors, map: ErrorMap): SummaryItem[] {
  return sortErrorKeys(Object.keys(errors), map).flatMap((key) =>
    (errors[key] ?? []).map((message) => ({ key, message: map.text ? map.text(key, message) : message, target: map.target(key) })),
  );
}

/** Errors of `field` and of its items (`field.N...`), the items' messages prefixed "<itemWord> N : ". */
export function groupErrors(errors: FieldErrors, field: string, itemWord = 'Ligne'): string[] | undefined {
  const out = [...(errors[field] ?? [])];
  for (const [key, messages] of Object.entries(errors)) {
    const { top, index } = parseKey(key);
    if (top === field && key !== field && index !== null) out.push(...messages.map((m) => `${itemWord} ${index + 1} : ${m}`));
  }
  return out.length ? out : undefined;
}

/** `errors` without `key` (and, with `descendants`, without `key.*`); the same object when nothing goes. */
export function withoutKey(errors: FieldErrors, key: string, descendants = false): FieldErrors {
  const hit = Object.keys(errors).filter((k) => k === key || (descendants && k.startsWith(`${key}.`)));
  if (!hit.length) return errors;
  const next = { ...errors };
  for (const k of hit) delete next[k];
  return next;
}

/** Maps one key of a repeatable section to its new row index (null: the row is gone). */
export function remapRowKey(key: string, section: string, newIndex: (index: number) => number | null): string | null {
  const [top, index, ...rest] = key.split('.');
  if (top !== section || index === undefined || !/^\d+$/.test(index)) return key;
  const next = newIndex(Number(index));
  return next === null ? null : [top, String(next), ...rest].join('.');
}

/** Index map after removing row `removed`. */
export const afterRemove = (removed: number) => (i: number) => (i === removed ? null : i > removed ? i - 1 : i);

/** Index map after moving row `from` to position `to` (the rows between shift by one). */
export const afterMove = (from: number, to: number) => (i: number) => {
  if (i === from) return to;
  if (from < to && i > from && i <= to) return i - 1;
  if (to < from && i >= to && i < from) return i + 1;
  return i;
};

/** Renumbers the error keys of a section after its rows changed. */
export function remapRowErrors(errors: FieldErrors, section: string, newIndex: (index: number) => number | null): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(errors)) {
    const k = remapRowKey(key, section, newIndex);
    if (k !== null) out[k] = [...(out[k] ?? []), ...messages];
  }
  return out;
}

/** Same for a set of keys (touched or edited fields). */
export function remapRowKeys(keys: Iterable<string>, section: string, newIndex: (index: number) => number | null): Set<string> {
  const out = new Set<string>();
  for (const key of keys) {
    const k = remapRowKey(key, section, newIndex);
    if (k !== null) out.add(k);
  }
  return out;
}

export const plural = (n: number, word: string, pluralWord = `${word}s`) => `${n} ${n > 1 ? pluralWord : word}`;

/** The summary's heading: "Le formulaire contient N erreur(s)" (journeys check this wording). */
export const summaryTitle = (count: number) => `Le formulaire contient ${plural(count, 'erreur')}`;
