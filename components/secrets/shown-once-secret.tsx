'use client';

// A secret the server shows once (an API token, an activation link): read-only selectable
// text, a copy button, and a polite status saying whether the copy worked. The API-token
// and invitation panels were two near-copies of this.
import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';

export interface ShownOnceSecretProps {
  id: string;
  label: string;
  /** Why it matters and what to do with it; read with the field (aria-describedby). */
  help: ReactNode;
  value: string;
  copyLabel: string;
  /** "Lien copié…" / "Jeton copié…"; on failure the field receives focus (and selects). */
  copiedMessage: string;
  copyFailedMessage: string;
}

export function ShownOnceSecret({ id, label, help, value, copyLabel, copiedMessage, copyFailedMessage }: ShownOnceSecretProps) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus(copiedMessage);
    } catch {
      setStatus(copyFailedMessage);
      document.getElementById(id)?.focus();
    }
  };
  return (
    <div className="mt-3 space-y-2">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <p id={`${id}-aide`} className="text-sm">
        {help}
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          readOnly
          value={value}
          aria-describedby={`${id}-aide`}
          onFocus={(e) => e.currentTarget.select()}
          className="block min-w-0 flex-1 rounded border border-neutral-500 bg-white px-3 py-2 font-mono text-sm text-neutral-900"
        />
        <Button type="button" variant="secondary" onClick={() => void copy()}>
          {copyLabel}
        </Button>
      </div>
      <p aria-live="polite" className="text-sm">
        {status}
      </p>
    </div>
  );
}
