// ProConnect (OIDC) for next-auth 4 (ADR 0014). Authorization code flow with state and
// nonce (PKCE only when PROCONNECT_PKCE is on), ProConnect's scopes, acr_values, and no
// other authorization parameter. The id_token (checked by openid-client for signature,
// iss, aud, exp and nonce) is verified again, and the userinfo, which ProConnect returns
// as a signed JWT (application/jwt), is verified, with `jose` against the provider's JWKS.
import crypto from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { env } from '@/lib/env';

export const PROCONNECT_ID = 'proconnect';
export const PROCONNECT_SCOPES = 'openid email given_name usual_name uid siret idp_id';
export const LOGOUT_STATE_COOKIE = 'ti.proconnect-logout';
export const LOGOUT_CALLBACK_PATH = '/api/proconnect/logout/callback';

export interface ProConnectConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  acrValues: string;
  pkce: boolean;
  alg: 'RS256' | 'ES256' | 'PS256';
  tokenAuthMethod: 'client_secret_post' | 'client_secret_basic';
}

/** ProConnect's settings, or null when it is not configured (the button is then hidden). */
export function proconnectConfig(): ProConnectConfig | null {
  const e = env();
  if (!e.PROCONNECT_ISSUER || !e.PROCONNECT_CLIENT_ID || !e.PROCONNECT_CLIENT_SECRET) return null;
  return {
    issuer: e.PROCONNECT_ISSUER.replace(/\/$/, ''),
    clientId: e.PROCONNECT_CLIENT_ID,
    clientSecret: e.PROCONNECT_CLIENT_SECRET,
    acrValues: e.PROCONNECT_ACR_VALUES.trim(),
    pkce: e.PROCONNECT_PKCE === '1' || e.PROCONNECT_PKCE === 'true',
    alg: e.PROCONNECT_SIGNING_ALG,
    tokenAuthMethod: e.PROCONNECT_TOKEN_AUTH_METHOD,
  };
}

export interface ProviderMetadata {
  issuer: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
  end_session_endpoint?: string;
}

let metadataCache: { issuer: string; at: number; value: ProviderMetadata } | undefined;

/** The provider's discovery document, kept for an hour. */
export async function providerMetadata(config: ProConnectConfig): Promise<ProviderMetadata> {
  if (metadataCache?.issuer === config.issuer && Date.now() - metadataCache.at < 3600_000) return metadataCache.value;
  const response = await fetch(`${config.issuer}/.well-known/openid-configuration`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`ProConnect discovery failed: HTTP ${response.status}`);
  const value = (await response.json()) as ProviderMetadata;
  if (value.issuer.replace(/\/$/, '') !== config.issuer) throw new Error('ProConnect discovery: unexpected issuer');
  metadataCache = { issuer: config.issuer, at: Date.now(), value };
  return value;
}

const jwksCache = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** Verifies a JWT of the provider (signature against its JWKS, issuer, audience, expiry). */
export async function verifyProviderJwt(jwt: string, config: ProConnectConfig, metadata: ProviderMetadata): Promise<JWTPayload> {
  let jwks = jwksCache.get(metadata.jwks_uri);
  if (!jwks) {
    jwks = createRemoteJWKSet(new URL(metadata.jwks_uri));
    jwksCache.set(metadata.jwks_uri, jwks);
  }
  const { payload } = await jwtVerify(jwt, jwks, {
    issuer: metadata.issuer,
    audience: config.clientId,
    algorithms: [config.alg],
    clockTolerance: 10,
  });
  return payload;
}

export interface ProConnectClaims extends JWTPayload {
  sub: string;
  email?: string;
  given_name?: string;
  usual_name?: string;
  uid?: string;
  siret?: string;
  idp_id?: string;
}

/** Fetches the userinfo JWT with the access token and verifies it; its sub must be the id_token's. */
export async function fetchUserinfo(
  config: ProConnectConfig,
  tokens: { access_token?: string; id_token?: string },
): Promise<ProConnectClaims> {
  const metadata = await providerMetadata(config);
  if (!tokens.id_token || !tokens.access_token || !metadata.userinfo_endpoint) throw new Error('ProConnect: incomplete token response');
  const idClaims = await verifyProviderJwt(tokens.id_token, config, metadata);
  const response = await fetch(metadata.userinfo_endpoint, {
    headers: { Authorization: `Bearer ${tokens.access_token}`, Accept: 'application/jwt' },
  });
  if (!response.ok) throw new Error(`ProConnect userinfo failed: HTTP ${response.status}`);
  const type = (response.headers.get('content-type') ?? '').toLowerCase();
  if (!type.startsWith('application/jwt')) throw new Error(`ProConnect userinfo: expected application/jwt, got ${type || 'nothing'}`);
  const claims = await verifyProviderJwt((await response.text()).trim(), config, metadata);
  if (!claims.sub || claims.sub !== idClaims.sub) throw new Error('ProConnect userinfo: sub differs from the id_token');
  return claims as ProConnectClaims;
}

export interface ProConnectProfile {
  id: string;
  email: string | null;
  name: string;
  givenName: string | null;
  /** ProConnect's `usual_name` (nom d'usage). */
  familyName: string | null;
}

export function profileFromClaims(claims: ProConnectClaims): ProConnectProfile {
  const givenName = claims.given_name?.trim() || null;
  const familyName = claims.usual_name?.trim() || null;
  return {
    id: claims.sub,
    email: claims.email?.trim().toLowerCase() || null,
    name: [givenName, familyName].filter(Boolean).join(' '),
    givenName,
    familyName,
  };
}

/** The authorization parameters sent to ProConnect, besides those of the flow (response_type, client_id, redirect_uri, state, nonce, PKCE). */
export function authorizationParams(config: ProConnectConfig): Record<string, string> {
  return { scope: PROCONNECT_SCOPES, ...(config.acrValues ? { acr_values: config.acrValues } : {}) };
}

export function proconnectProvider(config: ProConnectConfig): OAuthConfig<ProConnectClaims> {
  return {
    id: PROCONNECT_ID,
    name: 'ProConnect',
    type: 'oauth',
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    client: {
      token_endpoint_auth_method: config.tokenAuthMethod,
      id_token_signed_response_alg: config.alg,
      userinfo_signed_response_alg: config.alg,
    },
    authorization: { params: authorizationParams(config) },
    idToken: true,
    checks: config.pkce ? ['pkce', 'state', 'nonce'] : ['state', 'nonce'],
    // next-auth 4 reads userinfo as JSON only: ProConnect's is a signed JWT.
    userinfo: { request: ({ tokens }) => fetchUserinfo(config, tokens) },
    profile(claims) {
      return profileFromClaims(claims);
    },
  };
}

/** Where to send the browser to end the ProConnect session, with the state to check on return. */
export async function endSessionUrl(idToken: string, appUrl: string): Promise<{ url: string; state: string } | null> {
  const config = proconnectConfig();
  if (!config) return null;
  const metadata = await providerMetadata(config);
  if (!metadata.end_session_endpoint) return null;
  const state = crypto.randomBytes(24).toString('base64url');
  const url = new URL(metadata.end_session_endpoint);
  url.searchParams.set('id_token_hint', idToken);
  url.searchParams.set('state', state);
  url.searchParams.set('post_logout_redirect_uri', new URL(LOGOUT_CALLBACK_PATH, appUrl).toString());
  return { url: url.toString(), state };
}
