// The identities of the local ProConnect stand-in used by the e2e journeys.
// In its (development) login form, the "login" is either one of these keys or any
// e-mail address, which then becomes an identity proving that e-mail.
export const OIDC_CLIENT = {
  id: 'territoires-e2e',
  secret: 'secret-du-fournisseur-de-test-territoires-e2e',
};

export interface TestIdentity {
  sub: string;
  email: string;
  given_name: string;
  usual_name: string;
}

export const IDENTITIES: Record<string, TestIdentity> = {
  // The project lead of Tarn Nord, as ProConnect would describe her.
  'camille.durand': { sub: 'pc-sub-cdp-tarn-nord', email: 'cdp.tarn-nord@demo.test', given_name: 'Camille', usual_name: 'Durand' },
  // The same person after her ministry changed her e-mail: same sub, new address.
  'camille.durand.nouvelle-adresse': {
    sub: 'pc-sub-cdp-tarn-nord',
    email: 'camille.durand@nouveau-ministere.gouv.fr',
    given_name: 'Camille',
    usual_name: 'Durand',
  },
};

export function identityFor(login: string): TestIdentity {
  const known = IDENTITIES[login];
  if (known) return known;
  const email = login.trim().toLowerCase();
  return { sub: `pc-sub-${email}`, email, given_name: 'Agent', usual_name: 'Public' };
}
