// Reference-data administration inputs: users and their roles, account activation,
// operators, territories. One zod schema per input, shared by the forms, the server
// actions and the API (STYLE §5). Unknown keys are refused; messages are French.
import { z } from 'zod';
import '@/lib/validation';
import { baseVersionField } from '@/lib/versioning/base-version';
import { LOCAL_ROLES, NATIONAL_ROLES, REGIONAL_ROLES, ROLES } from '@/lib/authz/policy';
import type { Role } from '@/lib/generated/prisma/enums';
import { isCommonPassword } from '@/lib/account/common-passwords';

export { ROLES };

export const ADMIN_LIMITS = {
  name: 200,
  email: 254,
  title: 200,
  memberships: 20,
  query: 200,
  epcis: 300,
  password: { min: 12, max: 256 },
} as const;

/** Users per page in the administration list (UI and API). */
export const USER_PAGE_SIZE = 50;

/** What a role is held on: the scope field it requires. */
export type ScopeKind = 'territory' | 'region' | 'operator' | 'national';

export function scopeKindOf(role: Role): ScopeKind {
  if (LOCAL_ROLES.includes(role)) return 'territory';
  if (REGIONAL_ROLES.includes(role)) return 'region';
  if (NATIONAL_ROLES.includes(role)) return 'national';
  return 'operator';
}

const text = (max: number, label: string) =>
  z
    .string({ error: `${label} : texte attendu.` })
    .trim()
    .max(max, { error: `${label} : ${max} caractères au maximum.` });

const requiredText = (max: number, label: string) => text(max, label).min(1, { error: `${label} est obligatoire.` });

// Query strings and forms send empty fields as "": treat them as absent.
const blankAsAbsent = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const blankAsNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

const slugRef = (label: string) =>
  z.preprocess(
    blankAsNull,
    z
      .string({ error: `${label} : identifiant attendu.` })
      .regex(/^[a-z0-9-]{1,80}$/, { error: `${label} : identifiant invalide.` })
      .nullable()
      .optional(),
  );

export const emailField = z
  .string({ error: "L'adresse e-mail est obligatoire." })
  .trim()
  .toLowerCase()
  .min(1, { error: "L'adresse e-mail est obligatoire." })
  .max(ADMIN_LIMITS.email, { error: `L'adresse e-mail : ${ADMIN_LIMITS.email} caractères au maximum.` })
  .pipe(z.email({ error: 'Adresse e-mail invalide.' }));

/**
 * One role on one scope. Which scope field is required depends on the role: a territory
 * (slug) for the local roles, a region (INSEE code) for the regional copilots, an
 * operator (slug) for operator staff, nothing for the national roles. Whether the
 * territory, region or operator exists is checked by the domain (lib/admin/users.ts).
 */
export const membershipInputSchema = z
  .strictObject({
    role: z.enum(ROLES, { error: 'Rôle inconnu.' }),
    territory: slugRef('Territoire'),
    region: z.preprocess(
      blankAsNull,
      z
        .string({ error: 'Région : code attendu.' })
        .regex(/^[0-9]{2,3}$/, { error: 'Région : code INSEE attendu (par exemple 76).' })
        .nullable()
        .optional(),
    ),
    operator: slugRef('Opérateur'),
    title: z.preprocess(blankAsNull, text(ADMIN_LIMITS.title, 'La fonction').nullable().optional()),
  })
  .superRefine((m, ctx) => {
    const kind = scopeKindOf(m.role);
    const required: Record<Exclude<ScopeKind, 'national'>, string> = {
      territory: 'Ce rôle s’exerce sur un territoire : choisissez le territoire.',
      region: 'Ce rôle s’exerce sur une région : choisissez la région.',
      operator: 'Ce rôle s’exerce pour un opérateur : choisissez l’opérateur.',
    };
    if (kind !== 'national' && !m[kind]) ctx.addIssue({ code: 'custom', path: [kind], message: required[kind] });
    for (const field of ['territory', 'region', 'operator'] as const) {
      if (field !== kind && m[field]) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message:
            kind === 'national'
              ? 'Un rôle national ne porte ni territoire, ni région, ni opérateur.'
              : `Ce rôle ne porte ${kind === 'territory' ? 'qu’un territoire' : kind === 'region' ? 'qu’une région' : 'qu’un opérateur'}.`,
        });
      }
    }
  });

