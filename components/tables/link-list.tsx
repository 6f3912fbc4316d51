'use client';
// A list of links with a short text after each, from compact items (ADR 0023): as
// components/tables/data-table, a client component so that the page's payload carries
// the items, not the rendered list a second time.
import Link from 'next/link';

export interface LinkItem {
  /** Link text. */
  l: string;
  /** Target. */
  h: string;
  /** Text after the link (e.g. " — 3 actions bloquées"). */
  s?: string;
}

export function LinkList({ items, className }: { items: LinkItem[]; className?: string }) {
  return (
    <ul className={className}>
      {items.map((item, i) => (
        <li key={i}>
          <Link className="link" href={item.h}>
            {item.l}
          </Link>
          {item.s}
        </li>
      ))}
    </ul>
  );
}
