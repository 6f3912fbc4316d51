import { describe, it, expect } from 'vitest';
import { formatCentsInput, formatDecimalInput, parseDecimalInput, parseEurosToCents } from './money';

describe('parseEurosToCents', () => {
  it('parses whole euros', () => {
    expect(parseEurosToCents('250000')).toBe(25_000_000);
    expect(parseEurosToCents('0')).toBe(0);
  });

  it('accepts spaces between digit groups, including non-breaking ones', () => {
    expect(parseEurosToCents('250 000')).toBe(25_000_000);
    expect(parseEurosToCents('250\u00a0000')).toBe(25_000_000);
    expect(parseEurosToCents('1\u202f250\u202f000')).toBe(125_000_000);
    expect(parseEurosToCents('  42  ')).toBe(4_200);
  });

  it('accepts a decimal comma or point with up to two decimals, exactly', () => {
    expect(parseEurosToCents('250 000,50')).toBe(25_000_050);
    expect(parseEurosToCents('1.5')).toBe(150);
    expect(parseEurosToCents('1,05')).toBe(105);
    expect(parseEurosToCents('0,29')).toBe(29); // 0.29 * 100 = 28.999999999999996 in floats
    expect(parseEurosToCents('1 234 567,89')).toBe(123_456_789);
  });

  it('accepts a trailing euro sign', () => {
    expect(parseEurosToCents('12 €')).toBe(1_200);
  });

  it('treats an empty or blank input as no amount', () => {
    expect(parseEurosToCents('')).toBeNull();
    expect(parseEurosToCents('   ')).toBeNull();
    expect(parseEurosToCents('\u00a0')).toBeNull();
  });

  it('refuses text, negative amounts and more than two decimals', () => {
    expect(parseEurosToCents('abc')).toBe('invalid');
    expect(parseEurosToCents('12abc')).toBe('invalid');
    expect(parseEurosToCents('-5')).toBe('invalid');
    expect(parseEurosToCents('-250 000,50')).toBe('invalid');
    expect(parseEurosToCents('1,234')).toBe('invalid');
    expect(parseEurosToCents('250.000')).toBe('invalid');
    expect(parseEurosToCents('1,2,3')).toBe('invalid');
    expect(parseEurosToCents('.')).toBe('invalid');
    expect(parseEurosToCents('€')).toBe('invalid');
    expect(parseEurosToCents('1e5')).toBe('invalid');
  });

  it('refuses amounts too large to be exact', () => {
    expect(parseEurosToCents('999999999999999999999')).toBe('invalid');
  });
});

describe('formatCentsInput', () => {
  it('formats cents for editing', () => {
    expect(formatCentsInput(null)).toBe('');
    expect(formatCentsInput(0)).toBe('0');
    expect(formatCentsInput(25_000_000)).toBe('250 000');
    expect(formatCentsInput(25_000_050)).toBe('250 000,50');
    expect(formatCentsInput(105)).toBe('1,05');
  });

  it('round-trips with parseEurosToCents', () => {
    for (const cents of [0, 1, 99, 100, 150, 25_000_050, 123_456_789, 10_000_000_000_000]) {
      expect(parseEurosToCents(formatCentsInput(cents))).toBe(cents);
    }
  });
});

describe('parseDecimalInput / formatDecimalInput', () => {
  it('parses comma or point decimals and signs', () => {
    expect(parseDecimalInput('12,5')).toBe(12.5);
    expect(parseDecimalInput('12.5')).toBe(12.5);
    expect(parseDecimalInput('1 200')).toBe(1200);
    expect(parseDecimalInput('-3')).toBe(-3);
    expect(parseDecimalInput('')).toBeNull();
    expect(parseDecimalInput('  ')).toBeNull();
    expect(parseDecimalInput('abc')).toBe('invalid');
    expect(parseDecimalInput('1,2,3')).toBe('invalid');
  });

  it('formats with a decimal comma', () => {
    expect(formatDecimalInput(null)).toBe('');
    expect(formatDecimalInput(1200)).toBe('1200');
    expect(formatDecimalInput(12.5)).toBe('12,5');
    expect(parseDecimalInput(formatDecimalInput(0.25))).toBe(0.25);
  });
});
