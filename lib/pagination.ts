// Page numbers from the URL. Anything that is not a plain positive integer
// (`Infinity`, `1e400`, `-3`, `abc`, `2.5`) is page 1; a page past the end is the last page.
export function pageParam(raw: unknown): number {
  if (typeof raw !== 'string' || !/^\s*\d{1,9}\s*$/.test(raw)) return 1;
  const n = Number(raw);
  return n >= 1 ? n : 1;
}

export function lastPage(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function clampPage(page: number, total: number, pageSize: number): number {
  return Math.min(Math.max(1, Number.isSafeInteger(page) ? page : 1), lastPage(total, pageSize));
}
