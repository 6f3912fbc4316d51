import Link from 'next/link';

/** Previous / next links that keep the list's filters and sort (the caller builds the URL). */
export function Pagination({ page, pages, href, label = 'Pagination' }: { page: number; pages: number; href: (page: number) => string; label?: string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="mt-6 flex flex-wrap items-center gap-4">
      {page > 1 && (
        <Link className="link" href={href(page - 1)}>
          ← Page précédente
        </Link>
      )}
      <span aria-current="page">
        Page {page} sur {pages}
      </span>
      {page < pages && (
        <Link className="link" href={href(page + 1)}>
          Page suivante →
        </Link>
      )}
    </nav>
  );
}
