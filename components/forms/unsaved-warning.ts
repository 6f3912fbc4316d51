'use client';

// Unsaved-changes warning: the browser's own prompt on reload/close/typed URL (beforeunload),
// and a confirmation before following an in-app link (Next.js has no navigation event to veto).
import { useCallback, useEffect, useRef } from 'react';

export const UNSAVED_MESSAGE = 'Vos modifications ne sont pas enregistrées. Quitter la page sans les enregistrer ?';

/** A link click that leaves the page within the app (same origin, another path or query). */
export function isLeavingClick(event: MouseEvent, location: Location): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = (event.target as Element | null)?.closest?.('a[href]');
  if (!(anchor instanceof HTMLAnchorElement)) return null;
  if (anchor.target && anchor.target !== '_self') return null;
  if (anchor.hasAttribute('download')) return null;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin) return null;
  if (url.pathname === location.pathname && url.search === location.search) return null; // in-page anchor
  return url.href;
}

/**
 * While `active`, warns before the page is left. Returns `allowLeave()`: call it just before a
 * navigation the form starts itself (after a save), so that it is not questioned.
 */
export function useUnsavedWarning(active: boolean, message: string = UNSAVED_MESSAGE): { allowLeave: () => void } {
  const state = useRef({ active, message, allowed: false });
  useEffect(() => {
    state.current.active = active;
    state.current.message = message;
  });
  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (!state.current.active || state.current.allowed) return;
      e.preventDefault();
      // Older browsers read returnValue.
      e.returnValue = '';
    };
    const click = (e: MouseEvent) => {
      if (!state.current.active || state.current.allowed) return;
      if (!isLeavingClick(e, window.location)) return;
      if (window.confirm(state.current.message)) {
        state.current.allowed = true;
        return;
      }
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, []);
  const allowLeave = useCallback(() => {
    state.current.allowed = true;
  }, []);
  return { allowLeave };
}
