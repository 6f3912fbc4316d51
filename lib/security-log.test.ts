import { describe, expect, it } from 'vitest';
import { captureSecurityLog, sanitize, securityLog } from './security-log';

describe('security log', () => {
  it('never writes a password, token, hash, cookie or session id, whatever the caller passes', () => {
    const log = captureSecurityLog();
    try {
      securityLog.info({
        event: 'password.changed',
        userId: 'u1',
        password: 'hunter2-secret',
        newPassword: 'n3w-secret',
        token: 'tok-secret',
        resetToken: 'reset-secret',
        sessionToken: 'st-secret',
        sid: 'sid-secret',
        passwordHash: '$argon2id$secret',
        headers: { cookie: 'next-auth.session-token=cookie-secret', authorization: 'Bearer bearer-secret' },
        nested: [{ apiToken: 'api-secret' }],
        note: 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..jwe-secret',
        tokenId: 'tok_123',
      });
      const raw = log.raw();
      for (const secret of ['hunter2', 'n3w-secret', 'tok-secret', 'reset-secret', 'st-secret', 'sid-secret', 'argon2id', 'cookie-secret', 'bearer-secret', 'api-secret', 'jwe-secret']) {
        expect(raw).not.toContain(secret);
      }
      const [line] = log.lines();
      expect(line).toMatchObject({ channel: 'security', level: 'info', event: 'password.changed', userId: 'u1', tokenId: 'tok_123' });
      expect(typeof line?.time).toBe('string');
    } finally {
      log.stop();
    }
  });

  it('keeps ordinary fields and dates', () => {
    expect(sanitize({ event: 'x', at: new Date('2026-01-01T00:00:00Z'), count: 2 })).toEqual({ event: 'x', at: '2026-01-01T00:00:00.000Z', count: 2 });
  });
});
