// POST /api/v1/auth/password-reset/{token} { password } → 204; 410 when the link is unknown,
// used or expired; 400 per field when the password is refused. Signs out every session.
import { NextResponse } from 'next/server';
import { publicApiRoute, readJson } from '@/lib/http';
import { ResetLinkGone, resetPassword } from '@/lib/account/password-reset';

export const POST = publicApiRoute<{ token: string }>(async ({ request, params }) => {
  const input = await readJson(request);
  try {
    await resetPassword(params.token, input);
  } catch (error) {
    if (error instanceof ResetLinkGone) return NextResponse.json({ error: 'GONE', message: error.message }, { status: 410 });
    throw error;
  }
  return new Response(null, { status: 204 });
});
