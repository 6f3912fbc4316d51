import { describe, expect, it } from 'vitest';
import { planConflict, readConflict, resolveConflict } from '@/components/forms/conflict';
import { summarizeErrors } from '@/components/forms/errors';
import type { ActionDto } from '@/lib/actions/dto';
import { ACTION_FORM_FIELDS as FIELDS } from './action-form-fields';
import {
  actionConflict,
  actionErrorMap,
  buildPayload,
  comparableForm,
  newRow,
  touchKeyFor,
  validateAction,
  valuesFromDto,
  type FormRow,
} from './action-form-logic';

const dto: ActionDto = {
  id: 'a1',
  number: 3,
  reference: 'FA-3',
  territory: { slug: 'tarn-nord', name: 'Tarn Nord' },
  version: 5,
  position: 1,
  title: 'Achats groupés',
  description: 'Description',
  objectives: 'Objectifs',
  axes: ['ECOLOGICAL_TRANSITION'],
  phase: 'STUDY',
  status: 'IN_PROGRESS',
  priority: 'HIGH',
  startDate: '2026-01-01',
  endDate: null,
  pilot: 'Communauté de communes',
  partners: ['CCI', 'Région'],
  operators: [{ slug: 'ademe', name: 'ADEME' }],
  budgetCents: 18_000_000,
  financing: [{ financer: 'Fonds vert', operator: null, amountCents: 9_000_050, status: 'GRANTED' }],
  milestones: [{ id: 'm1', title: 'Groupement constitué', dueDate: '2026-03-31', doneAt: null }],
  indicators: [{ id: 'i1', name: 'Économies', kind: 'OTHER', unit: 'MWh/an', target: 1200, actual: 300.5, values: [] }],
  notes: '',
  links: ['https://example.org'],
  archivedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: null,
};

let n = 0;
const key = () => `k${++n}`;

describe('action form values and payload (from the registry metadata)', () => {
  it('round-trips a DTO into the update payload the schema accepts', () => {
    const values = valuesFromDto(dto, FIELDS, key);
    expect(values.budgetCents).toBe('180 000');
    expect(values.partners).toBe('CCI\nRégion');
    expect(values.operators).toEqual(['ademe']);
    expect((values.financing as FormRow[])[0]).toMatchObject({ financer: 'Fonds vert', operator: '', amountCents: '90 000,50' });
    expect((values.indicators as FormRow[])[0]).toMatchObject({ id: 'i1', target: '1200', actual: '300,5' });
    expect(values['@archivedAt']).toBe('—');

    const { data, errors } = validateAction(values, FIELDS, 'update', 5);
    expect(errors).toEqual({});
    expect(data).toMatchObject({
      version: 5,
      budgetCents: 18_000_000,
      partners: ['CCI', 'Région'],
      endDate: null,
      financing: [{ financer: 'Fonds vert', operator: null, amountCents: 9_000_050, status: 'GRANTED' }],
      milestones: [{ id: 'm1', title: 'Groupement constitué', dueDate: '2026-03-31', doneAt: null }],
      indicators: [{ id: 'i1', name: 'Économies', kind: 'OTHER', unit: 'MWh/an', target: 1200, actual: 300.5 }],
      links: ['https://example.org'],
    });
  });

  it('starts a new action with the defaults and new rows with theirs', () => {
    const values = valuesFromDto(undefined, FIELDS, key);
    expect([values.phase, values.status, values.priority]).toEqual(['IDEA', 'NOT_STARTED', 'MEDIUM']);
    const indicators = FIELDS.find((f) => f.key === 'indicators')!;
    const financing = FIELDS.find((f) => f.key === 'financing')!;
    expect(newRow(indicators, 'r1')).toEqual({ key: 'r1', name: '', kind: 'OTHER', unit: '', target: '', actual: '' });
    expect(newRow(financing, 'r2')).toMatchObject({ status: 'PLANNED', operator: '' });
    expect('version' in buildPayload(values, FIELDS, 'create', 0).data).toBe(false);
  });

  it('says in French what cannot be converted, under the row’s key', () => {
    const values = valuesFromDto(undefined, FIELDS, key);
    values.title = 'Titre';
    values.axes = ['SKILLS'];
    values.budgetCents = '12 abc';
    values.financing = [{ key: 'f', financer: 'État', operator: '', amountCents: '', status: 'PLANNED' }];
    values.milestones = [{ key: 'm', title: 'Jalon', dueDate: '', doneAt: '' }];
    values.indicators = [{ key: 'i', name: 'x', kind: 'OTHER', unit: 'u', target: 'douze', actual: '' }];
    const { errors } = validateAction(values, FIELDS, 'create', 0);
    expect(errors.budgetCents?.[0]).toMatch(/^Budget prévisionnel invalide : saisissez un nombre en euros/);
    expect(errors['financing.0.amountCents']).toEqual(['Montant : champ obligatoire.']);
    expect(errors['milestones.0.dueDate']).toEqual(['Échéance : champ obligatoire.']);
    expect(errors['indicators.0.target']?.[0]).toMatch(/^Cible invalide/);
  });

  it('maps error keys to controls and summary lines in form order', () => {
    const map = actionErrorMap(FIELDS, true);
    const items = summarizeErrors(
      { 'links.1': ['URL invalide.'], 'financing.0.amountCents': ['Montant invalide.'], title: ['Le titre est obligatoire.'], 'axes': ['Cochez un axe.'], financing: ['Trop de lignes.'] },
      map,
    );
    expect(items).toEqual([
      { key: 'title', message: 'Le titre est obligatoire.', target: 'action-title' },
      { key: 'axes', message: 'Cochez un axe.', target: 'action-axes-0' },
      { key: 'financing', message: 'Trop de lignes.', target: 'action-financing-ajouter' },
      { key: 'financing.0.amountCents', message: 'Financement 1 : Montant invalide.', target: 'action-financing-0-amountCents' },
      { key: 'links.1', message: 'Liens (ligne 2) : URL invalide.', target: 'action-links' },
    ]);
    expect(actionErrorMap(FIELDS, false).target('operators.0')).toBeNull();
    const touchKey = touchKeyFor(FIELDS);
    expect([touchKey('partners.3'), touchKey('axes.0'), touchKey('financing.1.financer'), touchKey('title')]).toEqual([
      'partners',
      'axes',
      'financing.1.financer',
      'title',
    ]);
  });

  it('ignores row keys when telling whether the form changed', () => {
    const a = valuesFromDto(dto, FIELDS, key);
    const b = valuesFromDto(dto, FIELDS, key);
    const compare = comparableForm(FIELDS);
    expect(JSON.stringify(compare(a))).toBe(JSON.stringify(compare(b)));
    b.budgetCents = '180000';
    expect(JSON.stringify(compare(a))).toBe(JSON.stringify(compare(b)));
    b.pilot = 'Autre';
    expect(JSON.stringify(compare(a))).not.toBe(JSON.stringify(compare(b)));
  });
});

