#!/usr/bin/env node
// `npm test`: the unit projects, then the web end-to-end suite (Vitest project `web-e2e`) on its
// own (its files share one server and must not run beside other suites). The browser suite runs
// even when the unit suite failed; the run fails if either did, and the last lines say which.
// The browser suite needs Debian's Chromium; without it, it is skipped with one line.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

/** Runs vitest with the given projects; its exit status (1 when it could not start). */
function vitest(projects, env = process.env) {
  const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p])];
  return spawnSync('npx', args, { stdio: 'inherit', env }).status ?? 1;
}

const unit = vitest(['model', 'fixtures', 'api', 'web']);
let browser = null;
// The unit run has already said whether the third-party data folder is missing: say it once.
if (existsSync(CHROMIUM)) browser = vitest(['web-e2e'], { ...process.env, REORG_DATA_NOTICE_SHOWN: '1' });
else console.log(`Skipping the browser suite: ${CHROMIUM} is missing (apt-get install -y chromium).`);

const verdict = (status) => (status === 0 ? 'passed' : `FAILED (exit ${status})`);
console.log(`\nunit suite (model, fixtures, api, web): ${verdict(unit)}`);
console.log(`browser suite (web-e2e): ${browser === null ? 'skipped, no Chromium' : verdict(browser)}`);
process.exit(unit !== 0 || (browser !== null && browser !== 0) ? 1 : 0);
