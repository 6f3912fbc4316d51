// A local OpenID Connect provider configured like ProConnect, for the e2e journeys:
// userinfo as a signed JWT (RS256), usual_name, RP-initiated logout (end_session_endpoint),
// acr_values eidas1, no PKCE required, and authorization requests with unknown
// parameters refused (as ProConnect does). Started by Playwright before the app.
// POST /test/email?login=…&email=… changes an identity's e-mail (tests only).
//   E2E_OIDC_PORT (default 3169), E2E_APP_URL (the app's NEXTAUTH_URL).
import http from 'node:http';
import Provider, { type KoaContext } from 'oidc-provider';
import { IDENTITIES, identityFor, OIDC_CLIENT } from './accounts';

const port = Number(process.env.E2E_OIDC_PORT ?? 3169);
const appUrl = (process.env.E2E_APP_URL ?? 'http://localhost:3100').replace(/\/$/, '');
const issuer = `http://127.0.0.1:${port}`;
const SCOPES = ['openid', 'email', 'given_name', 'usual_name', 'uid', 'siret', 'idp_id'];

// What ProConnect accepts on its authorization endpoint; anything else is refused.
const AUTHORIZATION_PARAMS = new Set([
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'nonce',
  'acr_values',
  'claims',
  'prompt',
  'login_hint',
  'idp_hint',
  'siret_hint',
  'code_challenge',
  'code_challenge_method',
]);

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: OIDC_CLIENT.id,
      client_secret: OIDC_CLIENT.secret,
      redirect_uris: [`${appUrl}/api/auth/callback/proconnect`],
      post_logout_redirect_uris: [`${appUrl}/api/proconnect/logout/callback`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
      id_token_signed_response_alg: 'RS256',
      userinfo_signed_response_alg: 'RS256',
    },
  ],
  scopes: SCOPES,
  claims: {
    openid: ['sub'],
    email: ['email'],
    given_name: ['given_name'],
    usual_name: ['usual_name'],
    uid: ['uid'],
    siret: ['siret'],
    idp_id: ['idp_id'],
  },
  acrValues: ['eidas1'],
  features: {
    devInteractions: { enabled: true },
    jwtUserinfo: { enabled: true },
    rpInitiatedLogout: { enabled: true },
  },
  pkce: { required: () => false },
  cookies: { keys: ['cle-de-test-des-cookies-du-fournisseur-oidc'] },
  findAccount(_ctx: unknown, login: string) {
    const identity = identityFor(login);
    return {
      accountId: login,
      claims: () => ({
        sub: login,
        ...identity,
        uid: login,
        siret: '13002603200016',
        idp_id: 'fia1v2',
      }),
    };
  },
  // ProConnect asks for no consent: every requested scope is granted.
  async loadExistingGrant(ctx: KoaContext) {
    const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope(SCOPES.join(' '));
    await grant.save();
    return grant;
  },
});

provider.use(async (ctx, next) => {
  // Test control: an identity's e-mail changes at the provider (same sub).
  if (ctx.path === '/test/email' && ctx.method === 'POST') {
    const login = String(ctx.query.login ?? '');
    const email = String(ctx.query.email ?? '');
    const identity = IDENTITIES[login];
    if (!identity || !email) {
      ctx.status = 404;
      return;
    }
    identity.email = email;
    ctx.status = 204;
    return;
  }
  if (ctx.path === '/auth' && ctx.method === 'GET') {
    const unknown = Object.keys(ctx.query).filter((k) => !AUTHORIZATION_PARAMS.has(k));
    const missing = ['state', 'nonce'].filter((k) => !ctx.query[k]);
    if (unknown.length || missing.length) {
      ctx.status = 400;
      ctx.type = 'text/plain';
      ctx.body = `Requête refusée : paramètres inconnus [${unknown.join(', ')}], manquants [${missing.join(', ')}]`;
      return;
    }
  }
  await next();
});

http.createServer(provider.callback()).listen(port, '127.0.0.1', () => {
  console.log(`Fournisseur OIDC de test sur ${issuer} (application : ${appUrl})`);
});
