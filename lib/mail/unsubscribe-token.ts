// Signed one-click unsubscribe tokens: `<userId>.<category>.<hmac>`. The token is the
// credential (no session in a mail client), so it is an HMAC under NEXTAUTH_SECRET and only
// ever sets one category of one user to "not by e-mail".
import crypto from 'node:crypto';
import { env } from '@/lib/env';
import { isCategory, type Category } from './categories';

const mac = (payload: string) =>
  crypto.createHmac('sha256', env().NEXTAUTH_SECRET).update(`unsubscribe:${payload}`).digest('base64url');

export function unsubscribeToken(userId: string, category: Category): string {
  const payload = `${userId}.${category}`;
  return `${payload}.${mac(payload)}`;
}

export function verifyUnsubscribeToken(token: string): { userId: string; category: Category } | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [userId, category, signature] = parts as [string, string, string];
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(userId) || !isCategory(category)) return null;
  const expected = Buffer.from(mac(`${userId}.${category}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  return { userId, category };
}