describe('action form conflict', () => {
  it('keeps the person’s objectives, takes the other pilot, reports the archive and rebases', () => {
    const adapter = actionConflict(FIELDS, (s) => (s === 'ademe' ? 'ADEME' : s), key);
    const base = valuesFromDto(dto, FIELDS, key);
    const mine = { ...base, objectives: 'Mes objectifs' };
    const theirsDto: ActionDto = { ...dto, version: 6, pilot: 'Agglomération', archivedAt: '2026-02-01T10:00:00.000Z' };
    const conflict = readConflict<ActionDto>({ action: theirsDto, changedFields: ['pilot', 'archivedAt'], baseVersion: 5 }, 'action', adapter.label)!;
    const plan = planConflict(adapter, conflict, mine, base);
    expect(plan.rows[0]).toMatchObject({ label: 'Pilote', mine: 'Communauté de communes', theirs: 'Agglomération', editable: true });
    expect(plan.rows[1]).toMatchObject({ field: 'archivedAt', mine: '—', editable: false });
    expect(plan.rows[1]!.theirs).toMatch(/2026/);
    expect(plan.choices.pilot).toBe('theirs');
    const { values, adopted, kept } = resolveConflict(adapter, plan, mine);
    expect(values.pilot).toBe('Agglomération');
    expect(values.objectives).toBe('Mes objectifs');
    expect(adopted).toEqual(['pilot']);
    expect(kept).toEqual([]);
    expect(validateAction(values, FIELDS, 'update', conflict.version).data).toMatchObject({ version: 6, pilot: 'Agglomération' });
  });

  it('shows rows and money as the history does', () => {
    const adapter = actionConflict(FIELDS, (s) => s, key);
    const values = valuesFromDto(dto, FIELDS, key);
    expect(adapter.display(values, 'budgetCents')).toMatch(/180\s000/);
    expect(adapter.display(values, 'financing')).toMatch(/^Fonds vert : 90\s001\s€ \(accordé\)$/);
    expect(adapter.display(values, 'operators')).toBe('ademe');
  });
});
