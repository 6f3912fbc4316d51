// Route-handler plumbing: authentication, same-origin and content-type checks,
// and the one mapping from AppError to HTTP statuses. No stack trace leaves the server.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { AppError, HTTP_STATUS, invalid, unauthenticated } from '@/lib/errors';
import { getActor } from '@/lib/auth/session';
import type { Actor } from '@/lib/authz/policy';
import { fieldErrorsFromZod } from '@/lib/validation';
import { BODY_LIMITS, PayloadTooLarge, readBodyText } from '@/lib/http-body';
import { isDatabaseUnavailable } from '@/lib/db-errors';
import { authenticateToken, recordTokenUse } from '@/lib/tokens/tokens';
import { logDenied, securityLog } from '@/lib/security-log';

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
  if (error instanceof PayloadTooLarge) return error.response();
  if (isDatabaseUnavailable(error)) {
    // A stuck or unreachable database fails fast (lib/db.ts timeouts), never hangs.
    console.error(error);
    return NextResponse.json(
      { error: 'UNAVAILABLE', message: 'Service momentanément indisponible. Réessayez dans quelques instants.' },
      { status: 503, headers: { 'Retry-After': '5' } },
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
  // Capped (1 MB) from Content-Length and while streaming: never buffered whole first.
  const text = await readBodyText(request, BODY_LIMITS.json);
  try {
    return JSON.parse(text) as unknown;
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

/** The bearer token of `Authorization: Bearer <token>`, or undefined when the request has none. */
export function bearerTokenOf(request: NextRequest): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1];
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

function tokenRefused(): NextResponse {
  return NextResponse.json(
    { error: 'UNAUTHENTICATED', message: 'Jeton d’API invalide, expiré ou révoqué.' },
    { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } },
  );
}

/**
 * Wraps an authenticated API route: 401 signed out, 403 foreign origin, 415, AppError mapping.
 * A request with `Authorization: Bearer` is authenticated by its personal access token only
 * (the cookie is ignored, and the same-origin check does not apply: no cookie, no CSRF);
 * a read-only token gets 403 on any write, and every use is recorded (ADR 0014).
 */
export function apiRoute<C = Record<string, never>>(handler: Handler<C>) {
  const run = async (request: NextRequest, actor: Actor, context: { params: Promise<C> }): Promise<Response> => {
    try {
      const params = ((await context?.params) ?? {}) as C;
      return await handler({ request, actor, params });
    } catch (error) {
      if (error instanceof UnsupportedMediaType) {
        return NextResponse.json({ error: 'UNSUPPORTED_MEDIA_TYPE', message: error.message }, { status: 415 });
      }
      return errorResponse(error);
    }
  };
  return async (request: NextRequest, context: { params: Promise<C> }): Promise<Response> => {
    const bearer = bearerTokenOf(request);
    if (bearer !== undefined) {
      let auth: Awaited<ReturnType<typeof authenticateToken>>;
      try {
        auth = await authenticateToken(bearer);
      } catch (error) {
        return errorResponse(error);
      }
      if (!auth.ok) {
        securityLog.warn({
          event: 'token.refused',
          reason: auth.reason,
          tokenId: auth.tokenId ?? null,
          userId: auth.userId ?? null,
          method: request.method,
          path: request.nextUrl.pathname,
        });
        return tokenRefused();
      }
      const { actor } = auth;
      const response =
        actor.token.access === 'read' && !SAFE_METHODS.has(request.method)
          ? errorResponse(new AppError('FORBIDDEN', 'Ce jeton est en lecture seule : il ne permet aucune modification.'))
          : await run(request, actor, context);
      try {
        await recordTokenUse(actor, { method: request.method, path: request.nextUrl.pathname, status: response.status });
      } catch (error) {
        console.error(error);
      }
      return response;
    }
    try {
      checkSameOrigin(request);
      const actor = await getActor();
      if (!actor) throw unauthenticated();
      return await run(request, actor, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

type PublicHandler<C> = (ctx: { request: NextRequest; params: C }) => Promise<Response>;

/**
 * Wraps an unauthenticated API route (forgotten password): same-origin check on unsafe
 * methods, 415 unless JSON, AppError mapping. What a cross-site page could still send
 * (a JSON body needs a CORS preflight the app never grants) would only ask for a reset
 * mail to the account's own mailbox or need the link's secret token.
 */
export function publicApiRoute<C = Record<string, never>>(handler: PublicHandler<C>) {
  return async (request: NextRequest, context: { params: Promise<C> }): Promise<Response> => {
    try {
      checkSameOrigin(request);
      const params = ((await context?.params) ?? {}) as C;
      return await handler({ request, params });
    } catch (error) {
      if (error instanceof UnsupportedMediaType) {
        return NextResponse.json({ error: 'UNSUPPORTED_MEDIA_TYPE', message: error.message }, { status: 415 });
      }
      return errorResponse(error);
    }
  };
}
