import { describe, expect, it } from 'vitest';
import {
  afterMove,
  afterRemove,
  groupErrors,
  parseKey,
  remapRowErrors,
  remapRowKeys,
  sortErrorKeys,
  summarizeErrors,
  summaryTitle,
  withoutKey,
  type ErrorMap,
} from './errors';

const map: ErrorMap = {
  order: ['title', 'budgetCents', 'financing'],
  rowFields: { financing: ['financer', 'amountCents'] },
  target: (key) => (key === 'unknown' ? null : `f-${key}`),
  text: (key, m) => (parseKey(key).index !== null ? `Ligne ${(parseKey(key).index ?? 0) + 1} : ${m}` : m),
};

describe('form error keys', () => {
  it('parses a key into field, row and row field', () => {
    expect(parseKey('financing.2.amountCents')).toEqual({ top: 'financing', index: 2, sub: 'amountCents' });
    expect(parseKey('title')).toEqual({ top: 'title', index: null, sub: undefined });
  });

  it('sorts keys in form order, then row, then column; unknown keys last', () => {
    expect(sortErrorKeys(['unknown', 'financing.1.financer', 'financing.0.amountCents', 'financing.0.financer', 'title'], map)).toEqual([
      'title',
      'financing.0.financer',
      'financing.0.amountCents',
      'financing.1.financer',
      'unknown',
    ]);
  });

  it('summarizes every message with its target and wording', () => {
    const items = summarizeErrors({ 'financing.0.amountCents': ['Montant invalide.'], unknown: ['A', 'B'], title: ['Titre requis.'] }, map);
    expect(items).toEqual([
      { key: 'title', message: 'Titre requis.', target: 'f-title' },
      { key: 'financing.0.amountCents', message: 'Ligne 1 : Montant invalide.', target: 'f-financing.0.amountCents' },
      { key: 'unknown', message: 'A', target: null },
      { key: 'unknown', message: 'B', target: null },
    ]);
    expect(summaryTitle(1)).toBe('Le formulaire contient 1 erreur');
    expect(summaryTitle(3)).toBe('Le formulaire contient 3 erreurs');
  });

  it('gathers a grouped control’s errors with their line', () => {
    expect(groupErrors({ links: ['Trop de liens.'], 'links.2': ['URL invalide.'], title: ['x'] }, 'links')).toEqual([
      'Trop de liens.',
      'Ligne 3 : URL invalide.',
    ]);
    expect(groupErrors({ 'axes.0': ['Axe inconnu.'] }, 'axes', 'Axe')).toEqual(['Axe 1 : Axe inconnu.']);
    expect(groupErrors({}, 'links')).toBeUndefined();
  });

  it('removes a key (and its items) without copying when nothing matches', () => {
    const errors = { links: ['a'], 'links.1': ['b'], title: ['c'] };
    expect(withoutKey(errors, 'links', true)).toEqual({ title: ['c'] });
    expect(withoutKey(errors, 'links')).toEqual({ 'links.1': ['b'], title: ['c'] });
    expect(withoutKey(errors, 'notes')).toBe(errors);
  });

  it('renumbers row errors after a removal and after a move', () => {
    const errors = { 'financing.0.financer': ['a'], 'financing.1.amountCents': ['b'], 'financing.2.financer': ['c'], title: ['t'] };
    expect(remapRowErrors(errors, 'financing', afterRemove(1))).toEqual({
      'financing.0.financer': ['a'],
      'financing.1.financer': ['c'],
      title: ['t'],
    });
    expect(remapRowErrors(errors, 'financing', afterMove(2, 0))).toEqual({
      'financing.1.financer': ['a'],
      'financing.2.amountCents': ['b'],
      'financing.0.financer': ['c'],
      title: ['t'],
    });
    expect([...remapRowKeys(['milestones.3.title', 'financing.3.financer'], 'milestones', afterMove(3, 4))]).toEqual([
      'milestones.4.title',
      'financing.3.financer',
    ]);
  });

  it('moves indexes like a splice', () => {
    const rows = ['a', 'b', 'c', 'd'];
    const to = afterMove(0, 2);
    const moved: string[] = [];
    rows.forEach((r, i) => (moved[to(i) as number] = r));
    expect(moved).toEqual(['b', 'c', 'a', 'd']);
  });
});
