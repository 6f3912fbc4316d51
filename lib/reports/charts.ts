// Charts drawn on the server by Apache ECharts' SSR SVG renderer (ADR 0024): the same
// SVG goes into the pages (inline, no client chart bundle) and, rasterised by sharp, into
// the committee packs. ECharts lays the charts out (scales, ticks, stacking, decals, end
// labels); `leanSvg` then trims its output for the pages' weight (no interaction
// metadata, no hover <style>, rounded coordinates, shared text defaults on the root) and
// makes it an accessible image (role="img", <title> and <desc>). Each chart comes with
// its title, a text summary and its data table; colours are contrast-checked (≥ 3:1 on
// white) and never alone: decal patterns, dashes, marker shapes and direct labels carry
// the series.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, type GridComponentOption, type LegendComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { ACTION_STATUS_LABELS, INDICATOR_KIND_LABELS } from '@/lib/labels';
import type { ActionStatus } from '@/lib/generated/prisma/enums';
import { STATUSES } from '@/lib/actions/schemas';
import type { IndicatorSeries, MonthPoint } from './series';

// Only what the three kinds of chart use (tree-shaken core, SVG renderer only).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, AriaComponent, SVGRenderer]);

type Option = echarts.ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption>;

export interface Chart {
  id: string;
  title: string;
  summary: string;
  svg: string;
  table: { caption: string; head: string[]; rows: string[][] };
}

const W = 720;
const H = 300;
const GRID = { top: 16, right: 120, bottom: 40, left: 64 };
const FONT_FAMILY = 'Helvetica, Arial, sans-serif';
const FONT_SIZE = 11;
const INK = '#27272a';
const GRIDLINE = '#d4d4d8';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];
export const monthLabel = (month: string) => {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1]} ${y}`;
};
const shortMonth = (month: string) => {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1]} ${y?.slice(2)}`;
};
const int = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const dec = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const euros = (cents: number) => `${int.format(Math.round(cents / 100))} €`;
// Axis labels: plain spaces (the packs' rasteriser and every font have them).
const compact = (n: number) =>
  (Math.abs(n) >= 1e6 ? `${dec.format(Math.round(n / 1e5) / 10)} M` : Math.abs(n) >= 1e4 ? `${int.format(Math.round(n / 1e3))} k` : int.format(n)).replace(/[\u202f\u00a0]/g, ' ');

export const STATUS_COLORS: Record<ActionStatus, string> = {
  NOT_STARTED: '#434a57',
  IN_PROGRESS: '#1e3a8a',
  DONE: '#13613d',
  PAUSED: '#8f470c',
  BLOCKED: '#a32222',
  LATE: '#b45309',
  ABANDONED: '#6b21a8',
};

/**
 * A decal (ECharts' pattern) per status, so that neighbouring segments differ by more
 * than hue: the two most common statuses stay plain, the others get stripes in three
 * directions, dots or a checkerboard, drawn in white over the status colour.
 */
const DECALS: Record<ActionStatus, NonNullable<BarSeriesOption['itemStyle']>['decal'] | undefined> = {
  NOT_STARTED: undefined,
  IN_PROGRESS: undefined,
  DONE: { symbol: 'rect', color: '#ffffff', dashArrayX: [8, 0], dashArrayY: [2, 5], rotation: -Math.PI / 4 },
  PAUSED: { symbol: 'rect', color: '#ffffff', dashArrayX: [8, 0], dashArrayY: [2, 4], rotation: 0 },
  BLOCKED: { symbol: 'rect', color: '#ffffff', dashArrayX: [3, 3], dashArrayY: [3, 3], rotation: 0 },
  LATE: { symbol: 'circle', color: '#ffffff', symbolSize: 0.8, dashArrayX: [4, 3], dashArrayY: [4, 3], rotation: 0 },
  ABANDONED: { symbol: 'rect', color: '#ffffff', dashArrayX: [8, 0], dashArrayY: [2, 4], rotation: Math.PI / 2 },
};

/** Attributes whose numbers are coordinates: rounded to one decimal. */
const NUMERIC_ATTRS = /\b(d|points|transform|patternTransform|x|y|x1|x2|y1|y2|cx|cy|r|width|height)="([^"]*)"/g;
const round = (value: string) => value.replace(/-?\d*\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));

/**
 * Trims ECharts' SSR output for the pages: interaction metadata (`ecmeta_*`, hover classes
 * and their <style>, invisible hit areas), ids made deterministic and unique per chart,
 * coordinates rounded, the text font and size set once on the root, `style` attributes
 * turned into presentation attributes, and the accessible name and description added.
 */
