// Writes openapi.json from the server (`careplan openapi`), so `npm run gen:api` works from a
// clean checkout. Without the repo's venv it keeps an openapi.json someone put here.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../.venv/bin/careplan', import.meta.url));
const target = fileURLToPath(new URL('../openapi.json', import.meta.url));

if (existsSync(cli)) {
  // The CLI validates all settings first; printing the schema uses no secret, so any will do.
  const env = { ...process.env, CAREPLAN_SECRET_KEY: process.env.CAREPLAN_SECRET_KEY ?? randomBytes(32).toString('hex') };
  const schema = execFileSync(cli, ['openapi'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  JSON.parse(schema); // fail here, not in openapi-typescript, if the CLI printed something else
  writeFileSync(target, schema);
  console.log(`openapi.json written by ${cli} openapi`);
} else if (existsSync(target)) {
  console.log(`No ${cli}; using the existing openapi.json`);
} else {
  console.error(`Need ${cli} (run \`make install\` at the repo root) or an openapi.json here.`);
  process.exit(1);
}
