import { describe, expect, it } from 'vitest';
import { parseThrottledError, throttledMessage } from './throttle-message';
import { delayAfter, THROTTLE_RULES } from './throttle';

describe('throttle message and delays', () => {
  it('tells the wait in French', () => {
    expect(throttledMessage(30)).toBe('Trop de tentatives de connexion. Pour protéger le compte, réessayez dans 30 secondes.');
    expect(throttledMessage(61)).toContain('réessayez dans 2 minutes');
    expect(throttledMessage(60)).toContain('réessayez dans 1 minute.');
  });

  it('reads the wait from next-auth’s error value only', () => {
    expect(parseThrottledError('TooManyAttempts:120')).toBe(120);
    expect(parseThrottledError('CredentialsSignin')).toBeNull();
    expect(parseThrottledError('TooManyAttempts:abc')).toBeNull();
    expect(parseThrottledError(null)).toBeNull();
  });

  it('grows delays from the free attempts on, bounded', () => {
    const r = THROTTLE_RULES['acct-ip'];
    expect([4, 5, 6, 7].map((n) => delayAfter(n, r))).toEqual([0, 30_000, 60_000, 120_000]);
    expect(delayAfter(1000, r)).toBe(r.maxDelayMs);
  });
});
