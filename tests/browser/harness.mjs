// Test harness of the search page: indexes data/sample plus a small hostile
// archive into a temporary database, runs `eavesearch serve` on it and drives
// headless chromium (playwright-core) against it.
//
// Environment:
//   EAVESEARCH_BIN              the binary (default build/eavesearch)
//   EAVESEARCH_CHROMIUM         chromium (default /usr/bin/chromium)
//   EAVESEARCH_ARTIFACTS        screenshot folder (default build/browser-artifacts)
//   EAVESEARCH_WEB_DIR          the page's files (default: the server's own)
//   EAVESEARCH_REQUIRE_BROWSER  1: a missing browser fails instead of skipping
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SKIP = 77;  // the exit code ctest reads as "skipped"

const chromiumPath = process.env.EAVESEARCH_CHROMIUM || '/usr/bin/chromium';
const binary = resolve(repoRoot, process.env.EAVESEARCH_BIN || 'build/eavesearch');
const artifacts = resolve(repoRoot, process.env.EAVESEARCH_ARTIFACTS || 'build/browser-artifacts');
const TIMEOUT_MS = 10_000;  // any one wait of a page

// Why the browser tests cannot run here, or null when they can.
export function unavailableReason() {
  if (!existsSync(chromiumPath)) return `no chromium at ${chromiumPath}`;
  if (!existsSync(join(repoRoot, 'node_modules/playwright-core/package.json'))) {
    return 'node_modules/playwright-core is missing (run `npm ci` at the repository root)';
  }
  return null;
}

// Exits 77 (skip) when the browser tests cannot run, or 1 when they must.
export function exitUnlessBrowser() {
  const reason = unavailableReason();
  if (!reason) return;
  const required = process.env.EAVESEARCH_REQUIRE_BROWSER === '1';
  console.error(`browser tests ${required ? 'FAILED' : 'SKIPPED'}: ${reason}` +
    (required ? ' (EAVESEARCH_REQUIRE_BROWSER=1)' : ''));
  process.exit(required ? 1 : SKIP);
}

// One meeting whose lines try to inject markup into the page.
const HOSTILE_LOG = [
  '15:00:00 <mallory> #startmeeting pwn',
  '15:00:10 <mallory> <script>window.pwned=1</script><img src=x onerror="window.pwned=2"> injected',
  '15:00:20 <mallory> #topic <b>bold</b> topic',
  '15:00:30 <mallory> #agreed <img src=x onerror="window.pwned=3"> works',
  '15:00:40 <mallory> #endmeeting',
  '',
].join('\n');

function writeHostileArchive(root) {
  const dir = join(root, 'meetings/pwn/2021');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'pwn.2021-03-04-15.00.log.txt'), HOSTILE_LOG);
}

function index(roots, db) {
  const args = ['index', ...roots, '--db', db, '--quiet'];
  const run = spawnSync(binary, args, { encoding: 'utf8', timeout: 180_000 });
  if (run.error) throw new Error(`${binary} index: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`${binary} index exited ${run.status}: ${run.stderr}`);
}

// Starts `eavesearch serve` on any free port; resolves to {child, baseUrl}.
function serve(db) {
  const args = ['serve', '--db', db, '--port', '0', '--host', '127.0.0.1'];
  const webDir = process.env.EAVESEARCH_WEB_DIR;
  if (webDir) args.push('--web-dir', resolve(webDir));
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let started = false;
  return new Promise((resolvePromise, reject) => {
    const fail = (why) => {
      if (started) return;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`eavesearch serve ${why}; its output:\n${output}`));
    };
    const timer = setTimeout(() => fail('did not start within 20 s'), 20_000);
    const read = (chunk) => {
      output += chunk;
      const match = output.match(/serving .* on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (match && !started) {
        started = true;
        clearTimeout(timer);
        resolvePromise({ child, baseUrl: match[1] });
      }
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', (chunk) => { output += chunk; });
    child.on('error', (error) => fail(`failed: ${error.message}`));
    child.on('exit', (code, signal) => fail(`exited (${code ?? signal})`));
  });
}

// SIGTERM, then SIGKILL if it has not exited after 5 s.
async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

// Records a page's uncaught errors and console errors in page.errors.
function watchErrors(page) {
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') page.errors.push(`console: ${message.text()}`);
  });
}

// Starts everything; close() stops it all and removes the temporary files.
export async function startHarness() {
  const { chromium } = await import('playwright-core');
  const tmp = mkdtempSync(join(tmpdir(), 'eavesearch-browser-'));
  const hostile = join(tmp, 'hostile');
  const db = join(tmp, 'db');
  let server;
  let browser;
  try {
    writeHostileArchive(hostile);
    index([join(repoRoot, 'data/sample'), hostile], db);
    server = await serve(db);
    browser = await chromium.launch({
      executablePath: chromiumPath, headless: true, args: ['--no-sandbox'], timeout: 30_000,
    });
  } catch (error) {
    if (server) await stop(server.child);
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  const contexts = new Set();
  const { baseUrl } = server;

  return {
    baseUrl,
    // GET an API path; resolves to {status, body} (body parsed from JSON).
    async api(path) {
      const response = await fetch(baseUrl + path, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      return { status: response.status, body: await response.json() };
    },
    // A page in a fresh browser context; its errors collect in page.errors.
    // colorScheme: 'light' or 'dark', what prefers-color-scheme answers.
    async newPage({ viewport = { width: 1280, height: 900 }, colorScheme = 'light' } = {}) {
      const context = await browser.newContext({ viewport, colorScheme });
      context.setDefaultTimeout(TIMEOUT_MS);
      contexts.add(context);
      context.on('close', () => contexts.delete(context));
      const page = await context.newPage();
      watchErrors(page);
      return page;
    },
    async closePages() {
      await Promise.all([...contexts].map((context) => context.close()));
    },
    async screenshot(page, name) {
      mkdirSync(artifacts, { recursive: true });
      const path = join(artifacts, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async close() {
      await browser.close().catch(() => {});
      await stop(server.child);
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