export type MembershipInput = z.infer<typeof membershipInputSchema>;

const scopeKey = (m: MembershipInput) => `${m.role}|${m.territory ?? ''}|${m.region ?? ''}|${m.operator ?? ''}`;

const membershipList = z
  .array(membershipInputSchema, { error: 'Rôles : liste attendue.' })
  .max(ADMIN_LIMITS.memberships, { error: `${ADMIN_LIMITS.memberships} rôles au maximum.` })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((m, i) => {
      const key = scopeKey(m);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'role'], message: 'Ce rôle figure deux fois sur le même périmètre.' });
      seen.add(key);
    });
  });

export const inviteUserSchema = z.strictObject({
  email: emailField,
  name: requiredText(ADMIN_LIMITS.name, 'Le nom'),
  memberships: membershipList.min(1, { error: 'Attribuez au moins un rôle.' }),
});

/** A PATCH of a user: `memberships` replaces the whole list; `active` (de)activates. */
export const updateUserSchema = z
  .strictObject({
    memberships: membershipList.optional(),
    active: z.boolean({ error: 'Actif : vrai ou faux attendu.' }).optional(),
    /** The base version (ADR 0021): required by the API route and the server actions. */
    version: baseVersionField.optional(),
  })
  .refine((u) => u.memberships !== undefined || u.active !== undefined, {
    error: 'Indiquez au moins « memberships » ou « active ».',
  });

export const membershipsSchema = z.strictObject({ memberships: membershipList, version: baseVersionField.optional() });

export const USER_STATUSES = ['active', 'pending', 'inactive'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const userFiltersSchema = z.object({
  q: z.preprocess(
    blankAsAbsent,
    text(ADMIN_LIMITS.query, 'Recherche').optional(),
  ),
  status: z.preprocess(blankAsAbsent, z.enum(USER_STATUSES, { error: 'Statut : active, pending ou inactive.' }).optional()),
  role: z.preprocess(blankAsAbsent, z.enum(ROLES, { error: 'Rôle inconnu.' }).optional()),
  page: z.preprocess(
    blankAsAbsent,
    z.coerce
      .number({ error: 'Page : nombre entier attendu.' })
      .int({ error: 'Page : nombre entier attendu.' })
      .min(1, { error: 'Page : nombre entier attendu.' })
      .max(10_000, { error: 'Page : nombre entier attendu.' })
      .optional(),
  ),
});

export type UserFilters = z.infer<typeof userFiltersSchema>;

/* ------------------------------------------------------------------ activation */

/** The password policy: length is what matters (ANSSI / NIST 800-63B), no composition rules. */
export const passwordField = z.string({ error: 'Le mot de passe est obligatoire.' }).superRefine((p, ctx) => {
  const { min, max } = ADMIN_LIMITS.password;
  // One message at a time, the most useful first.
  if (!p) ctx.addIssue({ code: 'custom', message: 'Le mot de passe est obligatoire.' });
  else if (p.length > max) ctx.addIssue({ code: 'custom', message: `Le mot de passe : ${max} caractères au maximum.` });
  else if (p.trim().length < min) {
    ctx.addIssue({ code: 'custom', message: `Le mot de passe doit contenir au moins ${min} caractères (espaces de début et de fin non comptés).` });
  } else if (isCommonPassword(p)) {
    ctx.addIssue({ code: 'custom', message: 'Ce mot de passe figure parmi les plus courants : choisissez-en un autre.' });
  }
});

/** The activation form: the password typed twice. */
export const activationFormSchema = z
  .strictObject({
    password: passwordField,
    confirmation: z.string({ error: 'Confirmez le mot de passe.' }).min(1, { error: 'Confirmez le mot de passe.' }),
  })
  .refine((f) => f.password === f.confirmation, {
    error: 'Les deux mots de passe ne sont pas identiques.',
    path: ['confirmation'],
  });

/** base64url of 32 random bytes. */
export const activationTokenField = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/* ------------------------------------------------------------------ operators */

export const OPERATOR_KINDS = ['OPERATOR', 'STATE_SERVICE'] as const;

const operatorSlug = z
  .string({ error: 'Identifiant : texte attendu.' })
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    error: 'Identifiant : lettres minuscules sans accent, chiffres et tirets (par exemple banque-des-territoires).',
  })
  .max(80, { error: 'Identifiant : 80 caractères au maximum.' });

