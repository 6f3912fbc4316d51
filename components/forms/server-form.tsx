'use client';

// A small form bound to a server action: works without JavaScript, shows the
// action's French message (and per-field errors) in place when it fails.
import { useActionState, type ReactNode } from 'react';
import { Alert, AlertList } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';

export type ServerFormState = { ok: boolean; message: string; errors?: Record<string, string[]> } | null;

export function ServerForm({
  action,
  hidden = {},
  children,
  submitLabel,
  pendingLabel = 'Envoi…',
  variant = 'primary',
  className,
  submitName,
  submitValue,
  extraButtons,
  submitAriaLabel,
}: {
  action: (state: ServerFormState, form: FormData) => Promise<ServerFormState>;
  hidden?: Record<string, string | number>;
  children?: ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  className?: string;
  submitName?: string;
  submitValue?: string;
  extraButtons?: ReactNode;
  submitAriaLabel?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = Object.values(state?.errors ?? {}).flat();
  return (
    <form action={formAction} className={className}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state && (
        <Alert tone={state.ok ? 'success' : 'error'} className="mb-4">
          {state.message}
          <AlertList items={errors} />
        </Alert>
      )}
      {children}
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          name={submitName}
          value={submitValue}
          disabled={pending}
          aria-label={submitAriaLabel}
          className={buttonClasses(variant, 'md')}
        >
          {pending ? pendingLabel : submitLabel}
        </button>
        {extraButtons}
      </div>
    </form>
  );
}
