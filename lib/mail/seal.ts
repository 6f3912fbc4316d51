// Mail bodies carry one-time links (activation, password reset): the outbox stores them
// sealed with AES-256-GCM under a key derived from NEXTAUTH_SECRET, so a database dump
// alone yields no usable link.
import crypto from 'node:crypto';
import { env } from '@/lib/env';

export interface MailBody {
  text: string;
  html: string;
  headers?: Record<string, string>;
}

function key(): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', env().NEXTAUTH_SECRET, 'territoires-industrie', 'mail-outbox-v1', 32));
}

export function sealBody(body: MailBody): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key(), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(body), 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

/** Throws when the body was sealed under another secret or tampered with. */
export function openBody(sealed: string): MailBody {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('Corps de message illisible (format inconnu).');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const text = Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  return JSON.parse(text) as MailBody;
}
