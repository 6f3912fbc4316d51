// Sub-registries of the fiche action's repeatable rows (financing lines, milestones,
// indicators): their form fields, input schemas and output schemas (ADR 0018).
import { z } from 'zod';
import '@/lib/validation';
import { FINANCING_STATUS_LABELS, INDICATOR_KIND_LABELS } from '@/lib/labels';
import {
  FINANCING_STATUSES,
  INDICATOR_KINDS,
  cents,
  comment,
  decimal,
  isoDate,
  options,
  outDay,
  requiredText,
  slug,
  type SubFieldMeta,
} from './field-kit';

export const FINANCING_LINE_FIELDS: readonly SubFieldMeta[] = [
  { key: 'financer', label: 'Financeur', kind: 'text', required: true, maxLength: 200 },
  { key: 'operator', label: 'Opérateur', kind: 'operators', required: false, help: 'Opérateur du programme qui finance, le cas échéant.' },
  { key: 'amountCents', label: 'Montant (€)', kind: 'money', required: true, help: 'En euros, par exemple 250 000 ou 250 000,50.' },
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

export const financingLineSchema = z.strictObject({
  financer: requiredText(200, 'Le financeur'),
  operator: slug.nullable().optional(),
  amountCents: cents('Montant'),
  status: z.enum(FINANCING_STATUSES, { error: 'Statut du financement invalide.' }),
});

export const milestoneSchema = z.strictObject({
  id: z.string().max(40).optional(),
  title: requiredText(200, 'Le titre du jalon'),
  dueDate: isoDate('Échéance'),
  doneAt: isoDate('Date de réalisation').nullable().optional(),
});

/** One dated actual value of an indicator. */
export const indicatorValueSchema = z.strictObject({
  date: isoDate('Date de la valeur'),
  value: decimal('Valeur réalisée'),
  comment: comment.optional(),
});

export const indicatorSchema = z.strictObject({
  id: z.string().max(40).optional(),
  name: requiredText(200, "Le nom de l'indicateur"),
  kind: z.enum(INDICATOR_KINDS, { error: "Type d'indicateur invalide." }).default('OTHER'),
  unit: requiredText(40, "L'unité"),
  target: decimal('Cible').nullable().optional(),
  actual: decimal('Valeur réalisée').nullable().optional(),
  /** The whole dated series; when given it replaces the stored one and sets `actual`. */
  values: z
    .array(indicatorValueSchema)
    .max(500, { error: '500 valeurs datées au maximum par indicateur.' })
    .refine((a) => new Set(a.map((v) => v.date)).size === a.length, { error: 'Deux valeurs ont la même date.' })
    .optional(),
});

export const financingOut = z.object({
  financer: z.string(),
  operator: z.string().nullable(),
  amountCents: z.number().int(),
  status: z.enum(FINANCING_STATUSES),
});
export const milestoneOut = z.object({ id: z.string(), title: z.string(), dueDate: outDay, doneAt: outDay.nullable() });
export const indicatorValueOut = z.object({ date: outDay, value: z.number(), comment: z.string() });
export const indicatorOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  unit: z.string(),
  target: z.number().nullable(),
  actual: z.number().nullable(),
  values: z.array(indicatorValueOut),
});

