// E-mail + password sign-in behind the throttle (ADR 0012): the attempt is counted
// first, the password verified only if the attempt is allowed, and every outcome
// logged (never the password). Refusals look the same for known and unknown e-mails.
import { checkCredentials } from '@/lib/users/queries';
import { accountKey, recordSuccess, reserveAttempt } from '@/lib/auth/throttle';
import { securityLog } from '@/lib/security-log';

export type PasswordSignIn =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export async function signInWithPassword(email: string, password: string, ip: string | null): Promise<PasswordSignIn> {
  const normalised = email.trim().toLowerCase();
  // A hash, not the e-mail: whatever was typed in the e-mail field stays out of the log.
  const account = accountKey(normalised).slice(0, 16);
  const gate = await reserveAttempt(normalised, ip);
  if (!gate.allowed) {
    securityLog.warn({ event: 'signin.throttled', account, ip, retryAfterSeconds: gate.retryAfterSeconds });
    return { ok: false, reason: 'throttled', retryAfterSeconds: gate.retryAfterSeconds };
  }
  const result = await checkCredentials(normalised, password, { accountLock: false });
  if (!result.ok) {
    securityLog.warn({ event: 'signin.failure', account, userId: result.userId ?? null, ip, provider: 'credentials' });
    return { ok: false, reason: 'invalid' };
  }
  await recordSuccess(normalised, ip);
  return result;
}
