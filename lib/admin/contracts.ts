// What the API answers about user administration (ADR 0022). Never a password or token hash.
import { z } from 'zod';
import '@/lib/validation';
import { component } from '@/lib/openapi/registry';
import { isoDateTime, placeRefSchema, roleSchema, territoryRefSchema, operatorRefSchema } from '@/lib/openapi/common';
import type { Invitation, MembershipDto, UserDetail, UserSummary } from './users';
import { USER_STATUSES } from './schemas';

const membershipSchema = z.object({
  role: roleSchema,
  roleLabel: z.string(),
  territory: territoryRefSchema.nullable(),
  region: placeRefSchema.nullable(),
  operator: operatorRefSchema.nullable(),
  title: z.string().nullable(),
}) satisfies z.ZodType<MembershipDto>;

export const userSummarySchema = component(
  'UserSummary',
  z
    .object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      status: z.enum(USER_STATUSES).meta({ description: '`pending` : invité, sans mot de passe ni connexion ProConnect ; `inactive` : désactivé.' }),
      active: z.boolean(),
      memberships: z.array(membershipSchema),
      lastLoginAt: isoDateTime.nullable(),
      invitationExpiresAt: isoDateTime.nullable(),
    })
    .meta({ description: 'Un compte utilisateur, tel que la liste le montre.' }),
) satisfies z.ZodType<UserSummary>;

export const userSchema = component(
  'User',
  userSummarySchema
    .extend({
      version: z.int().meta({ description: 'Version du compte : la base d’une modification (`version` ou `If-Match`), ADR 0021.' }),
      createdAt: isoDateTime,
      updatedAt: isoDateTime,
      lockedUntil: isoDateTime.nullable().meta({ description: 'Après des échecs de connexion répétés.' }),
      invitationExpired: z.boolean(),
    })
    .meta({ description: 'Un compte utilisateur.' }),
) satisfies z.ZodType<UserDetail>;

export const userPageSchema = z.object({ items: z.array(userSummarySchema), total: z.int(), page: z.int(), pageSize: z.int() });

export const invitationSchema = z
  .object({
    user: userSchema,
    activationPath: z.string().meta({ description: '`/activation/<jeton>` : montré une seule fois, jamais stocké.' }),
  })
  .meta({ description: 'Le compte invité et son lien d’activation.' }) satisfies z.ZodType<Invitation>;
