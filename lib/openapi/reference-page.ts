// The reference page's Scalar set-up (ADR 0022): the bundle comes from node_modules and is
// served by our own origin (no CDN; the CSP allows nothing else), French interface, no
// telemetry, no font or proxy from Scalar's servers, no AI agent.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const SCALAR_VERSION = '1.72.1';
export const SCALAR_PATH = `/documentation/api/scalar.js?v=${SCALAR_VERSION}`;
export const INIT_PATH = `/documentation/api/init.js?v=${SCALAR_VERSION}`;
export const CSP_PATH = `/documentation/api/csp.js?v=${SCALAR_VERSION}`;
export const CONFIG_ELEMENT_ID = 'reference-api-configuration';
export const MOUNT_ELEMENT_ID = 'reference-api';

export const SCALAR_CONFIGURATION = {
  url: '/api/v1/openapi.json',
  localization: { locale: 'fr' },
  telemetry: false,
  withDefaultFonts: false,
  showDeveloperTools: 'never',
  agent: { disabled: true },
  mcp: { disabled: true },
  hideClientButton: true,
  documentDownloadType: 'json',
  operationTitleSource: 'summary',
  defaultOpenAllTags: false,
} as const;

/** Reads the configuration from the page's JSON data block (no inline script) and mounts Scalar. */
export const INIT_SCRIPT = `(function () {
  var config = document.getElementById(${JSON.stringify(CONFIG_ELEMENT_ID)});
  var mount = document.getElementById(${JSON.stringify(MOUNT_ELEMENT_ID)});
  if (!config || !mount || !window.Scalar) return;
  window.Scalar.createApiReference(mount, JSON.parse(config.textContent || '{}'));
})();
`;

/**
 * Runs before Scalar's bundle, under the page's CSP: the zod bundled inside Scalar would probe
 * `new Function` (a CSP violation) unless told jitless through its global config, and the
 * `<style>` elements its components create (Vue, CodeMirror, highlight themes) need the
 * page's nonce, which this script — itself nonced — hands them as they are created.
 */
export const CSP_SCRIPT = `(function () {
  var g = globalThis;
  g.__zod_globalConfig = Object.assign(g.__zod_globalConfig || {}, { jitless: true });
  var nonce = document.currentScript && document.currentScript.nonce;
  if (!nonce) return;
  var create = document.createElement;
  document.createElement = function (tag) {
    var element = create.apply(this, arguments);
    if (String(tag).toLowerCase() === 'style') element.nonce = nonce;
    return element;
  };
})();
`;

let bundle: Promise<Buffer> | undefined;

/** Scalar's standalone browser bundle, read once from node_modules. */
export function scalarBundle(): Promise<Buffer> {
  bundle ??= readFile(path.join(process.cwd(), 'node_modules/@scalar/api-reference/dist/browser/standalone.js'));
  return bundle;
}
