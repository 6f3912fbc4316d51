// The French message shown when sign-in attempts are throttled (shared by the
// sign-in route's 429 and the sign-in form; no server imports).

/** next-auth `error` value carrying the wait: `TooManyAttempts:<seconds>`. */
export const THROTTLED_ERROR = 'TooManyAttempts';

export function formatWait(seconds: number): string {
  if (seconds < 60) return seconds <= 1 ? '1 seconde' : `${seconds} secondes`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

export function throttledMessage(seconds: number): string {
  return `Trop de tentatives de connexion. Pour protéger le compte, réessayez dans ${formatWait(seconds)}.`;
}

/** The wait carried by a next-auth error value, or null when it is another error. */
export function parseThrottledError(error: string | null | undefined): number | null {
  const match = error ? new RegExp(`^${THROTTLED_ERROR}:(\\d{1,6})$`).exec(error) : null;
  return match?.[1] ? Number(match[1]) : null;
}
