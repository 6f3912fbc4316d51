'use client';

// Delivery update (delivered quantity and status), for national staff and the operator's
// own staff, on the form toolkit (components/forms, ADR 0019): what is typed survives a
// refused save; a concurrent update opens the one conflict panel (per field: keep mine /
// take theirs). The form stays on the page and confirms the saved delivery.
import { useMemo } from 'react';
import { useRouter } from 'next/navigation';
import { FormFeedback, SubmitBar } from '@/components/forms/form-feedback';
import { useForm } from '@/components/forms/use-form';
import { bindField } from '@/components/form-helpers/fields';
import { Select, TextInput } from '@/components/ui/form';
import type { CommitmentPermissions } from '@/lib/authz/policy';
import type { CommitmentDto } from '@/lib/commitments/queries';
import { COMMITMENT_STATUS_LABELS, formatQuantity } from '@/lib/commitments/labels';
import type { SaveCommitmentResult, SaveDeliveryInput } from '@/lib/commitments/save-results';
import {
  DELIVERY_ERROR_MAP,
  DELIVERY_FIELD_IDS as ID,
  buildDeliveryPayload,
  deliveryConflictAdapter,
  deliveryValuesOf,
  selectableStatuses,
  type DeliveryValues,
} from './delivery-form-logic';

export interface DeliveryFormProps {
  commitment: CommitmentDto;
  /** What the caller may do (lib/authz/policy.ts), beside the data. */
  permissions: CommitmentPermissions;
  saveDelivery: (input: SaveDeliveryInput) => Promise<SaveCommitmentResult>;
}

const SUBMIT_LABEL = 'Enregistrer la réalisation';

export function DeliveryForm({ commitment, permissions, saveDelivery }: DeliveryFormProps) {
  const router = useRouter();
  const conflict = useMemo(() => deliveryConflictAdapter(commitment.unit), [commitment.unit]);
  const form = useForm<DeliveryValues, CommitmentDto, Record<string, unknown>>({
    id: 'realisation',
    initialValues: () => deliveryValuesOf(commitment),
    baseVersion: commitment.version,
    validate: buildDeliveryPayload,
    save: (data) => saveDelivery({ id: commitment.id, data }),
    errorMap: DELIVERY_ERROR_MAP,
    conflict,
    afterSave: 'stay',
    // The page around the form (progress bar, alerts, history) shows the new delivery.
    onSaved: () => router.refresh(),
  });

  return (
    <form {...form.formProps} className="space-y-6">
      <FormFeedback form={form} submitLabel={SUBMIT_LABEL} />
      <div className="grid gap-6 sm:grid-cols-2">
        <TextInput
          label={`Réalisé à ce jour (${commitment.unit === 'EUR' ? 'euros' : commitment.unit})`}
          required
          inputMode="decimal"
          autoComplete="off"
          {...bindField(form, 'delivered', ID.delivered, { hint: `Cumul depuis le début ; promis : ${formatQuantity(commitment.promised, commitment.unit)}.` })}
        />
        <Select
          label="Statut"
          required
          options={selectableStatuses(commitment.status, permissions.canManage).map((s) => ({ value: s, label: COMMITMENT_STATUS_LABELS[s] }))}
          {...bindField(form, 'status', ID.status, {
            hint: permissions.canManage
              ? '« Réalisé » ou « Annulé » clôt l’engagement : il ne sera plus signalé en retard.'
              : '« Réalisé » clôt l’engagement : il ne sera plus signalé en retard. Seule l’équipe nationale peut l’annuler.',
          })}
        />
      </div>
      <SubmitBar form={form} label={SUBMIT_LABEL} />
    </form>
  );
}
