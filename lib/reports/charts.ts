// Charts as SVG text, drawn on the server: the same markup goes into the pages (inline
// SVG, no client bundle) and, rasterised, into the committee packs. Only presentation
// attributes: no <script>, no style attribute (strict CSP). Each chart comes with its
// title, a text summary and its data table; colours are contrast-checked (≥ 3:1 on white)
// and never alone: patterns, dashes, marker shapes and direct labels carry the series.
import { ACTION_STATUS_LABELS, INDICATOR_KIND_LABELS } from '@/lib/labels';
import type { ActionStatus } from '@/lib/generated/prisma/enums';
import { STATUSES } from '@/lib/actions/schemas';
import type { IndicatorSeries, MonthPoint } from './series';

export interface Chart {
  id: string;
  title: string;
  summary: string;
  svg: string;
  table: { caption: string; head: string[]; rows: string[][] };
}

const W = 720;
const H = 300;
const M = { top: 16, right: 110, bottom: 40, left: 64 };
const FONT = 'font-family="Helvetica, Arial, sans-serif"';
const INK = '#27272a';

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
const compact = (n: number) =>
  Math.abs(n) >= 1e6 ? `${dec.format(Math.round(n / 1e5) / 10)} M` : Math.abs(n) >= 1e4 ? `${int.format(Math.round(n / 1e3))} k` : int.format(n);

/** A "nice" upper bound and its 4 gridline steps. */
function niceMax(max: number): number {
  if (max <= 0) return 4;
  const pow = 10 ** Math.floor(Math.log10(max / 4));
  for (const f of [1, 2, 2.5, 5, 10]) if (f * pow * 4 >= max) return f * pow * 4;
  return max;
}

function frame(title: string, desc: string, body: string, yMax: number, months: string[], yFormat: (n: number) => string): string {
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const grid = [0, 1, 2, 3, 4]
    .map((k) => {
      const y = M.top + ih - (ih * k) / 4;
      return `<line x1="${M.left}" x2="${M.left + iw}" y1="${y}" y2="${y}"/><text x="${M.left - 6}" y="${y + 4}" text-anchor="end" stroke="none">${esc(yFormat((yMax * k) / 4))}</text>`;
    })
    .join('');
  const every = Math.max(1, Math.ceil(months.length / 12));
  const step = iw / Math.max(1, months.length);
  const ticks = months
    .map((m, i) =>
      i % every === 0
        ? `<text x="${Math.round(M.left + step * (i + 0.5))}" y="${H - M.bottom + 16}" text-anchor="middle">${esc(shortMonth(m))}</text>`
        : '',
    )
    .join('');
  // Text defaults (font, size, colour) are set once on the root and inherited.
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${esc(`${title}. ${desc}`)}" ${FONT} font-size="11" fill="${INK}"><rect width="${W}" height="${H}" fill="#ffffff"/><g stroke="#d4d4d8" stroke-width="1">${grid}</g>${ticks}${body}<line x1="${M.left}" x2="${M.left + iw}" y1="${M.top + ih}" y2="${M.top + ih}" stroke="${INK}" stroke-width="1"/></svg>`;
}

export const STATUS_COLORS: Record<ActionStatus, string> = {
  NOT_STARTED: '#434a57',
  IN_PROGRESS: '#1e3a8a',
  DONE: '#13613d',
  PAUSED: '#8f470c',
  BLOCKED: '#a32222',
  LATE: '#b45309',
  ABANDONED: '#6b21a8',
};

/** A pattern per status, so that neighbouring segments differ by more than hue. */
const PATTERNS: Record<ActionStatus, string> = {
  NOT_STARTED: '',
  IN_PROGRESS: '',
  DONE: '<path d="M0 8L8 0M-2 2L2 -2M6 10L10 6" stroke="#ffffff" stroke-width="1.5"/>',
  PAUSED: '<path d="M0 2H8M0 6H8" stroke="#ffffff" stroke-width="1.2"/>',
  BLOCKED: '<path d="M0 0L8 8M8 0L0 8" stroke="#ffffff" stroke-width="1.2"/>',
  LATE: '<circle cx="4" cy="4" r="1.6" fill="#ffffff"/>',
  ABANDONED: '<path d="M2 0V8M6 0V8" stroke="#ffffff" stroke-width="1.2"/>',
};

function fillDefs(prefix: string): string {
  return `<defs>${STATUSES.map(
    (s) =>
      `<pattern id="${prefix}-${s}" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" fill="${STATUS_COLORS[s]}"/>${PATTERNS[s]}</pattern>`,
  ).join('')}</defs>`;
}

/** Swatch markup for legends (HTML pages and packs share the patterns). */
export function statusSwatch(status: ActionStatus, prefix = 'sw'): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="14" aria-hidden="true">${fillDefs(`${prefix}-${status}`)}<rect width="20" height="14" fill="url(#${prefix}-${status}-${status})" stroke="${INK}" stroke-width="0.5"/></svg>`;
}

