// The register as staff and the DPO use it: the form, submission with rule
// checks, the DPO's review and the register list — in Swedish and English,
// with axe-core on every page on the way.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, launch, newPage, signIn, startServer } from './harness.mjs';

const TEXT = {
  'sv-SE': {
    newActivity: 'Anmäl en behandling', name: 'Behandlingens namn', purposes: 'Ändamål',
    subjects: 'Kategorier av registrerade', data: 'Kategorier av personuppgifter', basis: 'Rättslig grund (artikel 6.1)',
    sourceKind: 'Typ av källa för den rättsliga grunden', source: 'Källa för den rättsliga grunden (lag, beslut, avtal)',
    retention: 'Lagringstid eller gallringsregel', retentionKind: 'Typ av källa för gallringsregeln',
    retentionSource: 'Källa för gallringsregeln (t.ex. gallringsbeslut)', security: 'Tekniska och organisatoriska säkerhetsåtgärder',
    submit: 'Skicka till dataskyddsombudet', submitted: 'Behandlingen skickades till dataskyddsombudet.',
    approve: 'Godkänn', approved: 'Behandlingen godkändes och ingår i registerförteckningen.', statusApproved: 'Godkänd',
    register: 'Registerförteckning', blocked: 'Behandlingen kan inte skickas',
    publicNotice: 'Visa i det offentliga integritetsmeddelandet när den är godkänd', noticeTitle: 'Så behandlar vi personuppgifter',
  },
  'en-GB': {
    newActivity: 'Report a processing activity', name: 'Name of the processing', purposes: 'Purposes',
    subjects: 'Categories of data subjects', data: 'Categories of personal data', basis: 'Legal basis (Art. 6(1))',
    sourceKind: 'Kind of source of the legal basis', source: 'Source of the legal basis (law, decision, agreement)',
    retention: 'Retention period or deletion rule', retentionKind: 'Kind of source of the retention rule',
    retentionSource: 'Source of the retention rule (e.g. an archival decision)', security: 'Technical and organisational security measures',
    submit: 'Send to the data protection officer', submitted: 'The activity was sent to the data protection officer.',
    approve: 'Approve', approved: 'The activity was approved and is part of the register.', statusApproved: 'Approved',
    register: 'Register', blocked: 'The activity cannot be sent',
    publicNotice: 'Show in the public privacy notice once approved', noticeTitle: 'How we process personal data',
  },
};

describe('register: form → submit → review → approve', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    server.createUser('dpo@example.se', 'dpo');
    server.createUser('hr@example.se', 'registrant', 'HR');
    const token = server.createToken('dpo@example.se');
    const org = await server.api(token, 'PUT', '/api/v1/organisation', {
      name: 'Exempeluniversitetet', org_number: '202100-0000', is_public_authority: true, units: ['HR'],
    });
    assert.equal(org.status, 200);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function submitWithAck(page, T) {
    await page.getByRole('button', { name: T.submit }).click();
    const ack = page.locator('#ack_warnings');
    if (await ack.count()) {
      await ack.check();
      await page.getByRole('button', { name: T.submit }).click();
    }
  }

  for (const locale of ['sv-SE', 'en-GB']) {
    test(`a registrant reports, the DPO approves (${locale})`, async () => {
      const T = TEXT[locale];
      const name = `Lönehantering ${locale}`;
      const staff = await newPage(browser, locale);
      await signIn(staff, server.base, 'hr@example.se');
      await staff.waitForURL(`${server.base}/`);
      await staff.getByRole('link', { name: T.register, exact: true }).click();
      await staff.getByRole('link', { name: T.newActivity }).click();
      assert.deepEqual(await axeViolations(staff), [], 'empty form');

      await staff.getByLabel(T.name).fill(name);
      await staff.getByLabel(T.purposes, { exact: true }).fill('Betala ut lön\nRedovisa skatt');
      await staff.getByLabel(T.subjects, { exact: true }).fill('Anställda');
      await staff.getByLabel(T.data, { exact: true }).fill('Namn\nKontonummer\nLön');
      await staff.getByLabel(T.basis).selectOption('legitimate_interests');
      await staff.getByLabel(T.retention, { exact: true }).fill('10 år');
      await staff.getByLabel(T.retentionKind).selectOption('riksarkivet_regulation');
      await staff.getByLabel(T.retentionSource).fill('RA-FS 2021:6');
      await staff.getByLabel(T.security).fill('Behörighetsstyrning och loggning');
      await staff.getByLabel(T.publicNotice).check();
      await staff.getByRole('button', { name: T.submit }).click();

      // An authority may not rely on legitimate interests: stopped, article cited, input kept.
      assert.match(await staff.getByRole('alert').textContent(), new RegExp(T.blocked));
      assert.match(await staff.locator('#legal_basis-msg').textContent(), /6\(1\)\(f\)/);
      assert.equal(await staff.getByLabel(T.name).inputValue(), name);
      assert.equal(await staff.getByLabel(T.purposes, { exact: true }).inputValue(), 'Betala ut lön\nRedovisa skatt');
      assert.deepEqual(await axeViolations(staff), [], 'form with errors');

      await staff.getByLabel(T.basis).selectOption('legal_obligation');
      await staff.getByLabel(T.sourceKind).selectOption('law');
      await staff.getByLabel(T.source).fill('Inkomstskattelagen (1999:1229)');
      await submitWithAck(staff, T);
      assert.equal(await staff.getByRole('status').first().textContent(), T.submitted);
      assert.equal(await staff.locator('h1').textContent(), name);
      assert.deepEqual(await axeViolations(staff), [], 'activity page');
      const activityUrl = staff.url().split('?')[0];
      await staff.context().close();

      const dpo = await newPage(browser, locale);
      await signIn(dpo, server.base, 'dpo@example.se');
      await dpo.waitForURL(`${server.base}/`);
      await dpo.goto(activityUrl);
      assert.deepEqual(await axeViolations(dpo), [], 'activity page with review');
      await dpo.getByRole('button', { name: T.approve, exact: true }).click();
      assert.equal(await dpo.getByRole('status').first().textContent(), T.approved);
      assert.match(await dpo.locator('main').textContent(), new RegExp(T.statusApproved));

      await dpo.goto(`${server.base}/register?status=approved`);
      assert.ok(await dpo.getByRole('link', { name }).count() === 1, 'the approved activity is in the register');
      assert.deepEqual(await axeViolations(dpo), [], 'register list');
      await dpo.goto(`${activityUrl}/history`);
      assert.deepEqual(await axeViolations(dpo), [], 'history');
      await dpo.goto(`${server.base}/register/print`);
      assert.match(await dpo.locator('main').textContent(), new RegExp(name));
      assert.deepEqual(await axeViolations(dpo), [], 'printable register');
      await dpo.context().close();

      // The public notice, as a data subject sees it without an account.
      const visitor = await newPage(browser, locale);
      await visitor.goto(`${server.base}/login`);
      await visitor.getByRole('link', { name: T.noticeTitle }).click();
      assert.equal(await visitor.locator('h1').textContent(), T.noticeTitle);
      assert.deepEqual(await axeViolations(visitor), [], 'public notice');
      await visitor.getByRole('link', { name }).click();
      assert.equal(await visitor.locator('h1').textContent(), name);
      assert.match(await visitor.locator('main').textContent(), /Betala ut lön/);
      assert.deepEqual(await axeViolations(visitor), [], 'public notice of one activity');
      await visitor.context().close();
    });
  }
});
