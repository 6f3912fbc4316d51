// The error bodies of the API (lib/http.ts `errorResponse`), as output schemas (ADR 0022).
import { z } from 'zod';
import '@/lib/validation';
import { component } from './registry';

const base = (code: string) => ({ error: z.literal(code), message: z.string().meta({ description: 'Le message, en français.' }) });

export const invalidErrorSchema = component(
  'InvalidError',
  z
    .object({
      ...base('INVALID'),
      errors: z
        .record(z.string(), z.array(z.string()))
        .meta({ description: 'Messages en français par champ ; chemins pointés (`financing.1.amountCents`), `_` pour le corps entier.' }),
    })
    .meta({ description: 'Entrée invalide (corps, paramètres ou JSON mal formé) : rien n’a changé.' }),
);

export const unauthenticatedErrorSchema = component(
  'UnauthenticatedError',
  z.object(base('UNAUTHENTICATED')).meta({ description: 'Non connecté, session terminée, ou jeton d’API invalide, expiré ou révoqué.' }),
);

export const forbiddenErrorSchema = component(
  'ForbiddenError',
  z
    .object(base('FORBIDDEN'))
    .meta({ description: 'Dans le périmètre mais non permis (rôle, territoire suspendu, séparation des tâches, jeton en lecture seule, origine étrangère).' }),
);

export const notFoundErrorSchema = component(
  'NotFoundError',
  z.object(base('NOT_FOUND')).meta({ description: 'Absent ou hors du périmètre de l’appelant (l’API ne dit pas ce qui existe ailleurs).' }),
);

export const conflictErrorSchema = component(
  'ConflictError',
  z
    .object({
      ...base('CONFLICT'),
      current: z
        .looseObject({
          changedFields: z.array(z.string()).optional().meta({ description: 'Champs modifiés depuis `baseVersion`.' }),
          baseVersion: z.int().optional(),
        })
        .optional()
        .meta({
          description:
            'L’état enregistré : pour une écriture versionnée, `{ <entité>: …, changedFields, baseVersion, … }` où `<entité>` vaut `action`, `commitment` ou `committee`.',
        }),
    })
    .meta({ description: 'Version périmée ou état changé entre-temps : rien n’a été écrit.' }),
);

export const goneErrorSchema = component('GoneError', z.object(base('GONE')).meta({ description: 'Lien inconnu, déjà utilisé ou expiré.' }));

export const payloadTooLargeErrorSchema = component(
  'PayloadTooLargeError',
  z.object(base('PAYLOAD_TOO_LARGE')).meta({ description: 'Corps trop volumineux, refusé avant d’être lu.' }),
);

export const unsupportedMediaTypeErrorSchema = component(
  'UnsupportedMediaTypeError',
  z.object(base('UNSUPPORTED_MEDIA_TYPE')).meta({ description: 'Type de contenu inattendu (JSON, ou CSV pour l’import).' }),
);

export const unavailableErrorSchema = component(
  'UnavailableError',
  z.object(base('UNAVAILABLE')).meta({ description: 'Base de données indisponible ou trop lente ; réessayer après `Retry-After`.' }),
);

export const ERROR_RESPONSES = {
  400: { description: 'Entrée invalide', schema: invalidErrorSchema },
  401: { description: 'Authentification requise', schema: unauthenticatedErrorSchema },
  403: { description: 'Interdit', schema: forbiddenErrorSchema },
  404: { description: 'Introuvable', schema: notFoundErrorSchema },
  409: { description: 'Conflit', schema: conflictErrorSchema },
  410: { description: 'Lien expiré', schema: goneErrorSchema },
  413: { description: 'Corps trop volumineux', schema: payloadTooLargeErrorSchema },
  415: { description: 'Type de contenu non pris en charge', schema: unsupportedMediaTypeErrorSchema },
  503: { description: 'Service indisponible', schema: unavailableErrorSchema },
} as const;

export type ErrorStatus = keyof typeof ERROR_RESPONSES;
