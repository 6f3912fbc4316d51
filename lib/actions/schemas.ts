// One zod schema per input, shared by the form, the server actions and the API (STYLE §5).
// Unknown keys are refused; every bound is explicit; money is integer cents.
import { z } from 'zod';
import '@/lib/validation';

export const AXES = ['ECOLOGICAL_TRANSITION', 'INNOVATION', 'SKILLS', 'INDUSTRIAL_LAND'] as const;
export const PHASES = ['IDEA', 'STUDY', 'OPERATION'] as const;
export const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'PAUSED', 'BLOCKED', 'LATE', 'ABANDONED'] as const;
export const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export const FINANCING_STATUSES = ['PLANNED', 'REQUESTED', 'GRANTED', 'REFUSED'] as const;
export const INDICATOR_KINDS = ['JOBS', 'INVESTMENT', 'HECTARES', 'PROJECTS', 'OTHER'] as const;

const MAX_CENTS = 10_000_000_000_000; // 100 billion euros

const text = (max: number, label: string) =>
  z
    .string({ error: `${label} : texte attendu.` })
    .trim()
    .max(max, { error: `${label} : ${max} caractères au maximum.` });

const requiredText = (max: number, label: string) => text(max, label).min(1, { error: `${label} est obligatoire.` });

const isoDate = (label: string) =>
  z
    .string({ error: `${label} : date attendue (AAAA-MM-JJ).` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} : date attendue au format AAAA-MM-JJ.` })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      error: `${label} : cette date n'existe pas.`,
    })
    .refine((s) => s >= '1990-01-01' && s <= '2100-12-31', { error: `${label} : date hors des bornes (1990-2100).` });

const cents = (label: string) =>
  z
    .number({ error: `${label} : montant en centimes attendu (nombre entier).` })
    .int({ error: `${label} : montant en centimes attendu (nombre entier).` })
    .min(0, { error: `${label} : le montant ne peut pas être négatif.` })
    .max(MAX_CENTS, { error: `${label} : montant trop élevé.` });

const decimal = (label: string) =>
  z
    .number({ error: `${label} : nombre attendu.` })
    .finite({ error: `${label} : nombre attendu.` })
    .min(-1e12, { error: `${label} : valeur trop petite.` })
    .max(1e12, { error: `${label} : valeur trop grande.` })
    .refine((n) => Math.round(n * 100) / 100 === n, { error: `${label} : deux décimales au maximum.` });

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/, { error: 'Identifiant invalide.' });

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

const comment = text(500, 'Le commentaire');

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

const actionFields = {
  title: requiredText(200, 'Le titre'),
  description: text(10_000, 'La description'),
  objectives: text(5_000, 'Les objectifs'),
  axes: z
    .array(z.enum(AXES, { error: 'Axe inconnu.' }), { error: 'Choisissez au moins un axe.' })
    .min(1, { error: 'Choisissez au moins un axe.' })
    .max(4)
    .refine((a) => new Set(a).size === a.length, { error: 'Un axe est en double.' }),
  phase: z.enum(PHASES, { error: 'Phase invalide (IDEA, STUDY ou OPERATION).' }),
  status: z.enum(STATUSES, { error: 'Statut invalide.' }),
  priority: z.enum(PRIORITIES, { error: 'Priorité invalide.' }),
  startDate: isoDate('Date de début').nullable(),
  endDate: isoDate('Date de fin prévue').nullable(),
  pilot: text(200, 'Le pilote'),
  partners: z.array(requiredText(200, 'Le partenaire')).max(30, { error: '30 partenaires au maximum.' }),
  operators: z
    .array(slug)
    .max(20, { error: '20 opérateurs au maximum.' })
    .refine((a) => new Set(a).size === a.length, { error: 'Un opérateur est en double.' }),
  budgetCents: cents('Budget prévisionnel').nullable(),
  financing: z.array(financingLineSchema).max(30, { error: '30 lignes de financement au maximum.' }),
  milestones: z.array(milestoneSchema).max(50, { error: '50 jalons au maximum.' }),
  indicators: z.array(indicatorSchema).max(30, { error: '30 indicateurs au maximum.' }),
  notes: text(10_000, 'Les notes'),
  links: z
    .array(z.url({ protocol: /^https?$/, error: 'Lien invalide (http ou https attendu).' }).max(500))
    .max(20, { error: '20 liens au maximum.' }),
};

const datesInOrder = (v: { startDate?: string | null; endDate?: string | null }) =>
  !v.startDate || !v.endDate || v.endDate >= v.startDate;
const datesError = { error: 'La date de fin prévue doit suivre la date de début.', path: ['endDate'] };

export const actionCreateSchema = z
  .strictObject({
    ...actionFields,
    description: actionFields.description.default(''),
    objectives: actionFields.objectives.default(''),
    phase: actionFields.phase.default('IDEA'),
    priority: actionFields.priority.default('MEDIUM'),
    startDate: actionFields.startDate.default(null),
    endDate: actionFields.endDate.default(null),
    pilot: actionFields.pilot.default(''),
    partners: actionFields.partners.default([]),
    operators: actionFields.operators.default([]),
    budgetCents: actionFields.budgetCents.default(null),
    financing: actionFields.financing.default([]),
    milestones: actionFields.milestones.default([]),
    indicators: actionFields.indicators.default([]),
    notes: actionFields.notes.default(''),
    links: actionFields.links.default([]),
  })
  .refine(datesInOrder, datesError);

export const versionField = z
  .number({ error: 'La version de référence (version) est obligatoire.' })
  .int({ error: 'Version invalide.' })
  .min(1, { error: 'Version invalide.' });

export const actionUpdateSchema = z
  .strictObject({ version: versionField, ...z.object(actionFields).partial().shape })
  .refine(datesInOrder, datesError);

/** Quick progress update: status, indicator actual values, milestone completion. */
export const progressUpdateSchema = z.strictObject({
  version: versionField,
  status: actionFields.status.optional(),
  indicators: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(40),
        actual: decimal('Valeur réalisée').nullable(),
        /** Date of the value (default: today); with a null value, removes that day's value. */
        date: isoDate('Date de la valeur').optional(),
        comment: comment.optional(),
      }),
    )
    .max(30)
    .optional(),
  milestones: z
    .array(z.strictObject({ id: z.string().min(1).max(40), doneAt: isoDate('Date de réalisation').nullable() }))
    .max(50)
    .optional(),
});

export const reorderSchema = z.strictObject({
  orderedIds: z.array(z.string().min(1).max(40)).min(1).max(500),
});

export const actionFiltersSchema = z.object({
  axis: z.enum(AXES).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  phase: z.enum(PHASES).optional().catch(undefined),
  operator: slug.optional().catch(undefined),
  late: z.enum(['1', 'true']).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  sort: z.enum(['position', 'title', 'status', 'endDate', 'updatedAt', 'budget']).optional().catch(undefined),
  archived: z.enum(['1', 'true']).optional().catch(undefined),
});

export type ActionCreateInput = z.infer<typeof actionCreateSchema>;
export type ActionUpdateInput = z.infer<typeof actionUpdateSchema>;
export type ProgressUpdateInput = z.infer<typeof progressUpdateSchema>;
export type ActionFilters = z.infer<typeof actionFiltersSchema>;
