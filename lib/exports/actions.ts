// Exports of actions that follow the list filters and the caller's scope.
// CSV: UTF-8 with BOM (Excel opens it with accents intact), ";" by default
// (French Excel), "," on request. XLSX through exceljs.
import ExcelJS from 'exceljs';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { scopedActionWhere, type ProgrammeFilters } from '@/lib/actions/programme-filters';
import { reference } from '@/lib/actions/dto';
import { ACTION_STATUS_LABELS, AXIS_SHORT_LABELS, PHASE_LABELS, PRIORITY_LABELS } from '@/lib/labels';

const MAX_ROWS = 50_000;

const COLUMNS = [
  'Territoire',
  'Régions',
  'Départements',
  'Référence',
  'Titre',
  'Axes',
  'Phase',
  'Statut',
  'Priorité',
  'Date de début',
  'Date de fin prévue',
  'Pilote',
  'Opérateurs',
  'Budget prévisionnel (€)',
  'Financements accordés (€)',
  'Financements demandés ou envisagés (€)',
  'Jalons en retard',
  'Dernière modification',
  'Indicateurs (réalisé / cible, date de la dernière valeur)',
  'Valeurs datées des indicateurs',
] as const;

type Cell = string | number | null;

export async function exportRows(actor: Actor, filters: ProgrammeFilters): Promise<Cell[][]> {
  const today = new Date(new Date().toISOString().slice(0, 10));
  const rows = await db.action.findMany({
    where: scopedActionWhere(actor, filters),
    orderBy: [{ territory: { name: 'asc' } }, { position: 'asc' }],
    take: MAX_ROWS,
    select: {
      number: true,
      title: true,
      axes: true,
      phase: true,
      status: true,
      priority: true,
      startDate: true,
      endDate: true,
      pilot: true,
      budgetCents: true,
      updatedAt: true,
      territory: { select: { name: true, regionCodes: true, departementCodes: true } },
      operators: { select: { operator: { select: { name: true } } } },
      financing: { select: { amountCents: true, status: true } },
      milestones: { where: { doneAt: null, dueDate: { lt: today } }, select: { id: true } },
      indicators: {
        orderBy: { position: 'asc' },
        select: {
          name: true,
          unit: true,
          target: true,
          actual: true,
          values: { orderBy: { date: 'asc' }, select: { date: true, value: true } },
        },
      },
    },
  });
  const regionNames = new Map((await db.region.findMany({ select: { code: true, name: true } })).map((r) => [r.code, r.name]));
  const euros = (cents: bigint | number | null) => (cents === null ? null : Number(cents) / 100);
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  return rows.map((a) => [
    a.territory.name,
    a.territory.regionCodes.map((c) => regionNames.get(c) ?? c).join(', '),
    a.territory.departementCodes.join(', '),
    reference(a.number),
    a.title,
    a.axes.map((x) => AXIS_SHORT_LABELS[x]).join(', '),
    PHASE_LABELS[a.phase],
    ACTION_STATUS_LABELS[a.status],
    PRIORITY_LABELS[a.priority],
    day(a.startDate),
    day(a.endDate),
    a.pilot,
    a.operators.map((o) => o.operator.name).join(', '),
    euros(a.budgetCents),
    euros(a.financing.filter((f) => f.status === 'GRANTED').reduce((s, f) => s + Number(f.amountCents), 0)),
    euros(a.financing.filter((f) => f.status === 'REQUESTED' || f.status === 'PLANNED').reduce((s, f) => s + Number(f.amountCents), 0)),
    a.milestones.length,
    a.updatedAt.toISOString(),
    a.indicators
      .map((i) => {
        const last = i.values.at(-1);
        return `${i.name} : ${i.actual?.toString() ?? '—'} / ${i.target?.toString() ?? '—'} ${i.unit}${last ? ` au ${day(last.date)}` : ''}`;
      })
      .join(' ; '),
    a.indicators
      .filter((i) => i.values.length)
      .map((i) => `${i.name} : ${i.values.map((v) => `${day(v.date)} = ${v.value.toString()}`).join(', ')}`)
      .join(' ; '),
  ]);
}

function csvCell(value: Cell, separator: string, decimalComma: boolean): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'number' && decimalComma) text = text.replace('.', ',');
  // Cells starting with = + - @ are neutralised (CSV formula injection).
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /["\n\r]/.test(text) || text.includes(separator) ? `"${text.replaceAll('"', '""')}"` : text;
}

export async function exportActionsCsv(actor: Actor, filters: ProgrammeFilters, separator: ';' | ',' = ';'): Promise<string> {
  const rows = await exportRows(actor, filters);
  const decimalComma = separator === ';';
  const lines = [COLUMNS as readonly Cell[], ...rows].map((r) => r.map((c) => csvCell(c, separator, decimalComma)).join(separator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function exportActionsXlsx(actor: Actor, filters: ProgrammeFilters): Promise<Buffer> {
  const rows = await exportRows(actor, filters);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Territoires d'industrie";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('Actions', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.columns.forEach((col, i) => {
    col.width = i === 4 ? 60 : 18;
    if (i >= 13 && i <= 15) col.numFmt = '#,##0.00 "€"';
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
