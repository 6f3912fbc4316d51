// Pure conversions between what people type in French number fields and the values the
// schemas expect. Money is parsed from its digits (never float arithmetic) into integer cents.

/** Spaces people (and copy-paste from spreadsheets) put between digit groups. */
const GROUP_SPACES = /[\s\u00a0\u202f\u2007\u2009]/g;

/**
 * "250000", "250 000", "250 000,50", "1.5", "12 €" → cents; "" → null;
 * anything else (letters, a sign, more than two decimals) → 'invalid'.
 */
export function parseEurosToCents(input: string): number | null | 'invalid' {
  const compact = input.replace(GROUP_SPACES, '').replace(/€$/, '');
  if (compact === '') return input.trim() === '' ? null : 'invalid';
  const match = /^(\d*)(?:[.,](\d{0,2}))?$/.exec(compact);
  if (!match) return 'invalid';
  const units = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (units === '' && fraction === '') return 'invalid';
  const cents = Number(units || '0') * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : 'invalid';
}

/** Groups thousands with plain spaces (easy to edit), decimal comma only when there are cents. */
export function formatCentsInput(cents: number | null): string {
  if (cents === null || !Number.isFinite(cents)) return '';
  const negative = cents < 0;
  const abs = Math.abs(Math.trunc(cents));
  const units = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const rest = abs % 100;
  return `${negative ? '-' : ''}${units}${rest ? `,${String(rest).padStart(2, '0')}` : ''}`;
}

/**
 * Decimal number with a comma or a point ("12,5", "-3", "1 200") → number; "" → null;
 * otherwise 'invalid'. Bounds and the number of decimals are left to the schema.
 */
export function parseDecimalInput(input: string): number | null | 'invalid' {
  const compact = input.replace(GROUP_SPACES, '');
  if (compact === '') return null;
  if (!/^[-+−]?(\d+([.,]\d*)?|[.,]\d+)$/.test(compact)) return 'invalid';
  const n = Number(compact.replace('−', '-').replace(',', '.'));
  return Number.isFinite(n) ? n : 'invalid';
}

/** A number as typed in a French field: decimal comma, no grouping. */
export function formatDecimalInput(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '';
  return String(n).replace('.', ',');
}
