// Shared helpers for the browser tests: start a real `ombud serve` on a fresh
// SQLite database, create users through the CLI, drive headless Chromium and
// check pages with axe-core.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..', '..');
export const BIN = process.env.OMBUD_BIN ?? join(root, 'target', 'debug', 'ombud');
export const PASSWORD = 'ett långt lösenord';
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Starts `ombud serve` in a temporary directory; resolves with its base URL. */
export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'ombud-browser-'));
  const env = { ...process.env, RUST_LOG: process.env.RUST_LOG ?? 'warn' };
  delete env.OMBUD_DATABASE_URL;
  delete env.OMBUD_LISTEN;
  const child = spawn(BIN, ['serve', '--listen', '127.0.0.1:0'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const base = await new Promise((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`ombud serve exited with ${code}`)));
    lines.once('line', (line) => {
      const m = line.match(/^Ombud is running at (http:\/\/\S+?)\/?$/);
      m ? ok(m[1]) : fail(new Error(`unexpected output: ${line}`));
    });
  });
  return {
    base,
    dir,
    createUser(email, role, unit) {
      const unitArgs = unit ? ['--unit', unit] : [];
      const r = spawnSync(BIN, ['admin', 'create-user', '--email', email, '--role', role, '--name', `Test ${role}`, ...unitArgs], {
        cwd: dir, env, input: `${PASSWORD}\n`, encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`create-user failed: ${r.stderr}`);
    },
    createToken(email) {
      const r = spawnSync(BIN, ['admin', 'create-token', '--email', email], { cwd: dir, env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`create-token failed: ${r.stderr}`);
      return r.stdout.trim();
    },
    /** Calls the JSON API with a bearer token. */
    async api(token, method, path, body) {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json() };
    },
    async stop() {
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium as the machine's package installs it. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A new page; `bypassCSP` only so that axe-core can be injected. */
export async function newPage(browser, locale = 'sv-SE') {
  const context = await browser.newContext({ locale, bypassCSP: true });
  return context.newPage();
}

/** WCAG 2.1 A and AA violations axe-core finds on the current page. */
export async function axeViolations(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Signs in through the login form. */
export async function signIn(page, base, email) {
  await page.goto(`${base}/login`);
  await page.getByLabel(/E-postadress|E-mail address/).fill(email);
  await page.getByLabel(/^(Lösenord|Password)$/).fill(PASSWORD);
  await page.getByRole('button', { name: /Logga in|Sign in/ }).click();
}
