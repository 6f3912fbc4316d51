import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { STATUSES } from '@/lib/actions/schemas';
import { ACTION_STATUS_LABELS } from '@/lib/labels';
import type { ActionStatus } from '@/lib/generated/prisma/enums';
import { indicatorChart, moneyChart, progressCharts, statusChart, type Chart } from './charts';
import { chartPng } from './raster';
import type { MonthPoint } from './series';

// 24 months with every status present: the heaviest status chart a page can get.
const months: MonthPoint[] = Array.from({ length: 24 }, (_, i) => {
  const byStatus = Object.fromEntries(STATUSES.map((s, k) => [s, ((i + k) % 5) + 1])) as Record<ActionStatus, number>;
  const actions = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const month = new Date(Date.UTC(2025, i, 1)).toISOString().slice(0, 7);
  return { month, actions, byStatus, budgetCents: 150_000_00 * (i + 1), grantedCents: 40_000_00 * i };
});
const jobs = { kind: 'JOBS' as const, points: months.map((p, i) => ({ month: p.month, actual: i * 2.5, target: 80 })) };
const charts: Chart[] = [statusChart(months, 'Tarn Nord'), moneyChart(months, 'Tarn Nord'), indicatorChart(jobs, 'Tarn Nord')];

describe('charts (ECharts SSR SVG, trimmed)', () => {
  it.each(charts.map((c) => [c.id, c] as const))('%s is an accessible image named by its title and summary', (_, chart) => {
    expect(chart.svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 720 300" width="100%" role="img" aria-labelledby="([^"]+)-t \1-d"/);
    expect(chart.svg).toContain(`<title id="${chart.id}-t">${chart.title}</title>`);
    expect(chart.svg).toContain(`<desc id="${chart.id}-d">${chart.summary.replace(/'/g, "'")}</desc>`);
    expect(chart.svg.endsWith('</svg>')).toBe(true);
  });

  it.each(charts.map((c) => [c.id, c] as const))('%s is lean: no style, script, font, interaction metadata or long decimals', (_, chart) => {
    expect(chart.svg).not.toMatch(/<style|style=|<script|@font-face|<font|ecmeta_|class=|zr\d+-|\n/);
    // Coordinates are rounded to one decimal (arcs, which need their precision, aside).
    const attrs = [...chart.svg.matchAll(/ (x|y|width|height|transform)="([^"]*)"/g)].map((m) => m[2]!);
    const paths = [...chart.svg.matchAll(/ d="([^"]*)"/g)].map((m) => m[1]!).filter((d) => !/a/i.test(d));
    for (const value of [...attrs, ...paths]) expect(value).not.toMatch(/\.\d{2}/);
  });

  it.each(charts.map((c) => [c.id, c] as const))('%s: every reference resolves to an id of the chart, prefixed by its id', (_, chart) => {
    const ids = [...chart.svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.startsWith(`${chart.id}-`)).toBe(true);
    for (const [, ref] of chart.svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref);
  });

  it('tells statuses apart by more than colour: a legend label for each, patterns on five', () => {
    const svg = charts[0]!.svg;
    for (const s of STATUSES) expect(svg).toContain(`>${ACTION_STATUS_LABELS[s]}</text>`);
    // Five patterns, each with its status colour as background, used by bars and swatches.
    const patterns = [...svg.matchAll(/<pattern [^>]*id="(statuts-p\d)"><rect [^>]*fill="(#[0-9a-f]{6})"/g)];
    expect(patterns.map((p) => p[2]).sort()).toEqual(['#13613d', '#6b21a8', '#8f470c', '#a32222', '#b45309']);
    // The coloured shape under each pattern was folded into it (no shape drawn twice).
    const shapes = [...svg.slice(0, svg.indexOf('<defs')).matchAll(/<path d="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(shapes).size).toBe(shapes.length);
  });

  it('line charts: direct end labels, a dashed line, marker shapes', () => {
    const [, money, indicator] = charts;
    expect(money!.svg).toContain('>Budget</text>');
    expect(money!.svg).toContain('>Accordé</text>');
    expect(indicator!.svg).toContain('>Cible</text>');
    expect(indicator!.svg).toContain('>Réalisé</text>');
    for (const c of [money!, indicator!]) expect(c.svg).toMatch(/stroke-dasharray="6,4"/);
    // Budget: hollow squares; granted: discs.
    expect(money!.svg).toMatch(/<path d="(M[\d.]+ [\d.]+h7v7h-7Z){2,}" fill="#ffffff" stroke="#1e3a8a"/);
    expect(money!.svg).toMatch(/<path d="M[\d.]+ [\d.]+A3\.5 3\.5 [^"]*" fill="#13613d"/);
    expect(money!.svg).toContain('>4 M €</text>');
  });

  it('summaries and data tables carry the figures', () => {
    const [status, money] = charts;
    expect(status!.table.rows).toHaveLength(24);
    expect(status!.table.rows[23]).toEqual(['déc. 2026', String(months[23]!.actions), ...STATUSES.map((s) => String(months[23]!.byStatus[s]))]);
    expect(money!.summary).toMatch(/^Fin déc\. 2026 : budget prévisionnel 3\s600\s000 €/);
  });

  it('is deterministic and stays light at 24 months', () => {
    expect(statusChart(months, 'Tarn Nord').svg).toBe(charts[0]!.svg);
    expect(charts[0]!.svg.length).toBeLessThan(12_000);
    expect(charts[1]!.svg.length).toBeLessThan(5_000);
    expect(charts[2]!.svg.length).toBeLessThan(4_500);
  });

  it('draws empty scopes without failing', () => {
    const empty = progressCharts({ months: [], indicators: [] }, 'Vide');
    expect(empty).toHaveLength(2);
    expect(empty[0]!.summary).toBe('Aucune action enregistrée sur la période.');
    for (const c of empty) expect(c.svg).toContain('role="img"');
  });

  it('rasterises for the packs (sharp reads the same SVG)', async () => {
    for (const chart of charts) {
      const png = await chartPng(chart);
      const meta = await sharp(png).metadata();
      expect(meta.format).toBe('png');
      expect(meta.width).toBe(1440);
      expect(meta.height).toBe(600);
      // Not a blank picture: the bars and lines are drawn in colour.
      const { channels } = await sharp(png).stats();
      expect(channels[0]!.min).toBeLessThan(100);
    }
  });
});
