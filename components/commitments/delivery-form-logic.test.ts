import { describe, expect, it } from 'vitest';
import type { CommitmentDto } from '@/lib/commitments/queries';
import { buildDeliveryPayload, deliveryConflictAdapter, deliveryFieldOf, deliveryValuesOf, selectableStatuses } from './delivery-form-logic';

describe('buildDeliveryPayload', () => {
  it('parses the French number and carries the base version', () => {
    expect(buildDeliveryPayload({ delivered: '80 000 000,25', status: 'IN_PROGRESS' }, 4)).toEqual({
      data: { version: 4, delivered: 80000000.25, status: 'IN_PROGRESS' },
      errors: {},
    });
  });

  it('asks for a number (0 when nothing is delivered yet) and refuses words', () => {
    expect(buildDeliveryPayload({ delivered: '', status: 'PLANNED' }, 1).errors.delivered).toEqual([
      'Le réalisé : champ obligatoire (0 si rien n’est encore réalisé).',
    ]);
    expect(buildDeliveryPayload({ delivered: 'dix', status: 'PLANNED' }, 1).errors.delivered).toEqual([
      'Saisissez un nombre, par exemple 250 000 ou 12,5.',
    ]);
  });
});

describe('delivery values and statuses', () => {
  it('reads the DTO with a decimal comma and maps error keys', () => {
    expect(deliveryValuesOf({ delivered: 12.5, status: 'LATE' })).toEqual({ delivered: '12,5', status: 'LATE' });
    expect(deliveryFieldOf('status')).toBe('status');
    expect(deliveryFieldOf('version')).toBeNull();
  });

  it('offers cancellation to national staff only, or when already cancelled', () => {
    expect(selectableStatuses('PLANNED', false)).not.toContain('CANCELLED');
    expect(selectableStatuses('PLANNED', true)).toContain('CANCELLED');
    expect(selectableStatuses('CANCELLED', false)).toContain('CANCELLED');
  });
});

describe('deliveryConflictAdapter', () => {
  it('takes the saved status, keeps the typed delivery and reports other fields with their saved value', async () => {
    const { planConflict, resolveConflict } = await import('@/components/forms/conflict');
    const adapter = deliveryConflictAdapter('EUR');
    const saved = { version: 3, delivered: 100, status: 'LATE', title: 'Nouveau titre', unit: 'EUR', description: '' } as unknown as CommitmentDto;
    const base = { delivered: '100', status: 'IN_PROGRESS' as const };
    const mine = { delivered: '250', status: 'IN_PROGRESS' as const };
    const conflict = { dto: saved, entity: null, changedFields: ['status', 'title'], changedFieldLabels: ['Statut', 'Intitulé'], baseVersion: 2, version: 3, changedBy: null, changedAt: null };
    const plan = planConflict(adapter, conflict, mine, base);
    expect(plan.rows.map((r) => [r.field, r.editable, r.theirs])).toEqual([
      ['status', true, 'Retard signalé'],
      ['title', false, 'Nouveau titre'],
    ]);
    expect(resolveConflict(adapter, plan, mine).values).toEqual({ delivered: '250', status: 'LATE' });
  });
});
