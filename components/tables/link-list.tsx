'use client';
// A list of links with a short text after each, from compact items (ADR 0023): as
// components/tables/data-table, a client component so that the page's payload carries
// the items, not the rendered list a second time.
import Link from 'next/link';

export interface LinkItem {
  /** Link text. */
  l: string;
  /** Target (after `hrefPrefix`). */
  h: string;
  /** Text after the link (after `sep`), e.g. "3 actions bloquées". */
  s?: string;
}

export function LinkList({
  items,
  className,
  hrefPrefix = '',
  sep = '',
}: {
  items: LinkItem[];
  className?: string;
  /** Common start of every target (sent once instead of once per item). */
  hrefPrefix?: string;
  /** Common text between each link and its `s`, e.g. " — dernière mise à jour : ". */
  sep?: string;
}) {
  return (
    <ul className={className}>
      {items.map((item, i) => (
        <li key={i}>
          <Link prefetch={false} className="link" href={`${hrefPrefix}${item.h}`}>
            {item.l}
          </Link>
          {item.s !== undefined ? `${sep}${item.s}` : null}
        </li>
      ))}
    </ul>
  );
}