export const operatorCreateSchema = z.strictObject({
  name: requiredText(ADMIN_LIMITS.name, 'Le nom'),
  slug: z.preprocess(blankAsAbsent, operatorSlug.optional()),
  kind: z.enum(OPERATOR_KINDS, { error: 'Type invalide (OPERATOR ou STATE_SERVICE).' }).default('OPERATOR'),
});

/** Renaming keeps the slug: API clients and action inputs refer to operators by slug. */
export const operatorUpdateSchema = z
  .strictObject({
    name: requiredText(ADMIN_LIMITS.name, 'Le nom').optional(),
    kind: z.enum(OPERATOR_KINDS, { error: 'Type invalide (OPERATOR ou STATE_SERVICE).' }).optional(),
    /** The base version (ADR 0021): required by the server action. */
    version: baseVersionField.optional(),
  })
  .refine((o) => o.name !== undefined || o.kind !== undefined, { error: 'Indiquez le nom ou le type.' });

/* ------------------------------------------------------------------ territories */

export const TERRITORY_PHASES = ['RENEWED', 'NEW'] as const;
export const TERRITORY_STATUSES = ['ACTIVE', 'SUSPENDED', 'ARCHIVED'] as const;

const siren = z
  .string({ error: 'SIREN : texte attendu.' })
  .trim()
  .regex(/^[0-9]{9}$/, { error: 'SIREN invalide (9 chiffres attendus).' });

/** Edits of a territory; `epcis` (SIREN list) replaces the composition. The slug never changes. */
export const territoryUpdateSchema = z
  .strictObject({
    name: requiredText(ADMIN_LIMITS.name, 'Le nom').optional(),
    phase: z.enum(TERRITORY_PHASES, { error: 'Phase invalide (RENEWED ou NEW).' }).optional(),
    status: z.enum(TERRITORY_STATUSES, { error: 'Statut invalide (ACTIVE, SUSPENDED ou ARCHIVED).' }).optional(),
    officialId: z.preprocess(
      blankAsNull,
      z
        .string({ error: 'Identifiant officiel : texte attendu.' })
        .trim()
        .toLowerCase()
        .regex(/^ti-[0-9a-z]{1,12}$/, { error: 'Identifiant officiel invalide (attendu : ti-XXXX).' })
        .nullable()
        .optional(),
    ),
    epcis: z
      .array(siren, { error: 'EPCI : liste de SIREN attendue.' })
      .min(1, { error: 'Un territoire compte au moins un EPCI.' })
      .max(ADMIN_LIMITS.epcis, { error: `${ADMIN_LIMITS.epcis} EPCI au maximum.` })
      .refine((l) => new Set(l).size === l.length, { error: 'Un EPCI figure deux fois.' })
      .optional(),
    /** The base version (ADR 0021): required by the server action. */
    version: baseVersionField.optional(),
  })
  .refine(({ version: _v, ...t }) => Object.values(t).some((v) => v !== undefined), { error: 'Aucune modification indiquée.' });

export type TerritoryUpdateInput = z.infer<typeof territoryUpdateSchema>;

/** SIREN codes typed in a text area: separated by spaces, commas, semicolons or lines. */
export const splitSirens = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
