import Link from 'next/link';
import type { ReactNode } from 'react';

export interface Breadcrumb {
  href: string;
  label: string;
}

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** Trail ending with the current page (rendered as text with aria-current="page"). */
  breadcrumbs?: Breadcrumb[];
  actions?: ReactNode;
}

export function PageHeader({ title, description, breadcrumbs, actions }: PageHeaderProps) {
  return (
    <div className="mb-8">
      {breadcrumbs && breadcrumbs.length > 0 && (
        <nav aria-label="Fil d'Ariane" className="mb-4">
          <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-neutral-700">
            {breadcrumbs.map((crumb, index) => {
              const last = index === breadcrumbs.length - 1;
              return (
                <li key={`${crumb.href}-${index}`} className="flex items-center gap-2">
                  {index > 0 && <span aria-hidden="true">›</span>}
                  {last ? (
                    <span aria-current="page" className="font-medium text-neutral-900">
                      {crumb.label}
                    </span>
                  ) : (
                    <Link href={crumb.href} className="link">
                      {crumb.label}
                    </Link>
                  )}
                </li>
              );
            })}
          </ol>
        </nav>
      )}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 max-w-3xl">
          <h1 className="text-2xl font-bold text-neutral-900 sm:text-3xl">{title}</h1>
          {description && <div className="mt-2 text-neutral-700">{description}</div>}
        </div>
        {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
      </div>
    </div>
  );
}
