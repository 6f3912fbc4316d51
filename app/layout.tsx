import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: "Territoires d'industrie — pilotage", template: "%s — Territoires d'industrie" },
  description: "Pilotage des plans d'actions du programme Territoires d'industrie.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr">
      <body>{children}</body>
    </html>
  );
}
