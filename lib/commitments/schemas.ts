// Commitment inputs: one zod schema per input, shared by the forms, the server actions
// and the API (STYLE §5). Unknown keys are refused; every bound is explicit; messages are
// French and attached to the field at fault.
//
// Quantities (`promised`, `delivered`) are numbers in the commitment's `unit` with at most
// two decimals: euros when the unit is "EUR" (the column is Decimal(16,2)), otherwise a
// count (entreprises, recrutements…).
import { z } from 'zod';
import '@/lib/validation';
import { AXES } from '@/lib/actions/schemas';
import { EURO_UNIT } from './labels';

export const COMMITMENT_SCOPES = ['NATIONAL', 'REGION', 'TERRITORY'] as const;
export const COMMITMENT_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DELIVERED', 'LATE', 'CANCELLED'] as const;

export const COMMITMENT_LIMITS = {
  title: 200,
  description: 5_000,
  unit: 40,
  /** Largest quantity accepted (under 1,000 billion, exact with cents in a double). */
  quantity: 999_999_999_999.99,
  actions: 300,
} as const;

/** The type error of a field: "obligatoire" when it is missing, `expected` otherwise. */
const typeError = (label: string, expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `${label} : champ obligatoire.` : expected;

const text = (max: number, label: string) =>
  z
    .string({ error: typeError(label, `${label} : texte attendu.`) })
    .trim()
    .max(max, { error: `${label} : ${max} caractères au maximum.` });

const requiredText = (max: number, label: string) => text(max, label).min(1, { error: `${label} est obligatoire.` });

const isoDate = (label: string) =>
  z
    .string({ error: typeError(label, `${label} : date attendue (AAAA-MM-JJ).`) })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} : date attendue au format AAAA-MM-JJ.` })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      error: `${label} : cette date n'existe pas.`,
    })
    .refine((s) => s >= '2018-01-01' && s <= '2100-12-31', { error: `${label} : date hors des bornes (2018-2100).` });

const twoDecimals = (n: number) => Math.round(n * 100) / 100 === n;

const quantity = (label: string) =>
  z
    .number({ error: typeError(label, `${label} : nombre attendu.`) })
    .min(0, { error: `${label} : la valeur ne peut pas être négative.` })
    .max(COMMITMENT_LIMITS.quantity, { error: `${label} : valeur trop élevée.` })
    .refine(twoDecimals, { error: `${label} : deux décimales au maximum.` });

const promised = z
  .number({ error: typeError('Le promis', 'Le montant ou la quantité promis : nombre attendu.') })
  .gt(0, { error: 'Le montant ou la quantité promis doit être supérieur à zéro.' })
  .max(COMMITMENT_LIMITS.quantity, { error: 'Le montant ou la quantité promis : valeur trop élevée.' })
  .refine(twoDecimals, { error: 'Le montant ou la quantité promis : deux décimales au maximum.' });

const slug = (label: string) =>
  z.string({ error: typeError(label, `${label} : identifiant attendu.`) }).regex(/^[a-z0-9-]{1,80}$/, { error: `${label} : identifiant invalide.` });

const regionCode = z
  .string({ error: 'Région : code INSEE attendu.' })
  .regex(/^[0-9]{2,3}$/, { error: 'Région : code INSEE attendu (deux chiffres, par exemple 76).' });

/** "EUR", "€", "euros" all mean an amount in euros. */
const unit = requiredText(COMMITMENT_LIMITS.unit, "L'unité").transform((u) =>
  ['eur', '€', 'euro', 'euros'].includes(u.toLocaleLowerCase('fr')) ? EURO_UNIT : u,
);

const id = (label: string) =>
  z
    .string({ error: `${label} : identifiant attendu.` })
    .min(1, { error: `${label} : identifiant invalide.` })
    .max(40, { error: `${label} : identifiant invalide.` });

export const commitmentVersionField = z
  .number({ error: typeError('La version de référence (version)', 'Version invalide : nombre entier attendu.') })
  .int({ error: 'Version invalide.' })
  .min(1, { error: 'Version invalide.' });

const commitmentFields = {
  operator: slug('Opérateur'),
  title: requiredText(COMMITMENT_LIMITS.title, "L'intitulé"),
  description: text(COMMITMENT_LIMITS.description, 'La description'),
  axis: z.enum(AXES, { error: 'Axe inconnu.' }).nullable(),
  scope: z.enum(COMMITMENT_SCOPES, { error: typeError('La portée', 'Portée invalide (NATIONAL, REGION ou TERRITORY).') }),
  regionCode: regionCode.nullable(),
  territory: slug('Territoire').nullable(),
  unit,
  promised,
  dueDate: isoDate("L'échéance").nullable(),
};

interface Location {
  scope?: (typeof COMMITMENT_SCOPES)[number];
  regionCode?: string | null;
  territory?: string | null;
}

/**
 * "Where" is one unit: the scope says which of `regionCode` / `territory` is expected, and
 * the other must be absent. A partial update that moves a commitment sends the scope too.
 */
