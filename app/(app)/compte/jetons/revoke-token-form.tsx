'use client';

import { ServerForm } from '@/components/forms/server-form';
import { revokeTokenForm } from './server-actions';

export function RevokeTokenForm({ id, name }: { id: string; name: string }) {
  return (
    <ServerForm
      action={revokeTokenForm}
      hidden={{ id }}
      submitLabel="Révoquer"
      pendingLabel="Révocation…"
      variant="danger"
      submitAriaLabel={`Révoquer le jeton « ${name} »`}
    />
  );
}
