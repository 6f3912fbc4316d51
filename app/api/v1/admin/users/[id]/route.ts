import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http';
import { getUser, updateUser } from '@/lib/admin/users';
import { withBaseVersion } from '@/lib/versioning/base-version';

type P = { id: string };

export const GET = apiRoute<P>(async ({ actor, params }) => {
  return NextResponse.json(await getUser(actor, params.id));
});

/**
 * The base version (`version` in the body, or `If-Match: "<version>"`) is required
 * (ADR 0021), except for a body that only (de)activates the account: an idempotent
 * command that must always cut access at once; it still bumps the version, so a
 * concurrent edit of the roles based on the previous one gets the 409.
 */
export const PATCH = apiRoute<P>(async ({ actor, params, request }) => {
  const body = await readJson(request);
  const onlyActive = typeof body === 'object' && body !== null && 'active' in body && Object.keys(body).every((k) => k === 'active' || k === 'version');
  return NextResponse.json(await updateUser(actor, params.id, withBaseVersion(request.headers, body, { required: !onlyActive })));
});
