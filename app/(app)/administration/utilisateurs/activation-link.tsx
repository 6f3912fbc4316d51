'use client';

// The activation link, shown once after an invitation.
import { ShownOnceSecret } from '@/components/secrets/shown-once-secret';

export function ActivationLink({ url, id = 'lien-activation' }: { url: string; id?: string }) {
  return (
    <ShownOnceSecret
      id={id}
      label="Lien d’activation à transmettre"
      help="Un courriel contenant ce lien part vers la personne invitée (suivi dans Administration › Courriels). Valable 7 jours, utilisable une seule fois, il ne sera plus affiché ici : copiez-le si vous voulez aussi le transmettre vous-même."
      value={url}
      copyLabel="Copier le lien"
      copiedMessage="Lien copié dans le presse-papiers."
      copyFailedMessage="Copie impossible : sélectionnez le lien et copiez-le (Ctrl+C)."
    />
  );
}
