// Server environment, validated once; a bad environment fails fast with a clear message.
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z.url({ message: 'DATABASE_URL doit être une URL PostgreSQL.' }),
  NEXTAUTH_SECRET: z.string().min(32, 'NEXTAUTH_SECRET doit faire au moins 32 caractères.'),
  NEXTAUTH_URL: z.url().optional(),
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(72).default(10),
  // Idle timeout of a session (ADR 0012): no request for this long signs the user out.
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(120),
  // Number of reverse proxies in front of the app whose X-Forwarded-For is trusted (ADR 0012).
  TRUSTED_PROXY: z.coerce.number().int().min(0).max(5).default(0),
  PROCONNECT_ISSUER: z.url().optional(),
  PROCONNECT_CLIENT_ID: z.string().optional(),
  PROCONNECT_CLIENT_SECRET: z.string().optional(),
  // ProConnect details (ADR 0014); the defaults are ProConnect's.
  PROCONNECT_ACR_VALUES: z.string().default('eidas1'),
  PROCONNECT_PKCE: z.enum(['0', '1', 'false', 'true']).default('0'),
  PROCONNECT_SIGNING_ALG: z.enum(['RS256', 'ES256', 'PS256']).default('RS256'),
  PROCONNECT_TOKEN_AUTH_METHOD: z.enum(['client_secret_post', 'client_secret_basic']).default('client_secret_post'),
  // E-mail (ADR 0013): no SMTP_URL = mails written to .data/mail.
  SMTP_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().regex(/^smtps?:\/\/[^\s]+$/, 'SMTP_URL doit ressembler à smtp://utilisateur:motdepasse@hôte:587.').optional(),
  ),
  MAIL_FROM: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(3).max(200).optional()),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Configuration invalide :\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}
