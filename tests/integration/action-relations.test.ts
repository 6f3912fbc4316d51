// The export reads the relations of thousands of actions in one SQL statement
// (`readActionRelations`, ADR 0026): it must give exactly what `actionSelect` and
// `toActionDto` give, for every action, so that the fiche action stays defined once.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { actionSelect, readActionRelations, toActionDto } from '@/lib/actions/dto';

async function bothWays() {
  const rows = await db.action.findMany({ select: actionSelect, orderBy: { id: 'asc' } });
  const sql = await readActionRelations(db, rows.map((r) => r.id));
  return { rows, sql };
}

describe('relations of actions read in SQL', () => {
  it('equal the DTO built from Prisma’s rows, for every action, order included', async () => {
    // Values that a JSON conversion could get wrong: decimals with cents, a large amount,
    // a financing line without operator, an open milestone, a comment with quotes.
    const action = await db.action.findFirstOrThrow({
      where: { indicators: { some: { values: { some: {} } } }, financing: { some: {} }, milestones: { some: {} } },
      select: { id: true, indicators: { select: { id: true, values: { select: { id: true } } } }, financing: { select: { id: true } }, milestones: { select: { id: true } } },
    });
    await db.indicator.update({ where: { id: action.indicators[0]!.id }, data: { target: '1234.56', actual: '0.5' } });
    await db.indicatorValue.update({ where: { id: action.indicators[0]!.values[0]!.id }, data: { value: '7.25', comment: 'Chiffre « provisoire » "à confirmer"' } });
    await db.financingLine.update({ where: { id: action.financing[0]!.id }, data: { amountCents: 123_456_789_012n, operatorId: null } });
    await db.milestone.update({ where: { id: action.milestones[0]!.id }, data: { doneAt: null } });

    const { rows, sql } = await bothWays();
    expect(rows.length).toBeGreaterThan(20);
    expect(sql.size).toBe(rows.length);
    for (const row of rows) {
      const { operators, financing, milestones, indicators } = toActionDto(row);
      expect(sql.get(row.id), row.id).toEqual({ operators, financing, milestones, indicators });
    }
    // The comparison covered every kind of value (a test that cannot fail is no test).
    const all = [...sql.values()];
    expect(all.some((r) => r.operators.length > 1)).toBe(true);
    expect(all.some((r) => r.financing.some((f) => f.operator === null))).toBe(true);
    expect(all.some((r) => r.financing.some((f) => f.operator !== null))).toBe(true);
    expect(all.some((r) => r.milestones.some((m) => m.doneAt === null))).toBe(true);
    expect(all.some((r) => r.milestones.some((m) => m.doneAt !== null))).toBe(true);
    expect(all.some((r) => r.indicators.some((i) => i.values.length > 1))).toBe(true);
    expect(sql.get(action.id)!.indicators[0]).toMatchObject({ target: 1234.56, actual: 0.5 });
    expect(sql.get(action.id)!.financing[0]).toMatchObject({ amountCents: 123_456_789_012, operator: null });
  });

  it('answers an empty map for no ids, and nothing for unknown ids', async () => {
    expect((await readActionRelations(db, [])).size).toBe(0);
    expect((await readActionRelations(db, ['no-such-action'])).size).toBe(0);
  });
});
