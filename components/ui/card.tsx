import Link from 'next/link';
import { useId, type ComponentProps, type ReactNode } from 'react';

export interface CardProps extends Omit<ComponentProps<'section'>, 'title'> {
  title?: ReactNode;
  headingLevel?: 2 | 3;
  actions?: ReactNode;
}

const SURFACE = 'rounded-lg border border-neutral-200 bg-white';

/** Content block (<section>, labelled by its heading when titled). */
export function Card({ title, headingLevel = 2, actions, className, children, ...props }: CardProps) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={title ? headingId : undefined} className={`${SURFACE} p-6 ${className ?? ''}`} {...props}>
      {(title || actions) && (
        <div className="mb-4 flex flex-wrap items-start justify-between gap-4">
          {title && (
            <Heading id={headingId} className={headingLevel === 2 ? 'text-xl font-bold text-neutral-900' : 'text-lg font-semibold text-neutral-900'}>
              {title}
            </Heading>
          )}
          {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
        </div>
      )}
      {children}
    </section>
  );
}

export interface StatCardProps {
  label: ReactNode;
  value: ReactNode;
  hint?: ReactNode;
  /** Makes the whole card a link to the detailed view. */
  href?: string;
  className?: string;
}

/** Key figure. Its text (label, value, hint) forms the link name when `href` is set. */
export function StatCard({ label, value, hint, href, className }: StatCardProps) {
  const body = (
    <>
      <span className={`block text-sm font-medium ${href ? 'text-primary-700 underline underline-offset-2' : 'text-neutral-700'}`}>
        {label}
      </span>
      <span className="mt-2 block text-3xl font-bold tabular-nums text-neutral-900">{value}</span>
      {hint && <span className="mt-1 block text-sm text-neutral-700">{hint}</span>}
    </>
  );
  const classes = `block ${SURFACE} p-4 ${className ?? ''}`;
  return href ? (
    <Link href={href} className={`${classes} transition-colors hover:border-primary-700 hover:bg-primary-50`}>
      {body}
    </Link>
  ) : (
    <div className={classes}>{body}</div>
  );
}
