import { describe, expect, it } from 'vitest';
import type { CommitmentDto } from '@/lib/commitments/queries';
import {
  EMPTY_COMMITMENT,
  buildCommitmentPayload,
  commitmentConflictAdapter,
  commitmentFieldOf,
  commitmentFieldsClearedBy,
  commitmentValuesOf,
  isEuroUnit,
  type CommitmentValues,
} from './commitment-form-logic';

const filled: CommitmentValues = {
  ...EMPTY_COMMITMENT,
  operator: 'ademe',
  title: 'Fonds vert',
  scope: 'REGION',
  regionCode: '76',
  territory: 'ariege',
  unit: 'EUR',
  promised: '1 500 000,5',
  dueDate: '2027-06-30',
};

describe('buildCommitmentPayload', () => {
  it('builds the create payload: numbers parsed, only the place of the chosen scope, no version', () => {
    const { data, errors } = buildCommitmentPayload(filled, 'create', 3);
    expect(errors).toEqual({});
    expect(data).toEqual({
      operator: 'ademe',
      title: 'Fonds vert',
      description: '',
      axis: null,
      scope: 'REGION',
      regionCode: '76',
      unit: 'EUR',
      promised: 1500000.5,
      dueDate: '2027-06-30',
    });
  });

  it('sends the base version on update and requires what the update schema leaves optional', () => {
    const { data, errors } = buildCommitmentPayload({ ...filled, operator: '', scope: '', promised: '' }, 'update', 7);
    expect(data.version).toBe(7);
    expect(errors.operator).toEqual(['Opérateur : champ obligatoire.']);
    expect(errors.scope).toEqual(['La portée : champ obligatoire.']);
    expect(errors.promised).toEqual(['Le promis : champ obligatoire.']);
  });

  it('reports a number it cannot read in French words, under the field key', () => {
    const { data, errors } = buildCommitmentPayload({ ...filled, promised: 'beaucoup' }, 'create', 1);
    expect(data.promised).toBeUndefined();
    expect(errors.promised).toEqual(['Saisissez un nombre, par exemple 1 500 000 ou 12,5.']);
  });

  it('refuses a territorial commitment without its territory', () => {
    const { errors } = buildCommitmentPayload({ ...filled, scope: 'TERRITORY', territory: '' }, 'create', 1);
    expect(Object.keys(errors).map(commitmentFieldOf)).toContain('territory');
  });
});

describe('commitmentValuesOf', () => {
  it('starts empty and reads a DTO back into what the fields show', () => {
    expect(commitmentValuesOf(undefined)).toEqual(EMPTY_COMMITMENT);
    const dto = {
      operator: { slug: 'bpi', name: 'Bpifrance' },
      title: 'Prêts',
      description: '',
      axis: null,
      scope: 'TERRITORY',
      region: null,
      territory: { slug: 'ariege', name: 'Ariège' },
      unit: 'entreprises',
      promised: 12.5,
      dueDate: null,
    } as unknown as CommitmentDto;
    expect(commitmentValuesOf(dto)).toEqual({ ...EMPTY_COMMITMENT, operator: 'bpi', title: 'Prêts', scope: 'TERRITORY', territory: 'ariege', unit: 'entreprises', promised: '12,5' });
  });
});

describe('error keys and units', () => {
  it('maps keys to fields, and a scope change clears the place errors', () => {
    expect(commitmentFieldOf('promised')).toBe('promised');
    expect(commitmentFieldOf('_')).toBeNull();
    expect(commitmentFieldOf('delivered')).toBeNull();
    expect(commitmentFieldsClearedBy('scope')).toEqual(['scope', 'regionCode', 'territory']);
    expect(commitmentFieldsClearedBy('title')).toEqual(['title']);
  });

  it('recognises the ways of writing euros', () => {
    expect(['EUR', '€', 'euros', ' Euro '].every(isEuroUnit)).toBe(true);
    expect(isEuroUnit('entreprises')).toBe(false);
  });
});

describe('commitmentConflictAdapter', () => {
  const options = {
    operators: [{ slug: 'ademe', name: 'ADEME' }],
    regions: [{ code: '76', name: 'Occitanie' }],
    territories: [{ slug: 'ariege', name: 'Ariège', regionCodes: ['76'] }],
  };
  const saved = {
    version: 5,
    operator: { slug: 'ademe', name: 'ADEME' },
    title: 'Fonds vert (révisé)',
    description: '',
    axis: null,
    scope: 'REGION',
    region: { code: '76', name: 'Occitanie' },
    territory: null,
    unit: 'EUR',
    promised: 2000000,
    delivered: 500000,
    dueDate: '2027-06-30',
    status: 'IN_PROGRESS',
    actions: [],
  } as unknown as CommitmentDto;
  const conflict = { dto: saved, entity: 'Commitment', changedFields: ['title', 'promised', 'delivered'], changedFieldLabels: [], baseVersion: 4, version: 5, changedBy: 'Camille', changedAt: null };

  it('keeps what the person changed, takes the rest, and only reports what the form does not edit', async () => {
    const { planConflict, resolveConflict } = await import('@/components/forms/conflict');
    const adapter = commitmentConflictAdapter(options);
    const base = { ...filled, title: 'Fonds vert', promised: '1 500 000' };
    const mine = { ...base, promised: '1 800 000' };
    const plan = planConflict(adapter, { ...conflict, changedFieldLabels: ['Intitulé', 'Promis', 'Réalisé'] }, mine, base);
    expect(plan.choices).toEqual({ title: 'theirs', promised: 'mine', delivered: 'theirs' });
    const delivered = plan.rows.find((r) => r.field === 'delivered');
    expect(delivered?.editable).toBe(false);
    expect(delivered?.theirs).toMatch(/500\s000\s€/);
    expect(plan.rows.find((r) => r.field === 'promised')?.mine).toMatch(/1\s800\s000\s€/);
    const { values } = resolveConflict(adapter, plan, mine);
    expect(values.title).toBe('Fonds vert (révisé)');
    expect(values.promised).toBe('1 800 000');
    // Resubmitted on the saved version.
    expect(buildCommitmentPayload(values, 'update', 5).data.version).toBe(5);
  });

  it('compares amounts by their value, not their spelling', () => {
    const adapter = commitmentConflictAdapter(options);
    expect(adapter.compare({ ...filled, promised: '1 500 000' }, 'promised')).toBe(adapter.compare({ ...filled, promised: '1500000' }, 'promised'));
    expect(adapter.display({ ...filled, regionCode: '76' }, 'regionCode')).toBe('Occitanie');
    expect(adapter.display({ ...filled, dueDate: '' }, 'dueDate')).toBe('Aucune');
  });
});
