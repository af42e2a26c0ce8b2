#!/usr/bin/env node
// Runs the web end-to-end suite (Vitest project `web-e2e`) when Debian's Chromium is installed,
// after the other projects: its files share one server and must not run beside other suites.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('/usr/bin/chromium')) {
  console.log('Skipping the browser suite: /usr/bin/chromium is missing (apt-get install -y chromium).');
  process.exit(0);
}
const result = spawnSync('npx', ['vitest', 'run', '--project', 'web-e2e'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
