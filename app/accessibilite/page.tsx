import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Accessibilité' };

export default function AccessibilityPage() {
  return (
    <main id="contenu" className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-bold">Déclaration d&apos;accessibilité</h1>
      <p className="mt-4">
        Cet outil vise la conformité au RGAA 4.1 (WCAG 2.1 niveau AA). Chaque page est utilisable au clavier, avec un
        focus visible, des contrôles étiquetés et des tableaux équivalents aux graphiques et cartes.
      </p>
      <p className="mt-4">
        État : auto-évaluation, contrôles automatisés (axe) à chaque version. Signalez toute difficulté à l&apos;équipe
        nationale du programme.
      </p>
      <p className="mt-6">
        <Link href="/" className="font-semibold underline">
          Retour à l&apos;accueil
        </Link>
      </p>
    </main>
  );
}
