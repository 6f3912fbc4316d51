import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('client address', () => {
  it('ignores X-Forwarded-For unless a proxy is trusted', () => {
    expect(clientAddress({ 'x-forwarded-for': '6.6.6.6' }, 0)).toBeNull();
  });

  it('takes the entry the trusted proxies appended, not what the client wrote', () => {
    const h = new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.5' });
    expect(clientAddress(h, 1)).toBe('203.0.113.5');
    expect(clientAddress({ 'x-forwarded-for': '6.6.6.6, 203.0.113.5, 10.0.0.2' }, 2)).toBe('203.0.113.5');
    // Shorter than the chain: the request did not come through the proxies.
    expect(clientAddress({ 'x-forwarded-for': '203.0.113.5' }, 2)).toBeNull();
  });

  it('normalises IPv4-mapped, bracketed and ported forms, refuses garbage', () => {
    expect(clientAddress({ 'x-forwarded-for': '::ffff:192.0.2.1' }, 1)).toBe('192.0.2.1');
    expect(clientAddress({ 'x-forwarded-for': '[2001:DB8::1]:443' }, 1)).toBe('2001:db8::1');
    expect(clientAddress({ 'x-forwarded-for': '192.0.2.1:5555' }, 1)).toBe('192.0.2.1');
    expect(clientAddress({ 'x-forwarded-for': 'evil' }, 1)).toBeNull();
    expect(clientAddress({}, 1)).toBeNull();
  });
});
