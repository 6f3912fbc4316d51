// A password change or reset ends every session of the account, in the transaction that
// changes the password (server-side sessions, lib/auth/sessions.ts, ADR 0012), and is logged.
import type { Tx } from '@/lib/db';
import { revokeAllSessions } from '@/lib/auth/sessions';
import { securityLog } from '@/lib/security-log';

export async function revokeSessionsAfterPasswordChange(tx: Tx, userId: string, reason: 'password-changed' | 'password-reset'): Promise<void> {
  await revokeAllSessions(tx, userId, reason);
  securityLog.info({ event: reason === 'password-reset' ? 'password.reset' : 'password.changed', userId });
}
