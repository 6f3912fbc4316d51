'use client';
// A list of links with a short text after each, from compact items (ADR 0023): as
// components/tables/data-table, a client component so that the page's payload carries
// the items, not the rendered list a second time. Plain links with one click handler for
// in-app navigation, as in DataTable (ADR 0026).
import { useSoftNavigation } from '@/components/navigation/soft-navigation';

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
  const onClick = useSoftNavigation();
  return (
    <ul className={className} onClick={onClick}>
      {items.map((item, i) => (
        <li key={i}>
          <a className="link" href={`${hrefPrefix}${item.h}`}>
            {item.l}
          </a>
          {item.s !== undefined ? `${sep}${item.s}` : null}
        </li>
      ))}
    </ul>
  );
}
