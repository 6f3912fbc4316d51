import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { connection } from 'next/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: "Territoires d'industrie — pilotage", template: "%s — Territoires d'industrie" },
  description: "Pilotage des plans d'actions du programme Territoires d'industrie.",
};

// Every page is rendered per request: Next.js can only nonce the scripts of a
// dynamic render (a prerendered page would have its scripts blocked by the CSP).
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="fr">
      <body>{children}</body>
    </html>
  );
}
