// Sign-in, the dashboard, the language switch and accessibility of the
// foundation pages, in a real headless Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, launch, newPage, signIn, startServer } from './harness.mjs';

describe('foundation pages', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    server.createUser('dpo@example.se', 'dpo');
    server.createUser('admin@example.se', 'admin');
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a user created with the CLI signs in and reaches the dashboard (Swedish)', async () => {
    const page = await newPage(browser, 'sv-SE');
    await signIn(page, server.base, 'dpo@example.se');
    await page.waitForURL(`${server.base}/`);
    assert.equal(await page.locator('h1').textContent(), 'Översikt');
    assert.match(await page.locator('main').textContent(), /Välkommen, Test dpo\./);
    assert.equal(await page.getAttribute('html', 'lang'), 'sv');
    await page.context().close();
  });

  test('a wrong password is refused and the typed address is kept', async () => {
    const page = await newPage(browser, 'sv-SE');
    await page.goto(`${server.base}/login`);
    await page.getByLabel('E-postadress').fill('dpo@example.se');
    await page.getByLabel('Lösenord').fill('helt fel lösenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    assert.match(await page.getByRole('alert').textContent(), /Fel e-postadress eller lösenord/);
    assert.equal(await page.getByLabel('E-postadress').inputValue(), 'dpo@example.se');
    await page.context().close();
  });

  test('the language switch turns the interface to English and back', async () => {
    const page = await newPage(browser, 'sv-SE');
    await signIn(page, server.base, 'admin@example.se');
    await page.waitForURL(`${server.base}/`);
    await page.getByRole('link', { name: 'English' }).click();
    assert.equal(await page.locator('h1').textContent(), 'Overview');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.getByRole('link', { name: 'Users' }).click();
    assert.equal(await page.locator('h1').textContent(), 'Users');
    await page.getByRole('link', { name: 'Svenska' }).click();
    assert.equal(await page.locator('h1').textContent(), 'Användare');
    await page.context().close();
  });

  for (const locale of ['sv-SE', 'en-GB']) {
    test(`no WCAG 2.1 A/AA violations on the login page and the dashboard (${locale})`, async () => {
      const page = await newPage(browser, locale);
      await page.goto(`${server.base}/login`);
      assert.deepEqual(await axeViolations(page), [], 'login page');
      await page.getByLabel(/E-postadress|E-mail address/).fill('nobody@example.se');
      await page.getByLabel(/^(Lösenord|Password)$/).fill('fel fel fel fel');
      await page.getByRole('button', { name: /Logga in|Sign in/ }).click();
      assert.deepEqual(await axeViolations(page), [], 'login page with an error');
      await signIn(page, server.base, 'dpo@example.se');
      await page.waitForURL(`${server.base}/`);
      assert.deepEqual(await axeViolations(page), [], 'dashboard');
      await page.goto(`${server.base}/audit`);
      assert.deepEqual(await axeViolations(page), [], 'audit trail');
      for (const path of ['/settings/organisation', '/processors', '/processors/new', '/systems', '/systems/new']) {
        await page.goto(`${server.base}${path}`);
        assert.deepEqual(await axeViolations(page), [], path);
      }
      await page.context().close();
    });
  }

  test('admin pages pass axe too', async () => {
    const page = await newPage(browser, 'sv-SE');
    await signIn(page, server.base, 'admin@example.se');
    await page.waitForURL(`${server.base}/`);
    for (const path of ['/', '/admin/users', '/admin/users/new', '/account']) {
      await page.goto(`${server.base}${path}`);
      assert.deepEqual(await axeViolations(page), [], path);
    }
    // A rejected form: error summary and marked fields must be accessible too.
    await page.goto(`${server.base}/admin/users/new`);
    await page.getByLabel('Namn').fill('Karin Ek');
    await page.getByRole('button', { name: 'Skapa användare' }).click();
    assert.equal(await page.getByLabel('Namn').inputValue(), 'Karin Ek');
    assert.deepEqual(await axeViolations(page), [], 'rejected user form');
    await page.context().close();
  });
});