function checkLocation(v: Location, ctx: z.RefinementCtx) {
  if (v.scope === undefined) {
    if (v.regionCode !== undefined || v.territory !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['scope'], message: 'Indiquez aussi la portée (scope) pour changer la région ou le territoire.' });
    }
    return;
  }
  const region = v.regionCode ?? null;
  const territory = v.territory ?? null;
  switch (v.scope) {
    case 'NATIONAL':
      if (region) ctx.addIssue({ code: 'custom', path: ['regionCode'], message: 'Un engagement national ne porte pas sur une région.' });
      if (territory) ctx.addIssue({ code: 'custom', path: ['territory'], message: 'Un engagement national ne porte pas sur un territoire.' });
      break;
    case 'REGION':
      if (!region) ctx.addIssue({ code: 'custom', path: ['regionCode'], message: 'Choisissez la région de l’engagement.' });
      if (territory) {
        ctx.addIssue({ code: 'custom', path: ['territory'], message: 'Un engagement régional ne porte pas sur un territoire : choisissez la portée « Territoire ».' });
      }
      break;
    case 'TERRITORY':
      if (!territory) ctx.addIssue({ code: 'custom', path: ['territory'], message: 'Choisissez le territoire de l’engagement.' });
      if (region) {
        ctx.addIssue({ code: 'custom', path: ['regionCode'], message: 'Un engagement territorial ne porte pas sur une région : ses régions sont celles du territoire.' });
      }
      break;
  }
}

/** Recording a commitment (national staff). Delivery starts at zero, status PLANNED unless given. */
export const commitmentCreateSchema = z
  .strictObject({
    ...commitmentFields,
    description: commitmentFields.description.default(''),
    axis: commitmentFields.axis.default(null),
    regionCode: commitmentFields.regionCode.optional(),
    territory: commitmentFields.territory.optional(),
    dueDate: commitmentFields.dueDate.default(null),
  })
  .superRefine(checkLocation);

/** Editing what was committed (national staff); delivery has its own input. */
export const commitmentUpdateSchema = z
  .strictObject({ version: commitmentVersionField, ...z.object(commitmentFields).partial().shape })
  .superRefine(checkLocation);

/** Delivery update (national staff or the operator's staff). */
export const deliveryUpdateSchema = z
  .strictObject({
    version: commitmentVersionField,
    delivered: quantity('Le réalisé').optional(),
    status: z.enum(COMMITMENT_STATUSES, { error: 'Statut invalide (PLANNED, IN_PROGRESS, DELIVERED, LATE ou CANCELLED).' }).optional(),
  })
  .refine((v) => v.delivered !== undefined || v.status !== undefined, {
    error: 'Indiquez le réalisé ou le statut.',
    path: ['delivered'],
  });

const actionIds = z
  .array(id('Action'), { error: 'Actions : liste d’identifiants attendue.' })
  .max(COMMITMENT_LIMITS.actions, { error: `${COMMITMENT_LIMITS.actions} actions liées au maximum.` })
  .refine((ids) => new Set(ids).size === ids.length, { error: 'Une action figure deux fois.' });

/** Replaces the set of actions the commitment funds. */
export const commitmentActionsSchema = z.strictObject({ version: commitmentVersionField, actionIds });

export const unlinkActionSchema = z.strictObject({ version: commitmentVersionField, actionId: id('Action') });

// Query strings send empty fields as "" (an empty filter form): treat them as absent.
const blankAsAbsent = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const flag = (label: string) =>
  z.preprocess(
    blankAsAbsent,
    z
      .enum(['1', 'true', '0', 'false'], { error: `${label} : 1 ou 0 attendu.` })
      .transform((v) => v === '1' || v === 'true')
      .optional(),
  );

export const commitmentFiltersSchema = z.object({
  operator: z.preprocess(blankAsAbsent, slug('Opérateur').optional()),
  region: z.preprocess(blankAsAbsent, regionCode.optional()),
  territory: z.preprocess(blankAsAbsent, slug('Territoire').optional()),
  scope: z.preprocess(blankAsAbsent, z.enum(COMMITMENT_SCOPES, { error: 'Portée invalide (NATIONAL, REGION ou TERRITORY).' }).optional()),
  status: z.preprocess(blankAsAbsent, z.enum(COMMITMENT_STATUSES, { error: 'Statut invalide.' }).optional()),
  late: flag('En retard'),
  underDelivered: flag('Sous-réalisé'),
});

/** Filters back to query-string values (links from the figures to the list). */
export function filtersToQuery(filters: Partial<CommitmentFilters>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === false) continue;
    out[key] = value === true ? '1' : String(value);
  }
  return out;
}

/** Filters of the linkable-action picker. */
export const linkableFiltersSchema = z.object({
  territory: z.preprocess(blankAsAbsent, slug('Territoire').optional()),
  q: z.preprocess(blankAsAbsent, text(200, 'Recherche').optional()),
});

export type CommitmentCreateInput = z.infer<typeof commitmentCreateSchema>;
export type CommitmentUpdateInput = z.infer<typeof commitmentUpdateSchema>;
export type DeliveryUpdateInput = z.infer<typeof deliveryUpdateSchema>;
export type CommitmentFilters = z.infer<typeof commitmentFiltersSchema>;
export type LinkableFilters = z.infer<typeof linkableFiltersSchema>;