export function statusChart(months: MonthPoint[], scopeLabel: string, id = 'statuts'): Chart {
  const title = `Actions par statut, mois par mois — ${scopeLabel}`;
  const first = months[0];
  const last = months.at(-1);
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const yMax = niceMax(Math.max(0, ...months.map((p) => p.actions)));
  const step = iw / Math.max(1, months.length);
  const bw = Math.max(2, step * 0.7);
  // One group per status carries the fill and stroke: each bar segment is only its box
  // (the pages must stay light at national scale).
  const segments = new Map<ActionStatus, string[]>(STATUSES.map((st) => [st, []]));
  months.forEach((p, i) => {
    let y = M.top + ih;
    const x = Math.round(M.left + step * i + (step - bw) / 2);
    for (const st of STATUSES) {
      const n = p.byStatus[st];
      if (!n) continue;
      const h = (ih * n) / yMax;
      y -= h;
      segments.get(st)!.push(`<rect x="${x}" y="${y.toFixed(1)}" width="${bw.toFixed(1)}" height="${h.toFixed(1)}"/>`);
    }
  });
  const bars = STATUSES.map((st) => (segments.get(st)!.length ? `<g fill="url(#${id}-${st})" stroke="#ffffff" stroke-width="0.5">${segments.get(st)!.join('')}</g>` : '')).join('');
  // Legend on the right, in stacking order (bottom to top), with the last month's counts.
  const legend = STATUSES.map((s, k) => {
    const y = M.top + ih - 16 - k * 22;
    return `<rect x="${W - M.right + 10}" y="${y}" width="14" height="14" fill="url(#${id}-${s})" stroke="${INK}" stroke-width="0.5"/><text x="${W - M.right + 28}" y="${y + 11}">${esc(ACTION_STATUS_LABELS[s])}</text>`;
  }).join('');
  const summary =
    first && last
      ? `De ${monthLabel(first.month)} à ${monthLabel(last.month)}, le nombre d'actions passe de ${first.actions} à ${last.actions} ; ` +
        `réalisées : ${first.byStatus.DONE} puis ${last.byStatus.DONE}, en cours : ${last.byStatus.IN_PROGRESS}, ` +
        `bloquées : ${last.byStatus.BLOCKED}, en retard : ${last.byStatus.LATE} à la fin de ${monthLabel(last.month)}.`
      : 'Aucune action enregistrée sur la période.';
  return {
    id,
    title,
    summary,
    svg: frame(title, summary, fillDefs(id) + bars + legend, yMax, months.map((p) => p.month), int.format),
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
  dash: string | null;
  marker: 'circle' | 'square' | null;
}

function lines(series: Line[], months: string[]): { body: string; yMax: number } {
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const yMax = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const step = iw / Math.max(1, months.length);
  const x = (i: number) => M.left + step * (i + 0.5);
  const y = (v: number) => M.top + ih - (ih * v) / yMax;
  const ends: number[] = [];
  const body = series
    .map((s) => {
      const pts = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
      const every = Math.max(1, Math.ceil(months.length / 18));
      const markers = s.marker
        ? s.values
            .map((v, i) =>
              i % every !== 0 && i !== s.values.length - 1
                ? ''
                : s.marker === 'circle'
                  ? `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3.5" fill="${s.color}"/>`
                  : `<rect x="${(x(i) - 3.5).toFixed(1)}" y="${(y(v) - 3.5).toFixed(1)}" width="7" height="7" fill="#ffffff" stroke="${s.color}" stroke-width="2"/>`,
            )
            .join('')
        : '';
      // Direct label at the line's end, nudged apart from the other labels.
      let ly = y(s.values.at(-1) ?? 0) + 4;
      while (ends.some((e) => Math.abs(e - ly) < 14)) ly += 14;
      ends.push(ly);
      return `<polyline points="${pts}" fill="none" stroke="${s.color}" stroke-width="2.5"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>${markers}<text x="${W - M.right + 8}" y="${ly.toFixed(1)}" font-size="12" font-weight="bold" fill="${s.color}">${esc(s.label)}</text>`;
    })
    .join('');
  return { body, yMax };
}

export function moneyChart(months: MonthPoint[], scopeLabel: string, id = 'financements'): Chart {
  const title = `Budget prévisionnel et financements accordés — ${scopeLabel}`;
  const first = months[0];
  const last = months.at(-1);
  const { body, yMax } = lines(
    [
      { label: 'Budget', values: months.map((p) => p.budgetCents / 100), color: '#1e3a8a', dash: '6 4', marker: 'square' },
      { label: 'Accordé', values: months.map((p) => p.grantedCents / 100), color: '#13613d', dash: null, marker: 'circle' },
    ],
    months.map((p) => p.month),
  );
  const summary =
    first && last
      ? `Fin ${monthLabel(last.month)} : budget prévisionnel ${euros(last.budgetCents)} (contre ${euros(first.budgetCents)} en ${monthLabel(first.month)}), ` +
        `financements accordés ${euros(last.grantedCents)} (contre ${euros(first.grantedCents)}).`
      : 'Aucune donnée sur la période.';
  return {
    id,
    title,
    summary,
    svg: frame(title, summary, body, yMax, months.map((p) => p.month), (n) => `${compact(n)} €`),
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
  const { body, yMax } = lines(
    [
      { label: 'Cible', values: s.points.map((p) => p.target), color: '#434a57', dash: '6 4', marker: null },
      { label: 'Réalisé', values: s.points.map((p) => p.actual), color: '#1e3a8a', dash: null, marker: 'circle' },
    ],
    s.points.map((p) => p.month),
  );
  const share = last && last.target ? ` (${Math.round((last.actual / last.target) * 100)} % de la cible)` : '';
  const summary =
    first && last
      ? `Réalisé : ${dec.format(first.actual)} ${unit} en ${monthLabel(first.month)}, ${dec.format(last.actual)} ${unit} en ${monthLabel(last.month)}${share} ; cible : ${dec.format(last.target)} ${unit}.`
      : 'Aucune valeur sur la période.';
  return {
    id,
    title,
    summary,
    svg: frame(title, summary, body, yMax, s.points.map((p) => p.month), compact),
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
