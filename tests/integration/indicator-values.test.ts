// Dated indicator values: recorded by the quick update and the full edit, version-checked,
// audited, the current value is the latest, series kept across edits, in exports.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { createAction, updateAction, updateProgress } from '@/lib/actions/mutations';
import { getAction, getActionHistory } from '@/lib/actions/queries';
import { exportActionsCsv } from '@/lib/exports/actions';
import { parisDay } from '@/lib/commitments/rules';
import { actor, DEMO } from '../fixtures';

let cdp: Actor, sgar: Actor;
beforeAll(async () => {
  [cdp, sgar] = await Promise.all([actor(DEMO.cdpTarnNord), actor(DEMO.sgarOccitanie)]);
});

const codeOf = (p: Promise<unknown>) => p.then(() => 'OK', (e: { code?: string }) => e.code ?? String(e));
const today = parisDay(new Date());

async function fresh(title = 'Série datée : emplois créés dans la zone') {
  return createAction(cdp, 'tarn-nord', {
    title,
    axes: ['INDUSTRIAL_LAND'],
    status: 'IN_PROGRESS',
    indicators: [{ name: 'Emplois créés', kind: 'JOBS', unit: 'emplois', target: 50, actual: 4 }],
  });
}

describe('dated indicator values', () => {
  it('the migration moves each existing actual value into the series as its first point', async () => {
    // The seeded indicators hold an actual value and no series, as rows did before the
    // migration: run the migration's data copy on them and check what it wrote.
    const sql = fs.readFileSync(path.resolve('prisma/migrations/20261201213845_indicator_values/migration.sql'), 'utf8');
    const copy = sql.slice(sql.indexOf('INSERT INTO "IndicatorValue"')).trim();
    const withActual = await db.indicator.findMany({
      where: { actual: { not: null } },
      select: { id: true, actual: true, action: { select: { updatedAt: true } } },
    });
    expect(withActual.length).toBeGreaterThan(0);
    // The demo seed now dates its indicators' values (ADR 0024): remove them to get back
    // the state the migration met.
    await db.indicatorValue.deleteMany();
    expect(await db.indicatorValue.count()).toBe(0);
    await db.$executeRawUnsafe(copy);
    const values = await db.indicatorValue.findMany({ select: { indicatorId: true, date: true, value: true } });
    expect(values).toHaveLength(withActual.length);
    const one = withActual[0]!;
    const point = values.find((v) => v.indicatorId === one.id)!;
    expect(point.value.toString()).toBe(one.actual!.toString());
    expect(point.date.toISOString().slice(0, 10)).toBe(one.action.updatedAt.toISOString().slice(0, 10));
  });

  it('a created value is the first point, dated today', async () => {
    const a = await fresh();
    expect(a.indicators[0]?.values).toEqual([{ date: today, value: 4, comment: '' }]);
    expect(a.indicators[0]?.actual).toBe(4);
  });

  it('quick update records dated values; the current value is the latest by date; audited, versioned', async () => {
    const a = await fresh();
    const id = a.indicators[0]!.id;
    const v1 = await updateProgress(cdp, a.id, { version: a.version, indicators: [{ id, actual: 10, date: '2025-06-30', comment: 'Bilan S1' }] });
    expect(v1.indicators[0]?.values.map((v) => [v.date, v.value, v.comment])).toEqual([
      ['2025-06-30', 10, 'Bilan S1'],
      [today, 4, ''],
    ]);
    expect(v1.indicators[0]?.actual).toBe(4); // an older point does not change the current value
    // Re-sending the same current value adds nothing (the quick update sends every indicator).
    const same = await updateProgress(cdp, a.id, { version: v1.version, indicators: [{ id, actual: 4 }] });
    expect(same.version).toBe(v1.version);
    // Today's point is replaced, not duplicated.
    const v2 = await updateProgress(cdp, a.id, { version: v1.version, indicators: [{ id, actual: 7 }] });
    expect(v2.indicators[0]?.values).toHaveLength(2);
    expect(v2.indicators[0]?.actual).toBe(7);
    // A null value at a date removes that point; the current value follows.
    const v3 = await updateProgress(cdp, a.id, { version: v2.version, indicators: [{ id, actual: null, date: today }] });
    expect(v3.indicators[0]?.values.map((v) => v.date)).toEqual(['2025-06-30']);
    expect(v3.indicators[0]?.actual).toBe(10);
    // Stale version: refused, nothing written.
    expect(await codeOf(updateProgress(cdp, a.id, { version: v1.version, indicators: [{ id, actual: 99, date: '2025-01-01' }] }))).toBe('CONFLICT');
    expect(await db.indicatorValue.count({ where: { indicatorId: id } })).toBe(1);
    // Future dates and out-of-scope writers are refused.
    const tomorrow = parisDay(new Date(Date.now() + 2 * 86_400_000));
    expect(await codeOf(updateProgress(cdp, a.id, { version: v3.version, indicators: [{ id, actual: 1, date: tomorrow }] }))).toBe('INVALID');
    expect(await codeOf(updateProgress(sgar, a.id, { version: v3.version, indicators: [{ id, actual: 1, date: '2025-01-01' }] }))).toBe('FORBIDDEN');
    // Audited: each write's before/after holds the series.
    const history = await getActionHistory(cdp, a.id);
    const progress = history.filter((h) => h.operation === 'progress');
    expect(progress).toHaveLength(3);
    expect(JSON.stringify(progress[0]?.after)).toContain('Bilan S1');
  });

  it('a full edit keeps the series of a matched indicator, and can replace it', async () => {
    const a = await fresh('Série datée : édition complète');
    const id = a.indicators[0]!.id;
    const v1 = await updateProgress(cdp, a.id, { version: a.version, indicators: [{ id, actual: 2, date: '2025-01-31' }] });
    // The form sends the indicator with its id and unchanged actual: series kept.
    const v2 = await updateAction(cdp, a.id, {
      version: v1.version,
      indicators: [{ id, name: 'Emplois créés', kind: 'JOBS', unit: 'emplois', target: 60, actual: 4 }],
    });
    expect(v2.indicators[0]?.id).toBe(id);
    expect(v2.indicators[0]?.values).toHaveLength(2);
    expect(v2.indicators[0]?.target).toBe(60);
    // Without an id, matched by name.
    const v3 = await updateAction(cdp, a.id, {
      version: v2.version,
      indicators: [{ name: 'Emplois créés', kind: 'JOBS', unit: 'emplois', target: 60, actual: 4 }],
    });
    expect(v3.indicators[0]?.values).toHaveLength(2);
    // The whole series, given, replaces the stored one and sets the current value.
    const v4 = await updateAction(cdp, a.id, {
      version: v3.version,
      indicators: [
        {
          id,
          name: 'Emplois créés',
          kind: 'JOBS',
          unit: 'emplois',
          target: 60,
          values: [
            { date: '2024-12-31', value: 1 },
            { date: '2025-12-31', value: 9, comment: 'Bilan annuel' },
          ],
        },
      ],
    });
    expect(v4.indicators[0]?.values.map((v) => v.value)).toEqual([1, 9]);
    expect(v4.indicators[0]?.actual).toBe(9);
    expect(await codeOf(updateAction(cdp, a.id, {
      version: v4.version,
      indicators: [{ name: 'X', unit: 'u', values: [{ date: '2025-01-01', value: 1 }, { date: '2025-01-01', value: 2 }] }],
    }))).toBe('INVALID');
    const read = await getAction(cdp, a.id);
    expect(read.indicators[0]?.values).toEqual(v4.indicators[0]?.values);
  });

  it('exports carry the current value with its date and the series', async () => {
    const a = await fresh('Série datée : export');
    const id = a.indicators[0]!.id;
    await updateProgress(cdp, a.id, { version: a.version, indicators: [{ id, actual: 3, date: '2025-03-31' }] });
    const csv = await exportActionsCsv(cdp, {});
    const header = csv.split('\r\n')[0]!;
    expect(header).toContain('Valeurs datées des indicateurs');
    const line = csv.split('\r\n').find((l) => l.includes('Série datée : export'))!;
    expect(line).toContain(`Emplois créés : 4 / 50 emplois au ${today}`);
    expect(line).toContain(`Emplois créés : 2025-03-31 = 3, ${today} = 4`);
  });

});
