import { describe, expect, it } from 'vitest';
import { planConflict, readConflict, resolveConflict } from '@/components/forms/conflict';
import { territoryConflictAdapter, territoryFormValues, territoryPayload, type TerritoryFormSource } from './territory-form-logic';

const source = (over: Partial<TerritoryFormSource> = {}): TerritoryFormSource => ({
  name: 'Ariège',
  officialId: 'ti-0901',
  phase: 'NEW',
  status: 'ACTIVE',
  epcis: [{ siren: '200066124' }],
  departements: [{ code: '09' }],
  regions: [{ code: '76' }],
  population: 1000,
  version: 3,
  ...over,
});

describe('territory form logic', () => {
  it('builds the payload with its base version and the server’s errors', () => {
    const values = territoryFormValues(source());
    expect(territoryPayload(values, 3)).toEqual({
      data: { name: 'Ariège', officialId: 'ti-0901', phase: 'NEW', status: 'ACTIVE', epcis: ['200066124'], version: 3 },
      errors: {},
    });
    const bad = territoryPayload({ ...values, name: ' ', epcis: '12' }, 3).errors;
    expect(bad.name).toBeDefined();
    expect(bad['epcis.0']).toBeDefined();
  });

  it('resolves a conflict field by field; derived fields are reported, not edited', () => {
    const base = territoryFormValues(source());
    const mine = { ...base, name: 'Ariège Pyrénées' };
    const theirsDto = source({ name: 'Ariège (autre)', status: 'SUSPENDED', population: 2000, version: 4 });
    const conflict = readConflict<TerritoryFormSource>(
      { territory: theirsDto, changedFields: ['name', 'status', 'population'], changedFieldLabels: ['Nom', 'Statut', 'Population'], version: 4 },
      'territory',
    );
    if (!conflict) throw new Error('no conflict read');
    const plan = planConflict(territoryConflictAdapter, conflict, mine, base);
    expect(plan.choices).toEqual({ name: 'mine', status: 'theirs', population: 'theirs' });
    expect(plan.rows.find((r) => r.field === 'population')).toMatchObject({ editable: false, theirs: '2\u202f000' });
    const { values, kept, adopted } = resolveConflict(territoryConflictAdapter, plan, mine);
    expect(values).toMatchObject({ name: 'Ariège Pyrénées', status: 'SUSPENDED' });
    expect(kept).toEqual(['name']);
    expect(adopted).toEqual(['status']);
  });
});
