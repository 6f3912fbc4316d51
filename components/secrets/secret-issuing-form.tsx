'use client';

// A form whose success shows a secret once (a new API token, an invitation's activation link):
// a plain form post (works without JavaScript) whose failure is said above the fields, and
// whose success replaces the form until the person starts another round, from an empty form.
import { useActionState, useState, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { RequiredFieldsNote } from '@/components/ui/form';
import type { FieldErrors } from '@/lib/errors';

type IssuingState<S> = S | { ok: false; message: string; errors?: FieldErrors } | null;

export interface SecretIssuingFormProps<S extends { ok: true }> {
  action: (state: IssuingState<S>, form: FormData) => Promise<IssuingState<S>>;
  /** Title of the failure banner ("Le jeton n’a pas été créé"). */
  failureTitle: string;
  /** What replaces the form once the secret is issued; `again` starts a new, empty round. */
  issued: (state: S, again: () => void) => ReactNode;
  /** The fields and the submit button, given the per-field errors and whether it is sending. */
  children: (errors: FieldErrors, pending: boolean) => ReactNode;
}

export function SecretIssuingForm<S extends { ok: true }>(props: SecretIssuingFormProps<S>) {
  // A new round starts from an empty form (useActionState keeps the last result otherwise).
  const [round, setRound] = useState(0);
  return <Round key={round} {...props} again={() => setRound((r) => r + 1)} />;
}

function Round<S extends { ok: true }>({ action, failureTitle, issued, children, again }: SecretIssuingFormProps<S> & { again: () => void }) {
  const [state, formAction, pending] = useActionState<IssuingState<S>, FormData>(action, null);
  if (state?.ok) return <>{issued(state, again)}</>;
  return (
    <form action={formAction} className="space-y-6" aria-busy={pending}>
      {state && !state.ok && (
        <Alert tone="error" title={failureTitle}>
          <p>{state.message}</p>
        </Alert>
      )}
      <RequiredFieldsNote />
      {children(state?.errors ?? {}, pending)}
    </form>
  );
}
