import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  /** Typically a Button or ButtonLink. */
  action?: ReactNode;
}

export function EmptyState({ title, description, action }: EmptyStateProps) {
  return (
    <div className="rounded-lg border border-dashed border-neutral-400 bg-white px-6 py-12 text-center">
      <p className="text-lg font-semibold text-neutral-900">{title}</p>
      {description && <div className="mx-auto mt-2 max-w-prose text-neutral-700">{description}</div>}
      {action && <div className="mt-6 flex justify-center">{action}</div>}
    </div>
  );
}
