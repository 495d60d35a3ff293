// Runs the browser tests: `node --test` over tests/browser/*.test.mjs, after
// checking for the browser, since `node --test` turns a test file's exit code
// 77 (skip) into 1. Exits 77 (skip) when there is no browser, 1 instead when
// EAVESEARCH_REQUIRE_BROWSER=1, else with the test runner's status.
// Arguments are passed on to `node --test` (e.g. --test-name-pattern=facet).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitUnlessBrowser } from './harness.mjs';

exitUnlessBrowser();
const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here).filter((name) => name.endsWith('.test.mjs')).sort();
const args = ['--test', ...process.argv.slice(2), ...files.map((name) => join(here, name))];
const run = spawnSync(process.execPath, args, { stdio: 'inherit' });
if (run.error) console.error(`node --test: ${run.error.message}`);
process.exit(run.status ?? 1);