export function leanSvg(raw: string, id: string, title: string, desc: string): string {
  const svg = raw
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/\r?\n/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ (pointer-events="visible"|xml:space="preserve"|version="1\.1"|baseProfile="full"|xmlns:xlink="[^"]*")/g, '')
    // Invisible shapes ECharts keeps for pointer events (legend hit areas and background).
    .replace(/<path ([^>]*)><\/path>/g, (all: string, attrs: string) => (/ ?fill="none"/.test(attrs) && !/ stroke=/.test(attrs) ? '' : all))
    .replace(/<path [^>]*fill-opacity="0"[^>]*stroke-width="0"[^>]*><\/path>/g, '')
    .replace(/<rect [^>]*fill="none"[^>]*><\/rect>/g, '')
    .replace(/zr\d+-/g, `${id}-`)
    .replace(/ style="([^"]*)"/g, (_, style: string) =>
      style
        .split(';')
        .map((decl) => decl.split(':').map((s) => s.trim()) as [string, string?])
        .filter(([k, v]) => k && v && !(k === 'font-family' && v === FONT_FAMILY) && !(k === 'font-size' && v === `${FONT_SIZE}px`))
        .map(([k, v]) => ` ${k}="${esc(k === 'font-size' ? String(parseFloat(v!)) : v!)}"`)
        .join(''),
    )
    // Arcs keep their precision: a full circle is an arc to a point a hair from its start.
    .replace(NUMERIC_ATTRS, (all: string, name: string, value: string) => (name === 'd' && /a/i.test(value) ? all : `${name}="${round(value)}"`))
    .replace(/<(\w+) >/g, '<$1>')
    .replace(/><\/(path|rect|circle|line|polyline|text-path)>/g, '/>')
    .replace(/<g><\/g>/g, '')
    .replace(/(<text[^>]*) fill="#27272a"/g, '$1')
    // Set once on the root (inherited, SVG 2): ECharts centres every text on its point.
    .replace(/(<text[^>]*) dominant-baseline="central"/g, '$1')
    .replace(/(<text[^>]*) text-anchor="start"/g, '$1')
    .replace(/<path d="([^"]*)" transform="(?:matrix\(([\d.]+),0,0,\2,(-?[\d.]+),(-?[\d.]+)\)|translate\((-?[\d.]+) (-?[\d.]+)\))"([^>]*)>/g, placePath)
    .replace(/ (stroke-linecap="butt"|stroke-miterlimit="10")/g, '')
    // A text's translation becomes its x and y.
    .replace(/<text ([^>]*?)>/g, (_, attrs: string) => {
      const t = / transform="translate\((-?[\d.]+) (-?[\d.]+)\)"/.exec(` ${attrs}`);
      if (!t) return `<text ${attrs}>`;
      const x = Number(t[1]) + Number(/(?:^| )x="(-?[\d.]+)"/.exec(attrs)?.[1] ?? 0);
      const y = Number(t[2]) + Number(/(?:^| )y="(-?[\d.]+)"/.exec(attrs)?.[1] ?? 0);
      const rest = ` ${attrs}`.replace(t[0], '').replace(/ [xy]="[^"]*"/g, '');
      return `<text x="${Math.round(x * 10) / 10}" y="${Math.round(y * 10) / 10}"${rest}>`;
    })
    .replace(/ d="([^"]*)"/g, (_, d: string) => ` d="${compactPath(d)}"`);
  const defsAt = svg.indexOf('<defs');
  const body = defsAt < 0 ? svg : svg.slice(0, defsAt);
  const tail = defsAt < 0 ? '' : svg.slice(defsAt);
  const root = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="${id}-t ${id}-d" font-family="${FONT_FAMILY}" font-size="${FONT_SIZE}" fill="${INK}" dominant-baseline="central"><title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc><rect width="${W}" height="${H}" fill="#ffffff"/>`;
  return root + foldDecals(mergePaths(body.replace(/^<svg [^>]*>/, '')), tail);
}

/**
 * ECharts' SVG renderer draws a decal as a second shape over the coloured one (its
 * `backgroundColor` is canvas-only): each such pair becomes the patterned shape alone,
 * the colour moving into the pattern's tile as its background.
 */
function foldDecals(body: string, tail: string): string {
  const backgrounds = new Map<string, string>();
  const folded = body.replace(
    /<path d="([^"]*)"([^>]*?) fill="(#[0-9a-f]{3,8})"([^>]*)\/><path d="\1"\2 fill="url\(#([^)]+)\)"\4\/>/g,
    (_, d: string, before: string, color: string, after: string, pattern: string) => {
      backgrounds.set(pattern, color);
      return `<path d="${d}"${before} fill="url(#${pattern})"${after}/>`;
    },
  );
  const defs = tail.replace(/<pattern width="([\d.]+)" height="([\d.]+)"([^>]*) id="([^"]+)">/g, (all, w: string, h: string, _rest: string, pid: string) =>
    backgrounds.has(pid) ? `${all}<rect width="${w}" height="${h}" fill="${backgrounds.get(pid)}"/>` : all,
  );
  return folded + defs;
}

/** Shorter path data: `l x 0` → `h x`, `l 0 y` → `v y`. */
const compactPath = (d: string) => d.replace(/l(-?[\d.]+) 0(?=[a-zA-Z]|$)/g, 'h$1').replace(/l0 (-?[\d.]+)/g, 'v$1');

/**
 * A symbol path drawn through a uniform scale and a translation (markers, legend
 * swatches) gets its coordinates in the chart's space, so that the symbols of a series
 * can become one path.
 */
function placePath(all: string, d: string, scale?: string, mx?: string, my?: string, tx?: string, ty?: string, attrs = ''): string {
  const k = Number(scale ?? 1);
  const dx = Number(mx ?? tx);
  const dy = Number(my ?? ty);
  if (/[^MLHVAZmlhvaz\d\s.,-]/.test(d) || (k !== 1 && / stroke=/.test(attrs) && !/ stroke-width=/.test(attrs))) return all;
  const arcs = /a/i.test(d);
  const r = (n: number) => String(Math.round(n * (arcs ? 100 : 10)) / (arcs ? 100 : 10));
  const placed = d.replace(/([MLHVAZmlhvaz])([^MLHVAZmlhvaz]*)/g, (_, cmd: string, args: string) => {
    const n = args.trim() ? args.trim().split(/[\s,]+/).map(Number) : [];
    const abs = cmd === cmd.toUpperCase();
    const out = n.map((v, i) => {
      if (cmd === 'H') return r(v * k + dx);
      if (cmd === 'V') return r(v * k + dy);
      if (cmd === 'A' || cmd === 'a') {
        const j = i % 7;
        if (j === 2 || j === 3 || j === 4) return String(v);
        if (j < 2 || !abs) return r(v * k);
        return r(v * k + (j === 5 ? dx : dy));
      }
      return abs ? r(v * k + (i % 2 ? dy : dx)) : r(v * k);
    });
    return cmd + out.join(' ');
  });
  const scaled = k === 1 ? attrs : attrs.replace(/ stroke-width="([\d.]+)"/, (_m, w: string) => ` stroke-width="${r(Number(w) * k)}"`);
  return `<path d="${compactPath(placed)}"${scaled}>`;
}

/**
 * Paths drawn with the same attributes (the bars of one status and their pattern overlay,
 * the gridlines) become one path with several sub-paths, at the first one's place: a
 * status's segments never overlap, and a series is painted after the previous one, so
 * the picture is the same with a fraction of the markup.
 */
function mergePaths(body: string): string {
  const groups = new Map<string, string[]>();
  const out: (string | { key: string })[] = [];
  const re = /<path d="([^"]*)"([^>]*)\/>/g;
  let last = 0;
  let depth = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const between = body.slice(last, m.index);
    out.push(between);
    depth += (between.match(/<g[ >]/g)?.length ?? 0) - (between.match(/<\/g>/g)?.length ?? 0);
    last = re.lastIndex;
    const key = m[2]!;
    // Transformed paths (markers, legend swatches) and grouped ones keep their element.
    if (depth > 0 || key.includes('transform=')) {
      out.push(m[0]);
      continue;
    }
    const list = groups.get(key);
    if (list) list.push(m[1]!);
    else {
      groups.set(key, [m[1]!]);
      out.push({ key });
    }
  }
  out.push(body.slice(last));
  return out.map((part) => (typeof part === 'string' ? part : `<path d="${groups.get(part.key)!.join('')}"${part.key}/>`)).join('');
}

/**
 * Rendered charts by their inputs (the output is deterministic): a page or a pack asked
 * again for unchanged data reuses the SVG instead of laying it out again (ECharts takes a
 * few milliseconds per chart where string templates took a fraction of one).
 */
const rendered = new Map<string, string>();
const CACHE_SIZE = 300;

function cached(key: string, draw: () => string): string {
  const hit = rendered.get(key);
  if (hit !== undefined) {
    rendered.delete(key);
    rendered.set(key, hit);
    return hit;
  }
  const svg = draw();
  rendered.set(key, svg);
  if (rendered.size > CACHE_SIZE) rendered.delete(rendered.keys().next().value!);
  return svg;
}

function render(option: Option, id: string, title: string, summary: string, data: unknown): string {
  return cached(JSON.stringify([id, title, summary, data]), () => draw(option, id, title, summary));
}

function draw(option: Option, id: string, title: string, summary: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: W, height: H });
  try {
    chart.setOption({
      animation: false,
      // aria: ECharts' accessibility option; in SSR mode it cannot label the
      // container, so leanSvg names the SVG itself. Decals are set per series (DECALS).
      aria: { enabled: true, label: { enabled: false }, decal: { show: false } },
      textStyle: { fontFamily: FONT_FAMILY, fontSize: FONT_SIZE, color: INK },
      grid: GRID,
      ...option,
    });
    return leanSvg(chart.renderToSVGString(), id, title, summary);
  } finally {
    chart.dispose();
  }
}

const categoryAxis = (months: string[]) => ({
  type: 'category' as const,
  data: months.map(shortMonth),
  axisTick: { show: false },
  axisLine: { lineStyle: { color: INK } },
  axisLabel: { color: INK, fontSize: FONT_SIZE, hideOverlap: true },
});

const valueAxis = (format: (n: number) => string, minInterval?: number) => ({
  type: 'value' as const,
  splitNumber: 4,
  ...(minInterval ? { minInterval } : {}),
  axisLabel: { color: INK, fontSize: FONT_SIZE, formatter: (n: number) => format(n) },
  splitLine: { lineStyle: { color: GRIDLINE } },
});

export function statusChart(months: MonthPoint[], scopeLabel: string, id = 'statuts'): Chart {
  const title = `Actions par statut, mois par mois — ${scopeLabel}`;
  const first = months[0];
  const last = months.at(-1);
  const summary =
    first && last
      ? `De ${monthLabel(first.month)} à ${monthLabel(last.month)}, le nombre d'actions passe de ${first.actions} à ${last.actions} ; ` +
        `réalisées : ${first.byStatus.DONE} puis ${last.byStatus.DONE}, en cours : ${last.byStatus.IN_PROGRESS}, ` +
        `bloquées : ${last.byStatus.BLOCKED}, en retard : ${last.byStatus.LATE} à la fin de ${monthLabel(last.month)}.`
      : 'Aucune action enregistrée sur la période.';
  const svg = render(
    {
      // Legend on the right, in stacking order (top of the stack first), with the patterns.
      legend: {
        orient: 'vertical',
        right: 0,
        bottom: GRID.bottom,
        itemWidth: 14,
        itemHeight: 14,
        itemGap: 8,
        selectedMode: false,
        textStyle: { color: INK, fontSize: FONT_SIZE },
        data: [...STATUSES].reverse().map((s) => ({ name: ACTION_STATUS_LABELS[s], itemStyle: { borderColor: INK, borderWidth: 0.5 } })),
      },
      xAxis: categoryAxis(months.map((p) => p.month)),
      yAxis: valueAxis(int.format, 1),
      series: STATUSES.map(
        (s): BarSeriesOption => ({
          type: 'bar',
          name: ACTION_STATUS_LABELS[s],
          stack: 'statuts',
          barWidth: '70%',
          silent: true,
          emphasis: { disabled: true },
          itemStyle: { color: STATUS_COLORS[s], borderColor: '#ffffff', borderWidth: 0.5, ...(DECALS[s] ? { decal: DECALS[s] } : {}) },
          data: months.map((p) => p.byStatus[s] || null),
        }),
      ),
    },
    id,
    title,
    summary,
    months.map((p) => [p.month, STATUSES.map((s) => p.byStatus[s])]),
  );
  return {
    id,
    title,
    summary,
    svg,
    table: {
      caption: `${title} (données du graphique)`,
      head: ['Mois', 'Total', ...STATUSES.map((s) => ACTION_STATUS_LABELS[s])],
      rows: months.map((p) => [monthLabel(p.month), String(p.actions), ...STATUSES.map((s) => String(p.byStatus[s]))]),
    },
  };
}

