// The demo territories are the real ones: official ids and official EPCI (public facts).
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { DEMO_TERRITORIES } from '@/prisma/seed/demo';
import { shortName } from '@/prisma/seed/national';
import { readGeographySource } from '@/prisma/seed/geography';

describe('demo seed', () => {
  it('gives every demo territory its official phase II id, kept slugs, and no illustrative composition', async () => {
    const rows = await db.territory.findMany({
      where: { slug: { in: DEMO_TERRITORIES.map(([slug]) => slug) } },
      select: { slug: true, officialId: true, programmePhase: true, compositionIllustrative: true },
      orderBy: { slug: 'asc' },
    });
    expect(rows).toHaveLength(16);
    for (const t of rows) {
      expect(t.officialId, t.slug).toMatch(/^ti-\d{4}$/);
      expect(t.programmePhase).toBe(2);
      expect(t.compositionIllustrative).toBe(false);
    }
    expect(new Set(rows.map((t) => t.officialId)).size).toBe(16);
    const bySlug = Object.fromEntries(rows.map((t) => [t.slug, t.officialId]));
    expect(bySlug).toMatchObject({ 'tarn-nord': 'ti-7614', 'hautes-terres-doc': 'ti-7610', 'castres-revel-castelnaudary': 'ti-7605' });
  });

  it('composes the Tarn territories of their official EPCI', async () => {
    const epcis = async (slug: string) =>
      (await db.territory.findUniqueOrThrow({ where: { slug }, select: { epcis: { select: { epciSiren: true } } } })).epcis.map((e) => e.epciSiren).sort();
    expect(await epcis('tarn-nord')).toEqual(['200040905', '200066124', '248100737']);
    expect(await epcis('hautes-terres-doc')).toEqual(['200066553', '200066561', '248100745']);
    expect(await epcis('castres-revel-castelnaudary')).toEqual(['200035855', '243100567', '248100158', '248100430']);
    const castres = await db.territory.findUniqueOrThrow({ where: { slug: 'castres-revel-castelnaudary' } });
    expect(castres.departementCodes).toEqual(['11', '31', '81']);
  });
});

describe('national-scale generator', () => {
  it('derives clean territory names from every EPCI name of the official geography', () => {
    const names = readGeographySource().epcis.map((e) => shortName(e.nom));
    expect(names.filter((n) => /["«»]|\s{2}|^\s|\s$/.test(n))).toEqual([]);
    expect(shortName('CA "Saintes - Grandes Rives - L\'Agglo"')).toBe("Saintes - Grandes Rives - L'Agglo");
  });
});
