import { describe, expect, it } from 'vitest';
import { softNavigationTarget } from './soft-navigation';

const location = { href: 'https://ti.example/programme?region=76', origin: 'https://ti.example', pathname: '/programme', search: '?region=76' };
const anchor = (href: string, attrs: Record<string, string> = {}) => ({
  href: new URL(href, location.href).href,
  target: attrs.target ?? '',
  hasAttribute: (name: string) => name in attrs,
});

describe('softNavigationTarget', () => {
  it('navigates inside the app to a page of the same origin, query and anchor kept', () => {
    expect(softNavigationTarget(anchor('/programme/actions?axis=SKILLS'), location)).toBe('/programme/actions?axis=SKILLS');
    expect(softNavigationTarget(anchor('/territoires/tarn-nord#plan'), location)).toBe('/territoires/tarn-nord#plan');
    expect(softNavigationTarget(anchor('https://ti.example/regions/76'), location)).toBe('/regions/76');
  });

  it('leaves the browser in charge of another origin, an API route, a download, a new tab, an in-page anchor', () => {
    expect(softNavigationTarget(anchor('https://ailleurs.example/programme'), location)).toBeNull();
    expect(softNavigationTarget(anchor('/api/v1/exports/actions.csv'), location)).toBeNull();
    expect(softNavigationTarget(anchor('/programme/actions', { download: '' }), location)).toBeNull();
    expect(softNavigationTarget(anchor('/programme/actions', { target: '_blank' }), location)).toBeNull();
    expect(softNavigationTarget(anchor('/programme?region=76#carte'), location)).toBeNull();
    expect(softNavigationTarget(anchor('/programme/actions', { target: '_self' }), location)).toBe('/programme/actions');
  });
});
