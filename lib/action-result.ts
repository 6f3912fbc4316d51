// Maps domain errors to server-action results (the UI's counterpart of lib/http).
import { AppError, type FieldErrors } from '@/lib/errors';
import { logDenied } from '@/lib/security-log';

export type ActionResult<T = undefined> =
  | ({ ok: true } & (T extends undefined ? object : { value: T }))
  | { ok: false; message: string; errors?: FieldErrors; conflict?: unknown };

export function failure(error: unknown): { ok: false; message: string; errors?: FieldErrors; conflict?: unknown } {
  if (error instanceof AppError) {
    logDenied(error);
    switch (error.code) {
      case 'INVALID':
        return { ok: false, message: error.message, errors: error.details?.fieldErrors };
      case 'CONFLICT':
        return { ok: false, message: error.message, conflict: error.details?.current };
      case 'UNAUTHENTICATED':
        return { ok: false, message: 'Votre session a expiré : reconnectez-vous (vos saisies restent dans le formulaire).' };
      default:
        return { ok: false, message: error.message };
    }
  }
  console.error(error);
  return { ok: false, message: "Une erreur inattendue s'est produite. Réessayez ; vos saisies sont conservées." };
}