interface Line {
  label: string;
  values: number[];
  color: string;
  dashed: boolean;
  marker: 'circle' | 'rect' | 'none';
}

function lineChart(lines: Line[], months: string[], yFormat: (n: number) => string, id: string, title: string, summary: string): string {
  const every = Math.max(1, Math.ceil(months.length / 12));
  return render(
    {
      xAxis: { ...categoryAxis(months), boundaryGap: true },
      yAxis: valueAxis(yFormat),
      // Direct labels at the lines' ends (no legend), moved apart when they overlap.
      labelLayout: { moveOverlap: 'shiftY' },
      series: lines.map(
        (l): LineSeriesOption => ({
          type: 'line',
          name: l.label,
          silent: true,
          emphasis: { disabled: true },
          // A marker every `every` months and on the last one (lighter pages).
          data: l.values.map((v, i) => (i % every === 0 || i === l.values.length - 1 ? v : { value: v, symbol: 'none' })),
          color: l.color,
          symbol: l.marker,
          symbolSize: 7,
          showAllSymbol: true,
          itemStyle: l.marker === 'rect' ? { color: '#ffffff', borderColor: l.color, borderWidth: 2 } : { color: l.color },
          lineStyle: { color: l.color, width: 2.5, type: l.dashed ? [6, 4] : 'solid' },
          endLabel: { show: true, formatter: l.label, color: l.color, fontWeight: 'bold', fontSize: 12, distance: 8 },
        }),
      ),
    },
    id,
    title,
    summary,
    [lines, months, String(yFormat)],
  );
}

