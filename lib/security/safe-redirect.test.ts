import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '@/lib/security/safe-redirect';

const ORIGIN = 'https://territoires.example.org';

describe('safeRedirectPath', () => {
  it.each([
    ['/territoires/tarn-nord', '/territoires/tarn-nord'],
    ['/programme/actions?page=2&axis=SKILLS#liste', '/programme/actions?page=2&axis=SKILLS#liste'],
    ['https://territoires.example.org/regions/76', '/regions/76'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'], // stays an encoded path on our host
  ])('keeps the same-origin path %s', (input, expected) => {
    expect(safeRedirectPath(input, ORIGIN)).toBe(expected);
  });

  it.each([
    '/\\evil.example/', // "/%5Cevil.example/" once decoded
    '/\t/evil.example/', // "/%09/evil.example/" once decoded
    '/\n/evil.example',
    '\\\\evil.example',
    '//evil.example',
    '///evil.example',
    '/.//evil.example',
    'https://evil.example/',
    'http://territoires.example.org/', // another scheme is another origin
    'https://territoires.example.org.evil.example/',
    'https://user:pass@territoires.example.org/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    ' //evil.example',
    '',
    'x'.repeat(3000),
  ])('refuses %j', (input) => {
    expect(safeRedirectPath(input, ORIGIN)).toBe('/');
  });

  it('refuses what is not a string', () => {
    expect(safeRedirectPath(['/a'], ORIGIN)).toBe('/');
    expect(safeRedirectPath(undefined, ORIGIN, '/connexion')).toBe('/connexion');
  });
});
