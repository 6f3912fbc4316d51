// The ProConnect-specific checks against a tiny local provider: JWT userinfo verified
// against the JWKS (wrong key, wrong audience, JSON instead of JWT, other sub: refused),
// usual_name as family name, and only ProConnect's authorization parameters.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { authorizationParams, fetchUserinfo, profileFromClaims, proconnectProvider, type ProConnectConfig } from './proconnect';

let server: http.Server;
let config: ProConnectConfig;
let issuer = '';
let signing: CryptoKey;
let other: CryptoKey;
let userinfo: { body: string; type: string } = { body: '', type: 'application/jwt' };

const sign = (claims: Record<string, unknown>, key = signing, aud = config.clientId) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(issuer).setAudience(aud).setIssuedAt().setExpirationTime('5m').sign(key);

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signing = pair.privateKey;
  other = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = http.createServer((req, res) => {
    if (req.url === '/.well-known/openid-configuration') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks`, userinfo_endpoint: `${issuer}/me` }));
    } else if (req.url === '/jwks') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    } else if (req.url === '/me' && req.headers.authorization === 'Bearer at') {
      res.setHeader('content-type', userinfo.type);
      res.end(userinfo.body);
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  config = { issuer, clientId: 'client', clientSecret: 's', acrValues: 'eidas1', pkce: false, alg: 'RS256', tokenAuthMethod: 'client_secret_post' };
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fetchUserinfo', () => {
  it('returns the verified claims of the userinfo JWT', async () => {
    const idToken = await sign({ sub: 'abc' });
    userinfo = { body: await sign({ sub: 'abc', email: 'a@b.gouv.fr', given_name: 'Ada', usual_name: 'Lovelace' }), type: 'application/jwt; charset=utf-8' };
    const claims = await fetchUserinfo(config, { access_token: 'at', id_token: idToken });
    expect(profileFromClaims(claims)).toEqual({ id: 'abc', email: 'a@b.gouv.fr', name: 'Ada Lovelace', givenName: 'Ada', familyName: 'Lovelace' });
  });

  it('refuses a userinfo signed by another key, for another audience, as JSON, or about another sub', async () => {
    const idToken = await sign({ sub: 'abc' });
    const cases = [
      { body: await sign({ sub: 'abc' }, other), type: 'application/jwt' },
      { body: await sign({ sub: 'abc' }, signing, 'someone-else'), type: 'application/jwt' },
      { body: JSON.stringify({ sub: 'abc', email: 'a@b.gouv.fr' }), type: 'application/json' },
      { body: await sign({ sub: 'xyz' }), type: 'application/jwt' },
    ];
    for (const c of cases) {
      userinfo = c;
      await expect(fetchUserinfo(config, { access_token: 'at', id_token: idToken })).rejects.toThrow();
    }
  });

  it('refuses an id_token that does not verify', async () => {
    userinfo = { body: await sign({ sub: 'abc' }), type: 'application/jwt' };
    await expect(fetchUserinfo(config, { access_token: 'at', id_token: await sign({ sub: 'abc' }, other) })).rejects.toThrow();
  });
});

describe('authorizationParams', () => {
  it("sends ProConnect's scopes and acr_values, nothing else", () => {
    expect(authorizationParams(config)).toEqual({ scope: 'openid email given_name usual_name uid siret idp_id', acr_values: 'eidas1' });
    expect(authorizationParams({ ...config, acrValues: '' })).toEqual({ scope: 'openid email given_name usual_name uid siret idp_id' });
  });

  it('uses state and nonce, and PKCE only when configured', () => {
    expect(proconnectProvider(config).checks).toEqual(['state', 'nonce']);
    expect(proconnectProvider({ ...config, pkce: true }).checks).toEqual(['pkce', 'state', 'nonce']);
    expect(proconnectProvider(config).client).toMatchObject({ userinfo_signed_response_alg: 'RS256', id_token_signed_response_alg: 'RS256' });
  });
});
