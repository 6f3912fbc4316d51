import { describe, expect, it } from 'vitest';
import type { CommitteeDto, LinkableTerritory } from '@/lib/committees/queries';
import {
  buildCommitteePayload,
  checkboxId,
  committeeConflictAdapter,
  committeeErrorMap,
  committeeTouchKey,
  committeeErrorTarget,
  committeeFieldOf,
  committeeValuesOf,
  filterActionGroups,
  lineOf,
  type CommitteeValues,
} from './committee-form-logic';

const values: CommitteeValues = {
  title: 'Revue régionale',
  date: '2026-11-20',
  attendees: '  Préfète de région \n\nPrésidente du conseil régional\n',
  decisions: 'Poursuivre.',
  actionIds: ['c', 'x', 'a'],
};

describe('buildCommitteePayload', () => {
  it('sends one attendee per non-blank line and the actions in list order, unknown ids last', () => {
    const { data, errors } = buildCommitteePayload(values, 'create', 0, ['a', 'b', 'c']);
    expect(errors).toEqual({});
    expect(data).toEqual({
      title: 'Revue régionale',
      date: '2026-11-20',
      attendees: ['Préfète de région', 'Présidente du conseil régional'],
      decisions: 'Poursuivre.',
      actionIds: ['a', 'c', 'x'],
    });
  });

  it('carries the base version on update and requires the date', () => {
    const { data, errors } = buildCommitteePayload({ ...values, date: '' }, 'update', 5, []);
    expect(data.version).toBe(5);
    expect(errors.date).toEqual(['La date du comité est obligatoire.']);
  });

  it('names a duplicated attendee', () => {
    const { errors } = buildCommitteePayload({ ...values, attendees: 'Préfète\npréfète' }, 'create', 0, []);
    expect(errors.attendees).toEqual(['Un participant figure deux fois.']);
  });
});

describe('error keys', () => {
  it('maps item keys to their field and line, and links to the field or the first checkbox', () => {
    expect(committeeFieldOf('attendees.2')).toBe('attendees');
    expect(committeeFieldOf('_')).toBeNull();
    expect(lineOf('attendees.2')).toBe(3);
    expect(lineOf('title')).toBeNull();
    expect(committeeErrorTarget('title', null)).toBe('comite-titre');
    expect(committeeErrorTarget('actionIds.0', 'a1')).toBe(checkboxId('a1'));
    expect(committeeErrorTarget('actionIds', null)).toBe('comite-actions-filtre');
    expect(committeeErrorTarget('_', null)).toBeNull();
  });
});

describe('committeeValuesOf', () => {
  it('reads the page’s initial values or a DTO', () => {
    expect(committeeValuesOf(undefined).actionIds).toEqual([]);
    expect(committeeValuesOf({ id: '1', version: 2, title: 'T', date: '2026-01-02', attendees: ['A', 'B'], decisions: '', actionIds: ['z'] })).toEqual({
      title: 'T',
      date: '2026-01-02',
      attendees: 'A\nB',
      decisions: '',
      actionIds: ['z'],
    });
  });
});

describe('filterActionGroups', () => {
  const groups = [
    { territory: { slug: 'ariege', name: 'Ariège' }, actions: [{ id: '1', reference: 'FA-1', title: 'Friche Élan', status: 'IN_PROGRESS', archived: false, territory: { slug: 'ariege', name: 'Ariège' } }] },
    { territory: { slug: 'tarn', name: 'Tarn Nord' }, actions: [{ id: '2', reference: 'FA-2', title: 'Compétences', status: 'IN_PROGRESS', archived: false, territory: { slug: 'tarn', name: 'Tarn Nord' } }] },
    { territory: { slug: 'vide', name: 'Vide' }, actions: [] },
  ] as LinkableTerritory[];

  it('matches references, title words and territory names without case or accents', () => {
    expect(filterActionGroups(groups, 'elan').map((g) => g.territory.slug)).toEqual(['ariege']);
    expect(filterActionGroups(groups, 'ARIEGE').map((g) => g.territory.slug)).toEqual(['ariege']);
    expect(filterActionGroups(groups, 'fa-2').map((g) => g.territory.slug)).toEqual(['tarn']);
    expect(filterActionGroups(groups, 'rien')).toEqual([]);
    expect(filterActionGroups(groups, '  ').map((g) => g.territory.slug)).toEqual(['ariege', 'tarn']);
  });
});

describe('committee conflict and summary', () => {
  it('offers per-field choices and names actions the picker does not list from the saved DTO', async () => {
    const { planConflict, resolveConflict } = await import('@/components/forms/conflict');
    const adapter = committeeConflictAdapter((id) => (id === 'a' ? 'Ariège — FA-1 : Friche' : undefined));
    const saved = {
      version: 4,
      title: 'Revue (corrigée)',
      date: '2026-11-20',
      attendees: ['Préfète de région'],
      decisions: 'Poursuivre.',
      actions: [{ id: 'z', reference: 'FA-9', title: 'Hors liste', territory: { slug: 't', name: 'Tarn' } }],
    } as unknown as CommitteeDto;
    const base = { ...values, attendees: 'Préfète de région', actionIds: ['a'] };
    const mine = { ...base, attendees: 'Préfète de région\nPrésident du département' };
    const conflict = { dto: saved, entity: 'Committee', changedFields: ['title', 'actionIds'], changedFieldLabels: [], baseVersion: 3, version: 4, changedBy: 'Camille', changedAt: null };
    const plan = planConflict(adapter, { ...conflict, changedFieldLabels: ['Titre', 'Actions examinées'] }, mine, base);
    expect(plan.choices).toEqual({ title: 'theirs', actionIds: 'theirs' });
    expect(plan.rows[1]).toMatchObject({ mine: 'Ariège — FA-1 : Friche', theirs: 'Tarn — FA-9 : Hors liste' });
    const resolved = resolveConflict(adapter, plan, mine);
    expect(resolved.values).toMatchObject({ title: 'Revue (corrigée)', attendees: 'Préfète de région\nPrésident du département', actionIds: ['z'] });
  });

  it('prefixes summary lines with the field and the line of an item', () => {
    const map = committeeErrorMap('a1');
    expect(map.text?.('attendees.1', 'Un seul participant par ligne.')).toBe('Participants (ligne 2) : Un seul participant par ligne.');
    expect(map.text?.('_', 'Refusé.')).toBe('Refusé.');
    expect(map.target('actionIds.0')).toBe(checkboxId('a1'));
    expect(committeeTouchKey('attendees.3')).toBe('attendees');
  });
});
