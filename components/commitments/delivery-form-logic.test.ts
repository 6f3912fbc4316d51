import { describe, expect, it } from 'vitest';
import { buildDeliveryPayload, deliveryFieldOf, deliveryValuesOf, selectableStatuses } from './delivery-form-logic';

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
    expect(selectableStatuses({ canManage: false, status: 'PLANNED' })).not.toContain('CANCELLED');
    expect(selectableStatuses({ canManage: true, status: 'PLANNED' })).toContain('CANCELLED');
    expect(selectableStatuses({ canManage: false, status: 'CANCELLED' })).toContain('CANCELLED');
  });
});
