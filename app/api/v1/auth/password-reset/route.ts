// POST /api/v1/auth/password-reset { email } → 202, the same body whether or not the address
// has an account. The lookup and the mail are done after the response is sent (`after`),
// so neither the body nor the response time tells.
import { after, NextResponse } from 'next/server';
import { publicApiRoute, readJson } from '@/lib/http';
import { parseResetRequest, requestPasswordReset, RESET_ACCEPTED } from '@/lib/account/password-reset';

export const POST = publicApiRoute(async ({ request }) => {
  const { email } = parseResetRequest(await readJson(request));
  after(() => requestPasswordReset(email).catch((error: unknown) => console.error('[mot de passe] demande de réinitialisation :', error)));
  return NextResponse.json(RESET_ACCEPTED, { status: 202 });
});
