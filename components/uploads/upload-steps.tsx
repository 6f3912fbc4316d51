// The pieces of a preview-then-apply upload page (the official territory list, a plan
// workbook): the file field, the live status, the sections whose heading takes the focus
// when they appear, the refusal and the confirm/abandon pair. Each page keeps its own
// request and report; these keep the two pages alike for the keyboard and screen readers.
import type { ReactNode, RefObject } from 'react';
import { Alert, AlertList } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';

export function FileField(props: { id: string; label: string; help: ReactNode; accept: string; onFile: (file: File | null) => void }) {
  return (
    <div>
      <label htmlFor={props.id} className="block font-medium">
        {props.label}
      </label>
      <p id={`${props.id}-aide`} className="text-sm text-neutral-700">
        {props.help}
      </p>
      <input
        id={props.id}
        name="file"
        type="file"
        accept={props.accept}
        required
        aria-describedby={`${props.id}-aide`}
        className="mt-2 block"
        onChange={(e) => props.onFile(e.target.files?.[0] ?? null)}
      />
    </div>
  );
}

/** The live region every step is announced in. */
export function UploadStatus({ status }: { status: string }) {
  return (
    <div role="status" aria-live="polite" className="text-sm font-medium text-neutral-900">
      {status}
    </div>
  );
}

/** A step's section; its heading is focusable so the page can move the focus to it. */
export function StepSection({
  id,
  title,
  headingRef,
  spacing,
  children,
}: {
  id: string;
  title: ReactNode;
  headingRef: RefObject<HTMLHeadingElement | null>;
  spacing?: 'tight';
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={spacing === 'tight' ? 'space-y-2' : 'space-y-4'}>
      <h2 id={id} ref={headingRef} tabIndex={-1} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** "Import refusé": the server's message and its list of reasons. */
export function UploadRefused({
  id,
  headingRef,
  label,
  message,
  errors,
}: {
  id: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  label: string;
  message: string;
  errors: string[];
}) {
  return (
    <StepSection id={id} title="Import refusé" headingRef={headingRef} spacing="tight">
      <Alert tone="error" role="region" aria-label={label}>
        <p>{message}</p>
        <AlertList items={errors} />
      </Alert>
    </StepSection>
  );
}

export function ConfirmOrAbandon(props: { onConfirm: () => void; onAbandon: () => void; confirmDisabled?: boolean }) {
  return (
    <div className="flex flex-wrap gap-4">
      <button type="button" className={buttonClasses('primary', 'md')} disabled={props.confirmDisabled} onClick={props.onConfirm}>
        Confirmer l’import
      </button>
      <button type="button" className={buttonClasses('secondary', 'md')} onClick={props.onAbandon}>
        Abandonner
      </button>
    </div>
  );
}
