// The identities of the local ProConnect stand-in used by the e2e journeys.
// In its (development) login form, the "login" is either one of these keys or any
// e-mail address, which then becomes an identity proving that e-mail. The login is the sub.
export const OIDC_CLIENT = {
  id: 'territoires-e2e',
  secret: 'secret-du-fournisseur-de-test-territoires-e2e',
};

export interface TestIdentity {
  email: string;
  given_name: string;
  usual_name: string;
}

// The login is the identity's stable `sub`; its e-mail can change (see server.ts).
export const IDENTITIES: Record<string, TestIdentity> = {
  // The project lead of Tarn Nord, as ProConnect would describe her.
  'camille.durand': { email: 'cdp.tarn-nord@demo.test', given_name: 'Camille', usual_name: 'Durand' },
};

export function identityFor(login: string): TestIdentity {
  const known = IDENTITIES[login];
  if (known) return known;
  return { email: login.trim().toLowerCase(), given_name: 'Agent', usual_name: 'Public' };
}
