// POST /api/v1/email/unsubscribe/{token}: the one-click unsubscribe of RFC 8058, sent by mail
// clients (List-Unsubscribe-Post: List-Unsubscribe=One-Click), from no page of ours, with no
// cookie. No same-origin check: the signed token is the credential, and all it can do is set
// one category of one user to "not by e-mail".
import { NextResponse } from 'next/server';
import { unsubscribe } from '@/lib/mail/unsubscribe';

export async function POST(_request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await context.params;
  const done = await unsubscribe(token);
  if (!done) return NextResponse.json({ error: 'NOT_FOUND', message: 'Lien de désabonnement invalide.' }, { status: 404 });
  return NextResponse.json({ category: done.category, delivery: 'NONE' });
}
