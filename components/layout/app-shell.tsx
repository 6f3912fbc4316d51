import Link from 'next/link';
import type { ReactNode } from 'react';

export interface AppShellProps {
  user: { name: string; roleLabel: string } | null;
  nav: { href: string; label: string }[];
  currentPath?: string;
  /** E.g. a client-side sign-out button. */
  signOutSlot?: ReactNode;
  children: ReactNode;
}

const CONTAINER = 'mx-auto w-full max-w-7xl px-4 sm:px-6';

/** The nav entry matching the current path; the longest prefix wins so nested entries stay unambiguous. */
function activeHref(nav: AppShellProps['nav'], currentPath?: string): string | undefined {
  if (!currentPath) return undefined;
  return nav
    .map((item) => item.href)
    .filter((href) => href === currentPath || currentPath.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
}

export function AppShell({ user, nav, currentPath, signOutSlot, children }: AppShellProps) {
  const active = activeHref(nav, currentPath);
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#contenu" className="skip-link">
        Aller au contenu
      </a>
      <header className="border-t-4 border-b border-t-primary-700 border-b-neutral-200 bg-white">
        <div className={`${CONTAINER} flex flex-wrap items-center justify-between gap-4 py-4`}>
          <Link href="/" className="flex flex-col">
            <span className="text-lg font-bold text-primary-700">Territoires d&apos;industrie</span>
            <span className="text-sm text-neutral-700">Pilotage des plans d&apos;actions</span>
            <span className="sr-only"> — accueil</span>
          </Link>
          {(user || signOutSlot) && (
            <div className="flex flex-wrap items-center gap-4">
              {user && (
                <p className="text-sm">
                  <span className="block font-semibold text-neutral-900">{user.name}</span>
                  <span className="block text-neutral-700">{user.roleLabel}</span>
                </p>
              )}
              {signOutSlot}
            </div>
          )}
        </div>
        {nav.length > 0 && (
          <nav aria-label="Navigation principale" className="border-t border-neutral-200">
            <ul className={`${CONTAINER} flex flex-wrap gap-x-4`}>
              {nav.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={item.href === active ? 'page' : undefined}
                    className="nav-link"
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="contenu" tabIndex={-1} className={`${CONTAINER} flex-1 py-8`}>
        {children}
      </main>
      <footer className="border-t border-neutral-200 bg-white">
        <div className={`${CONTAINER} flex flex-wrap items-center justify-between gap-4 py-6 text-sm text-neutral-700`}>
          <p>Territoires d&apos;industrie — outil de pilotage du programme</p>
          <Link href="/accessibilite" className="link">
            Accessibilité : partiellement conforme (auto-évaluation RGAA)
          </Link>
        </div>
      </footer>
    </div>
  );
}