export function moneyChart(months: MonthPoint[], scopeLabel: string, id = 'financements'): Chart {
  const title = `Budget prévisionnel et financements accordés — ${scopeLabel}`;
  const first = months[0];
  const last = months.at(-1);
  const summary =
    first && last
      ? `Fin ${monthLabel(last.month)} : budget prévisionnel ${euros(last.budgetCents)} (contre ${euros(first.budgetCents)} en ${monthLabel(first.month)}), ` +
        `financements accordés ${euros(last.grantedCents)} (contre ${euros(first.grantedCents)}).`
      : 'Aucune donnée sur la période.';
  const svg = lineChart(
    [
      { label: 'Budget', values: months.map((p) => Math.round(p.budgetCents / 100)), color: '#1e3a8a', dashed: true, marker: 'rect' },
      { label: 'Accordé', values: months.map((p) => Math.round(p.grantedCents / 100)), color: '#13613d', dashed: false, marker: 'circle' },
    ],
    months.map((p) => p.month),
    (n) => `${compact(n)} €`,
    id,
    title,
    summary,
  );
  return {
    id,
    title,
    summary,
    svg,
    table: {
      caption: `${title} (données du graphique)`,
      head: ['Mois', 'Budget prévisionnel', 'Financements accordés'],
      rows: months.map((p) => [monthLabel(p.month), euros(p.budgetCents), euros(p.grantedCents)]),
    },
  };
}

