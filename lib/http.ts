// Route-handler plumbing: authentication, same-origin and content-type checks,
// and the one mapping from AppError to HTTP statuses. No stack trace leaves the server.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { AppError, HTTP_STATUS, invalid, unauthenticated } from '@/lib/errors';
import { getActor } from '@/lib/auth/session';
import type { Actor } from '@/lib/authz/policy';
import { fieldErrorsFromZod } from '@/lib/validation';
import { logDenied } from '@/lib/security-log';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    logDenied(error);
    const body: Record<string, unknown> = { error: error.code, message: error.message };
    if (error.details?.fieldErrors) body.errors = error.details.fieldErrors;
    if (error.details?.current !== undefined) body.current = error.details.current;
    return NextResponse.json(body, { status: HTTP_STATUS[error.code] });
  }
  if (error instanceof z.ZodError) {
    return NextResponse.json(
      { error: 'INVALID', message: 'Certains champs sont invalides.', errors: fieldErrorsFromZod(error) },
      { status: 400 },
    );
  }
  console.error(error);
  return NextResponse.json({ error: 'INTERNAL', message: 'Erreur interne. Réessayez plus tard.' }, { status: 500 });
}

/**
 * State-changing requests must come from the app's own origin (CSRF defence in
 * depth, on top of SameSite cookies). Browsers always send Origin on such
 * requests; a request without Origin and without Sec-Fetch-Site comes from a
 * non-browser client (a user's script) and cannot carry a forged cross-site intent.
 */
export function checkSameOrigin(request: NextRequest): void {
  if (!UNSAFE.has(request.method)) return;
  const origin = request.headers.get('origin');
  const fetchSite = request.headers.get('sec-fetch-site');
  if (!origin) {
    if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      throw new AppError('FORBIDDEN', 'Origine de la requête refusée.');
    }
    return;
  }
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  const allowed = new Set<string>();
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  if (process.env.NEXTAUTH_URL) allowed.add(new URL(process.env.NEXTAUTH_URL).origin);
  if (!allowed.has(origin)) throw new AppError('FORBIDDEN', 'Origine de la requête refusée.');
}

export async function readJson(request: NextRequest): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) throw new UnsupportedMediaType('application/json');
  try {
    return await request.json();
  } catch {
    throw invalid({ _: ['Le corps de la requête n’est pas un JSON valide.'] }, 'JSON invalide.');
  }
}

export class UnsupportedMediaType extends Error {
  constructor(readonly expected: string) {
    super(`Type de contenu attendu : ${expected}`);
  }
}

type Handler<C> = (ctx: { request: NextRequest; actor: Actor; params: C }) => Promise<Response>;

/** Wraps an authenticated API route: 401 signed out, 403 foreign origin, 415, AppError mapping. */
export function apiRoute<C = Record<string, never>>(handler: Handler<C>) {
  return async (request: NextRequest, context: { params: Promise<C> }): Promise<Response> => {
    try {
      checkSameOrigin(request);
      const actor = await getActor();
      if (!actor) throw unauthenticated();
      const params = ((await context?.params) ?? {}) as C;
      return await handler({ request, actor, params });
    } catch (error) {
      if (error instanceof UnsupportedMediaType) {
        return NextResponse.json({ error: 'UNSUPPORTED_MEDIA_TYPE', message: error.message }, { status: 415 });
      }
      return errorResponse(error);
    }
  };
}
