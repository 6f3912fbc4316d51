'use client';
// One click handler for every link inside a long table or list (issue 10, ADR 0026).
// The links themselves are plain <a href>: rendering a next/link per cell cost more on
// the server than the rest of the cell (its hooks and props, on every row of every
// table). A click on one of them, without a modifier key, still navigates inside the
// app (router.push, as next/link does: no full reload); a new tab, a download, another
// origin, an API route or an in-page anchor is left to the browser. Without JavaScript
// the links work as ordinary links.
import { useRouter } from 'next/navigation';
import { useCallback, type MouseEvent } from 'react';

/** Where a click on `anchor` should go inside the app, or null to let the browser follow it. */
export function softNavigationTarget(
  anchor: { href: string; target: string; hasAttribute(name: string): boolean },
  location: { href: string; origin: string; pathname: string; search: string },
): string | null {
  if (anchor.hasAttribute('download') || (anchor.target && anchor.target !== '_self')) return null;
  let url: URL;
  try {
    url = new URL(anchor.href, location.href);
  } catch {
    return null;
  }
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return null;
  // Same page, another anchor: the browser scrolls and moves the focus itself.
  if (url.hash && url.pathname === location.pathname && url.search === location.search) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** An onClick handler for a container of plain links. */
export function useSoftNavigation() {
  const router = useRouter();
  return useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!(anchor instanceof HTMLAnchorElement) || !event.currentTarget.contains(anchor)) return;
      const target = softNavigationTarget(anchor, window.location);
      if (!target) return;
      event.preventDefault();
      router.push(target);
    },
    [router],
  );
}
