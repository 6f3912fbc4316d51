// npm run test:e2e — builds the production app and runs the Playwright journeys
// in Debian's Chromium against a fresh embedded database.
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium';

const chromium = findChromium();
if (!chromium) {
  console.error(
    [
      'Aucun Chromium trouvé pour les tests de bout en bout.',
      'Installez celui de Debian :  sudo apt-get update && sudo apt-get install -y chromium',
      'ou indiquez son chemin :      CHROMIUM_PATH=/chemin/vers/chromium npm test',
    ].join('\n'),
  );
  process.exit(1);
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: chromium ?? undefined, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.env.E2E_SKIP_BUILD !== '1') run('npx', ['next', 'build']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
