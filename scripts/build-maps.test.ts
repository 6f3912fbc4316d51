import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAssets, polygons } from './build-maps';
import { DEPARTEMENTS_MAP } from '../components/programme/map-asset';

describe('map of the départements', () => {
  it('is committed exactly as scripts/build-maps.ts produces it (re-run the script after a change)', () => {
    const { file, svg, source } = buildAssets();
    expect(DEPARTEMENTS_MAP.href).toBe(`/maps/${file}`);
    expect(fs.readFileSync(path.join(process.cwd(), 'public', 'maps', file), 'utf8')).toBe(svg);
    expect(fs.readFileSync(path.join(process.cwd(), 'components', 'programme', 'map-asset.ts'), 'utf8')).toBe(source);
  });

  it('has a shape for every département, overseas included, and no fill of its own', () => {
    const { svg } = buildAssets();
    for (const code of ['01', '2A', '2B', '75', '81', '95', '971', '972', '973', '974', '976']) {
      expect(svg).toContain(`<path id="d${code}" d="`);
      expect(DEPARTEMENTS_MAP.codes).toContain(code);
    }
    expect(DEPARTEMENTS_MAP.codes).toHaveLength(101);
    expect(svg).not.toMatch(/<path[^>]*fill=/);
  });

  it('fits each overseas shape inside its inset below metropolitan France', () => {
    const { svg } = buildAssets();
    for (const code of ['971', '972', '973', '974', '976']) {
      const d = new RegExp(`id="d${code}" d="([^"]+)"`).exec(svg)?.[1] ?? '';
      const pts = polygons(d).flat();
      expect(pts.length).toBeGreaterThan(5);
      for (const [x, y] of pts) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(613);
        expect(y).toBeGreaterThan(596);
        expect(y).toBeLessThan(692);
      }
    }
  });

  it('reads relative and absolute move/line commands', () => {
    expect(polygons('m 10,10 5,0 0,5 z m 1,1 2,0 z')).toEqual([
      [[10, 10], [15, 10], [15, 15]],
      [[11, 11], [13, 11]],
    ]);
    expect(polygons('M1 2L3 4Z')).toEqual([[[1, 2], [3, 4]]]);
  });
});
