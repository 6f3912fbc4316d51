// Where a password change or reset ends the account's sessions. The revocable sessions come
// from the security work (lib/auth/sessions.ts, branch feat/sec-auth); until it is merged
// this is the one place to wire them (see ADR 0013).
import type { Tx } from '@/lib/db';

export async function revokeSessionsAfterPasswordChange(_tx: Tx, _userId: string, _reason: string): Promise<void> {
  // Wired to revokeAllSessions once lib/auth/sessions.ts exists.
}
