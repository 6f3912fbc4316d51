// The API's reference, in French, generated from the OpenAPI document (ADR 0022): public,
// like the document, since it describes routes and never data.
import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { CONFIG_ELEMENT_ID, CSP_PATH, INIT_PATH, MOUNT_ELEMENT_ID, SCALAR_CONFIGURATION, SCALAR_PATH } from '@/lib/openapi/reference-page';

export const metadata: Metadata = { title: 'Référence de l’API' };

export default async function ApiReferencePage() {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  // `</` cannot end the data block early: the JSON has no HTML in it, but escape anyway.
  const configuration = JSON.stringify(SCALAR_CONFIGURATION).replace(/</g, '\\u003c');
  return (
    <>
      {/* Scalar nonces its own <style> elements with this value (the CSP refuses others). */}
      {nonce && <meta property="csp-nonce" content={nonce} />}
      <main id="contenu">
        <div className="mx-auto max-w-5xl px-4 pt-10 pb-6">
          <h1 className="text-3xl font-bold">Référence de l’API</h1>
          <p className="mt-4 max-w-3xl">
            Chaque route de l’API JSON <code>/api/v1</code> : paramètres, corps attendus, réponses et erreurs, générés depuis les
            schémas de l’application. Les notions communes (authentification par session ou par jeton d’API, erreurs, versions et
            conflits, pagination) sont décrites dans le fichier <code>docs/API.md</code> du dépôt.
          </p>
          <ul className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
            <li>
              <a className="font-semibold underline" href="/api/v1/openapi.json">
                Le document OpenAPI 3.1 (JSON)
              </a>
            </li>
            <li>
              <Link className="font-semibold underline" href="/">
                Retour à l’accueil
              </Link>
            </li>
          </ul>
          <noscript>
            <p className="mt-4">La référence interactive demande JavaScript ; le document OpenAPI ci-dessus reste lisible sans.</p>
          </noscript>
        </div>
        <script id={CONFIG_ELEMENT_ID} type="application/json" dangerouslySetInnerHTML={{ __html: configuration }} />
        <div id={MOUNT_ELEMENT_ID} />
      </main>
      <script nonce={nonce} src={CSP_PATH} defer />
      <script nonce={nonce} src={SCALAR_PATH} defer />
      <script nonce={nonce} src={INIT_PATH} defer />
    </>
  );
}
