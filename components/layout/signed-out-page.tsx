// The narrow page of the signed-out journeys that set a password from an e-mailed link
// (activation, reset, forgotten password): brand line, title, content, a way back.
import Link from 'next/link';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';

/** An e-mailed link is a credential: its page is not indexed, never sent on as a referrer. */
export const credentialLinkMetadata = (title: string): Metadata => ({
  title,
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
});

export function SignedOutPage({ title, back, children }: { title: string; back: { href: string; label: string }; children: ReactNode }) {
  return (
    <main id="contenu" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <p className="text-sm font-semibold uppercase tracking-wide text-primary-700">Territoires d&apos;industrie</p>
      <h1 className="mt-2 text-3xl font-bold text-neutral-900">{title}</h1>
      {children}
      <p className="mt-8">
        <Link href={back.href} className="link">
          {back.label}
        </Link>
      </p>
    </main>
  );
}

/** The link is unusable: said at once (role="alert"), with what to do next. */
export function DeadLinkMessage({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="mt-6 rounded border-l-4 border-danger-600 bg-danger-50 p-4 text-danger-800">
      {children}
    </div>
  );
}
