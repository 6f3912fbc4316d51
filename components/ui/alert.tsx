import type { ComponentProps, ReactNode } from 'react';
import { TONES, type Tone } from './badge';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

const TONE_OF: Record<AlertTone, Tone> = { info: 'info', success: 'success', warning: 'warning', error: 'danger' };

export interface AlertProps extends Omit<ComponentProps<'div'>, 'title'> {
  tone?: AlertTone;
  title?: ReactNode;
}

/** Message banner: role="alert" for errors (interrupts), role="status" otherwise. `role` can be overridden. */
export function Alert({ tone = 'info', title, className, children, ...props }: AlertProps) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={`rounded border-l-4 p-4 ${TONES[TONE_OF[tone]].panel} ${className ?? ''}`}
      {...props}
    >
      {title && <p className="font-semibold">{title}</p>}
      {children && <div className={title ? 'mt-1' : undefined}>{children}</div>}
    </div>
  );
}

/** The reasons under an alert's message (a refused file, a refused form). */
export function AlertList({ items }: { items: string[] }) {
  if (!items.length) return null;
  return (
    <ul className="mt-2 list-disc pl-6">
      {items.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}
