// Readable French rendering of a tracked field's value (history, conflicts, comparisons).
import {
  ACTION_STATUS_LABELS,
  AXIS_SHORT_LABELS,
  FINANCING_STATUS_LABELS,
  PHASE_LABELS,
  PRIORITY_LABELS,
  formatDate,
  formatEuros,
} from '@/lib/labels';
import type { ActionDto } from './dto';

const num = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

export function formatFieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  switch (field) {
    case 'axes':
      return (value as (keyof typeof AXIS_SHORT_LABELS)[]).map((a) => AXIS_SHORT_LABELS[a] ?? a).join(', ');
    case 'status':
      return ACTION_STATUS_LABELS[value as keyof typeof ACTION_STATUS_LABELS] ?? String(value);
    case 'phase':
      return PHASE_LABELS[value as keyof typeof PHASE_LABELS] ?? String(value);
    case 'priority':
      return PRIORITY_LABELS[value as keyof typeof PRIORITY_LABELS] ?? String(value);
    case 'budgetCents':
      return formatEuros(value as number);
    case 'startDate':
    case 'endDate':
    case 'archivedAt':
      return formatDate(value as string);
    case 'operators':
      return (value as (string | { name: string })[]).map((o) => (typeof o === 'string' ? o : o.name)).join(', ');
    case 'financing':
      return (value as ActionDto['financing'])
        .map((f) => `${f.financer} : ${formatEuros(f.amountCents)} (${FINANCING_STATUS_LABELS[f.status].toLowerCase()})`)
        .join(' ; ');
    case 'milestones':
      return (value as Omit<ActionDto['milestones'][number], 'id'>[])
        .map((m) => `${m.title} (échéance ${formatDate(m.dueDate)}${m.doneAt ? `, réalisé le ${formatDate(m.doneAt)}` : ''})`)
        .join(' ; ');
    case 'indicators':
      return (value as Omit<ActionDto['indicators'][number], 'id'>[])
        .map((i) => `${i.name} : ${i.actual === null ? '—' : num.format(i.actual)} / ${i.target === null ? '—' : num.format(i.target)} ${i.unit}`)
        .join(' ; ');
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}

export const OPERATION_LABELS: Record<string, string> = {
  create: 'Création',
  update: 'Modification',
  progress: "Mise à jour de l'avancement",
  archive: 'Archivage',
  restore: 'Restauration',
  reorder: 'Réordonnancement du plan',
  submit: 'Soumission du plan',
  'validate-local': 'Validation par le binôme',
  'request-changes-local': 'Modifications demandées par le binôme',
  comment: 'Commentaire',
};
