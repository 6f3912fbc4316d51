// Regional committee ("revue régionale") inputs: one zod schema per input, shared by
// the form, the server actions and the API (STYLE §5). Unknown keys are refused.
import { z } from 'zod';
import '@/lib/validation';

export const COMMITTEE_LIMITS = {
  title: 200,
  attendee: 200,
  attendees: 100,
  decisions: 20_000,
  actions: 200,
  query: 200,
} as const;

/** Committees per page in lists (UI and API). */
export const COMMITTEE_PAGE_SIZE = 50;

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
    .refine((s) => s >= '2018-01-01' && s <= '2100-12-31', { error: `${label} : date hors des bornes (2018-2100).` });

const unique = (values: readonly string[]) => new Set(values.map((v) => v.toLocaleLowerCase('fr'))).size === values.length;

// Stored one per line, so a name may not contain a line break of its own.
const attendee = requiredText(COMMITTEE_LIMITS.attendee, 'Le nom du participant').regex(/^[^\r\n]*$/, {
  error: 'Un seul participant par ligne.',
});

const committeeFields = {
  title: requiredText(COMMITTEE_LIMITS.title, 'Le titre'),
  date: isoDate('La date du comité'),
  attendees: z
    .array(attendee, { error: 'Participants : liste de noms attendue.' })
    .max(COMMITTEE_LIMITS.attendees, { error: `${COMMITTEE_LIMITS.attendees} participants au maximum.` })
    .refine(unique, { error: 'Un participant figure deux fois.' }),
  decisions: text(COMMITTEE_LIMITS.decisions, 'Les décisions'),
  actionIds: z
    .array(z.string({ error: 'Identifiant d’action invalide.' }).min(1, { error: 'Identifiant d’action invalide.' }).max(40, { error: 'Identifiant d’action invalide.' }), {
      error: 'Actions examinées : liste d’identifiants attendue.',
    })
    .max(COMMITTEE_LIMITS.actions, { error: `${COMMITTEE_LIMITS.actions} actions liées au maximum.` })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'Une action figure deux fois.' }),
};

export const committeeCreateSchema = z.strictObject({
  ...committeeFields,
  attendees: committeeFields.attendees.default([]),
  decisions: committeeFields.decisions.default(''),
  actionIds: committeeFields.actionIds.default([]),
});

/**
 * The version the edit was based on (see `CommitteeDto.version`). 0 is the version of a
 * committee recorded before it had a version column and never audited (ADR 0021).
 */
export const committeeVersionField = z
  .number({ error: 'La version de référence (version) est obligatoire.' })
  .int({ error: 'Version invalide.' })
  .min(0, { error: 'Version invalide.' });

/** Partial update; `actionIds`, when given, replaces the whole set of linked actions. */
export const committeeUpdateSchema = z.strictObject({
  version: committeeVersionField,
  ...z.object(committeeFields).partial().shape,
});

// Query strings send empty fields as "" (an empty search form): treat them as absent.
const blankAsAbsent = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const committeeFiltersSchema = z
  .object({
    q: z.preprocess(
      blankAsAbsent,
      z
        .string({ error: 'Recherche : texte attendu.' })
        .trim()
        .max(COMMITTEE_LIMITS.query, { error: `Recherche : ${COMMITTEE_LIMITS.query} caractères au maximum.` })
        .optional(),
    ),
    from: z.preprocess(blankAsAbsent, isoDate('Date de début').optional()),
    to: z.preprocess(blankAsAbsent, isoDate('Date de fin').optional()),
    page: z.preprocess(
      blankAsAbsent,
      z.coerce
        .number({ error: 'Page : nombre entier attendu.' })
        .int({ error: 'Page : nombre entier attendu.' })
        .min(1, { error: 'Page : nombre entier attendu.' })
        .max(10_000, { error: 'Page : nombre entier attendu.' })
        .optional(),
    ),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    error: 'La date de fin de la recherche doit suivre sa date de début.',
    path: ['to'],
  });

export type CommitteeCreateInput = z.infer<typeof committeeCreateSchema>;
export type CommitteeUpdateInput = z.infer<typeof committeeUpdateSchema>;
export type CommitteeFilters = z.infer<typeof committeeFiltersSchema>;
