// One error type for the domain, mapped once to HTTP statuses and action results.
export type AppErrorCode = 'UNAUTHENTICATED' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'INVALID';

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** `context`: ids for the security log (never sent to the client). */
    readonly details?: { fieldErrors?: FieldErrors; current?: unknown; context?: Record<string, unknown> },
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'Ressource') => new AppError('NOT_FOUND', `${what} introuvable.`);
export const forbidden = (message = "Vous n'avez pas les droits pour cette opération.", context?: Record<string, unknown>) =>
  new AppError('FORBIDDEN', message, context ? { context } : undefined);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', 'Authentification requise.');
export const invalid = (fieldErrors: FieldErrors, message = 'Certains champs sont invalides.') =>
  new AppError('INVALID', message, { fieldErrors });
export const conflict = (message: string, current?: unknown) => new AppError('CONFLICT', message, { current });

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 400,
};
