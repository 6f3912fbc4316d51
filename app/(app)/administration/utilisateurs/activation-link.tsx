'use client';

// The activation link, shown once after an invitation: selectable text and a copy button.
import { useState } from 'react';
import { Button } from '@/components/ui/button';

export function ActivationLink({ url, id = 'lien-activation' }: { url: string; id?: string }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Lien copié dans le presse-papiers.');
    } catch {
      setStatus('Copie impossible : sélectionnez le lien et copiez-le (Ctrl+C).');
      document.getElementById(id)?.focus();
    }
  };
  return (
    <div className="mt-3 space-y-2">
      <label htmlFor={id} className="block font-medium">
        Lien d’activation à transmettre
      </label>
      <p id={`${id}-aide`} className="text-sm">
        Un courriel contenant ce lien part vers la personne invitée (suivi dans Administration › Courriels). Valable 7 jours,
        utilisable une seule fois, il ne sera plus affiché ici : copiez-le si vous voulez aussi le transmettre vous-même.
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          readOnly
          value={url}
          aria-describedby={`${id}-aide`}
          onFocus={(e) => e.currentTarget.select()}
          className="block min-w-0 flex-1 rounded border border-neutral-500 bg-white px-3 py-2 font-mono text-sm text-neutral-900"
        />
        <Button type="button" variant="secondary" onClick={() => void copy()}>
          Copier le lien
        </Button>
      </div>
      <p aria-live="polite" className="text-sm">
        {status}
      </p>
    </div>
  );
}
