// The measures the programme map can show, shared by the overview (the map itself) and
// its table page (/programme/departements): one definition of each measure's label,
// value and wording, and of the map's rows.
import { formatEuros, formatInteger } from '@/lib/labels';
import type { ProgrammeOverview } from './queries';

export const MAP_MEASURES = {
  actions: { label: "Nombre d'actions", of: (d: { actions: number }) => d.actions, fmt: (n: number) => `${formatInteger(n)} actions` },
  territories: { label: 'Nombre de territoires', of: (d: { territories: number }) => d.territories, fmt: (n: number) => `${formatInteger(n)} territoires` },
  budget: { label: 'Budget prévisionnel', of: (d: { budgetCents: number }) => d.budgetCents / 100, fmt: (n: number) => formatEuros(n * 100) },
  late: { label: 'Jalons en retard', of: (d: { lateMilestones: number }) => d.lateMilestones, fmt: (n: number) => `${formatInteger(n)} jalons en retard` },
  health: {
    label: 'Territoires à surveiller ou en difficulté',
    of: (d: { alertShare: number }) => Math.round(d.alertShare * 100),
    fmt: (n: number) => `${n} % des territoires en alerte`,
  },
} as const;
export type MapMeasure = keyof typeof MAP_MEASURES;

/** The `mesure` query parameter, `actions` when absent or unknown. */
export function mapMeasureParam(value: unknown): MapMeasure {
  return typeof value === 'string' && Object.hasOwn(MAP_MEASURES, value) ? (value as MapMeasure) : 'actions';
}

export const MAP_MEASURE_OPTIONS = Object.entries(MAP_MEASURES).map(([value, m]) => ({ value, label: m.label }));

/** One row per département of the overview: its value for the measure, the wording, its number of territories. */
export function programmeMapRows(
  byDepartement: ProgrammeOverview['byDepartement'],
  alertShareByDepartement: ReadonlyMap<string, number>,
  measure: MapMeasure,
) {
  const m = MAP_MEASURES[measure];
  return byDepartement.map((row) => {
    const value = m.of({ ...row, alertShare: alertShareByDepartement.get(row.code) ?? 0 });
    return { code: row.code, name: row.name, value, label: m.fmt(value), detail: formatInteger(row.territories) };
  });
}