export const INDICATOR_UNITS: Record<IndicatorSeries['kind'], string> = { JOBS: 'emplois', INVESTMENT: '€', HECTARES: 'ha', PROJECTS: 'projets' };

export function indicatorChart(s: IndicatorSeries, scopeLabel: string, id = `indicateur-${s.kind}`): Chart {
  const name = INDICATOR_KIND_LABELS[s.kind];
  const unit = INDICATOR_UNITS[s.kind];
  const title = `${name} : réalisé et cible — ${scopeLabel}`;
  const last = s.points.at(-1);
  const first = s.points[0];
  const share = last && last.target ? ` (${Math.round((last.actual / last.target) * 100)} % de la cible)` : '';
  const summary =
    first && last
      ? `Réalisé : ${dec.format(first.actual)} ${unit} en ${monthLabel(first.month)}, ${dec.format(last.actual)} ${unit} en ${monthLabel(last.month)}${share} ; cible : ${dec.format(last.target)} ${unit}.`
      : 'Aucune valeur sur la période.';
  const svg = lineChart(
    [
      { label: 'Cible', values: s.points.map((p) => p.target), color: '#434a57', dashed: true, marker: 'none' },
      { label: 'Réalisé', values: s.points.map((p) => p.actual), color: '#1e3a8a', dashed: false, marker: 'circle' },
    ],
    s.points.map((p) => p.month),
    compact,
    id,
    title,
    summary,
  );
  return {
    id,
    title,
    summary,
    svg,
    table: {
      caption: `${title} (données du graphique)`,
      head: ['Mois', `Réalisé (${unit})`, `Cible (${unit})`],
      rows: s.points.map((p) => [monthLabel(p.month), dec.format(p.actual), dec.format(p.target)]),
    },
  };
}

/** Every chart of a scope, in the order pages and packs show them. */
export function progressCharts(series: { months: MonthPoint[]; indicators: IndicatorSeries[] }, scopeLabel: string): Chart[] {
  return [statusChart(series.months, scopeLabel), moneyChart(series.months, scopeLabel), ...series.indicators.map((s) => indicatorChart(s, scopeLabel))];
}
