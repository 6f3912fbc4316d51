import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="contenu" className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-3xl font-bold">Page introuvable</h1>
      <p className="mt-4 text-neutral-700">
        Cette page n&apos;existe pas ou ne fait pas partie de votre périmètre.
      </p>
      <p className="mt-6">
        <Link href="/" className="font-semibold text-primary-700 underline">
          Retour à l&apos;accueil
        </Link>
      </p>
    </main>
  );
}
