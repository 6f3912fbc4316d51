// What the action form renders: sections and fields in form order. Shaped like the field
// registry's ACTION_FORM_SECTIONS / ACTION_FORM_FIELDS (lib/actions/fields.ts, feat/registry);
// TEMPORARY local copy until that branch is merged, then re-exported from there.
import { AXES, FINANCING_STATUSES, INDICATOR_KINDS, PHASES, PRIORITIES, STATUSES } from '@/lib/actions/schemas';
import {
  ACTION_STATUS_LABELS,
  AXIS_LABELS,
  FINANCING_STATUS_LABELS,
  INDICATOR_KIND_LABELS,
  PHASE_LABELS,
  PRIORITY_LABELS,
} from '@/lib/labels';

export type InputKind = 'text' | 'textarea' | 'select' | 'checkboxes' | 'date' | 'money' | 'decimal' | 'lines' | 'operators' | 'repeatable';

export interface Option {
  value: string;
  label: string;
}

export interface SubFieldMeta {
  key: string;
  label: string;
  kind: Exclude<InputKind, 'repeatable' | 'checkboxes' | 'lines'>;
  options?: Option[];
  required: boolean;
  help?: string;
  maxLength?: number;
}

export interface FormFieldMeta {
  key: string;
  label: string;
  section: string;
  order: number;
  kind: InputKind;
  options?: Option[];
  required: boolean;
  help?: string;
  maxLength?: number;
  maxItems?: number;
  rows?: number;
  subFields?: readonly SubFieldMeta[];
}

const options = <T extends string>(codes: readonly T[], labels: Record<T, string>): Option[] => codes.map((value) => ({ value, label: labels[value] }));

export const ACTION_FORM_SECTIONS = [
  { key: 'identification', id: 'section-identification', title: 'Identification' },
  { key: 'description', id: 'section-description', title: 'Description et objectifs' },
  { key: 'calendar', id: 'section-calendrier', title: 'Calendrier et pilotage' },
  { key: 'budget', id: 'section-budget', title: 'Budget et financements' },
  { key: 'milestones', id: 'section-jalons', title: 'Jalons' },
  { key: 'indicators', id: 'section-indicateurs', title: 'Indicateurs' },
  { key: 'notes', id: 'section-notes', title: 'Notes et liens' },
] as const;

export const FINANCING_LINE_FIELDS: readonly SubFieldMeta[] = [
  { key: 'financer', label: 'Financeur', kind: 'text', required: true, maxLength: 200 },
  { key: 'operator', label: 'Opérateur', kind: 'operators', required: false },
  { key: 'amountCents', label: 'Montant (€)', kind: 'money', required: true },
  { key: 'status', label: 'Statut du financement', kind: 'select', options: options(FINANCING_STATUSES, FINANCING_STATUS_LABELS), required: true },
];
export const MILESTONE_FIELDS: readonly SubFieldMeta[] = [
  { key: 'title', label: 'Intitulé du jalon', kind: 'text', required: true, maxLength: 200 },
  { key: 'dueDate', label: 'Échéance', kind: 'date', required: true },
  { key: 'doneAt', label: 'Date de réalisation', kind: 'date', required: false, help: 'Laissez vide tant que le jalon n’est pas atteint.' },
];
export const INDICATOR_FIELDS: readonly SubFieldMeta[] = [
  { key: 'name', label: "Nom de l'indicateur", kind: 'text', required: true, maxLength: 200 },
  { key: 'kind', label: "Type d'indicateur", kind: 'select', options: options(INDICATOR_KINDS, INDICATOR_KIND_LABELS), required: true },
  { key: 'unit', label: 'Unité', kind: 'text', required: true, maxLength: 40, help: 'Par exemple : emplois, €, ha, MWh/an.' },
  { key: 'target', label: 'Cible', kind: 'decimal', required: false },
  { key: 'actual', label: 'Valeur réalisée', kind: 'decimal', required: false },
];

export const ACTION_FORM_FIELDS: readonly FormFieldMeta[] = (
  [
    { key: 'title', label: 'Titre', section: 'identification', kind: 'text', required: true, maxLength: 200 },
    { key: 'axes', label: 'Axes du programme', section: 'identification', kind: 'checkboxes', options: options(AXES, AXIS_LABELS), required: true, help: 'Cochez au moins un axe.' },
    { key: 'phase', label: 'Phase', section: 'identification', kind: 'select', options: options(PHASES, PHASE_LABELS), required: true },
    { key: 'status', label: 'Statut', section: 'identification', kind: 'select', options: options(STATUSES, ACTION_STATUS_LABELS), required: true },
    { key: 'priority', label: 'Priorité', section: 'identification', kind: 'select', options: options(PRIORITIES, PRIORITY_LABELS), required: true },
    { key: 'description', label: 'Description', section: 'description', kind: 'textarea', required: false, maxLength: 10_000, rows: 6 },
    { key: 'objectives', label: 'Objectifs', section: 'description', kind: 'textarea', required: false, maxLength: 5_000, rows: 4 },
    { key: 'startDate', label: 'Date de début', section: 'calendar', kind: 'date', required: false },
    { key: 'endDate', label: 'Date de fin prévue', section: 'calendar', kind: 'date', required: false },
    { key: 'pilot', label: 'Pilote', section: 'calendar', kind: 'text', required: false, maxLength: 200, help: 'Structure ou personne qui porte l’action.' },
    { key: 'partners', label: 'Partenaires', section: 'calendar', kind: 'lines', required: false, maxItems: 30, rows: 4, help: 'Un partenaire par ligne (30 au maximum).' },
    { key: 'operators', label: 'Opérateurs mobilisés', section: 'calendar', kind: 'operators', required: false },
    { key: 'budgetCents', label: 'Budget prévisionnel (€)', section: 'budget', kind: 'money', required: false, help: 'En euros, par exemple 250 000 ou 250 000,50. Laissez vide si inconnu.' },
    { key: 'financing', label: 'Financements', section: 'budget', kind: 'repeatable', required: false, maxItems: 30, subFields: FINANCING_LINE_FIELDS },
    { key: 'milestones', label: 'Jalons', section: 'milestones', kind: 'repeatable', required: false, maxItems: 50, subFields: MILESTONE_FIELDS },
    { key: 'indicators', label: 'Indicateurs', section: 'indicators', kind: 'repeatable', required: false, maxItems: 30, subFields: INDICATOR_FIELDS },
    { key: 'notes', label: 'Notes', section: 'notes', kind: 'textarea', required: false, maxLength: 10_000, rows: 5 },
    { key: 'links', label: 'Liens', section: 'notes', kind: 'lines', required: false, maxItems: 20, rows: 4, help: 'Une adresse web (http ou https) par ligne, 20 au maximum.' },
  ] satisfies Omit<FormFieldMeta, 'order'>[]
).map((f, order) => ({ ...f, order }));
