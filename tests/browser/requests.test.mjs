// Data-subject requests as a person and the DPO handle them in the browser:
// a request submitted on the public page, the identity verified, the scope
// set, and the answer — an access request answered with the registerutdrag
// and an erasure request partly refused with its Art. 17(3) reason — with
// axe-core on the public page and the case pages.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, launch, newPage, signIn, startServer } from './harness.mjs';

const ACTIVITIES = [
  {
    name: 'Lönehantering', purposes: ['Betala ut lön'], data_subject_categories: ['Anställda'],
    personal_data_categories: ['Namn', 'Kontonummer', 'Lön'], recipients: ['Skatteverket'],
    legal_basis: 'legal_obligation', legal_basis_source_kind: 'law', legal_basis_source: 'Bokföringslagen (1999:1078)',
    retention: '7 år', retention_source_kind: 'law', retention_source: 'Bokföringslagen 7 kap. 2 §',
    security_measures: 'Behörighetsstyrning',
  },
  {
    name: 'Nyhetsbrev', purposes: ['Skicka nyhetsbrev'], data_subject_categories: ['Prenumeranter'],
    personal_data_categories: ['E-postadress'], legal_basis: 'consent', retention: 'Tills samtycket återkallas',
    retention_source_kind: 'internal_decision', retention_source: 'Beslut 2024-01', security_measures: 'Behörighetsstyrning',
  },
];

describe('requests: public submit → verify → answer', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    server.createUser('dpo@example.se', 'dpo');
    const token = server.createToken('dpo@example.se');
    const org = await server.api(token, 'PUT', '/api/v1/organisation', {
      name: 'Exempelbolaget AB', org_number: '556000-0000', email: 'info@exempel.se',
      dpo: { name: 'Dataskyddsombudet', email: 'dso@exempel.se' },
    });
    assert.equal(org.status, 200);
    for (const a of ACTIVITIES) {
      const created = await server.api(token, 'POST', '/api/v1/activities', a);
      assert.equal(created.status, 201, JSON.stringify(created.json));
      for (const step of ['submit', 'approve']) {
        const r = await server.api(token, 'POST', `/api/v1/activities/${created.json.id}/${step}`);
        assert.equal(r.status, 200, JSON.stringify(r.json));
      }
    }
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function submitPublic(right, name, email) {
    const person = await newPage(browser, 'sv-SE');
    await person.goto(`${server.base}/rights`);
    assert.deepEqual(await axeViolations(person), [], 'public form');
    await person.getByLabel('Din begäran').selectOption(right);
    await person.getByLabel('Ditt namn').fill(name);
    await person.getByLabel('E-post').fill(email);
    await person.getByLabel('Anställda', { exact: true }).check();
    await person.getByLabel('Berätta mer (frivilligt)').fill('Jag är anställd och prenumererar på nyhetsbrevet.');
    await person.getByRole('button', { name: 'Skicka begäran' }).click();
    await person.getByText('Vi har tagit emot din begäran.').waitFor();
    assert.match(person.url(), /\/rights\/case\//);
    assert.deepEqual(await axeViolations(person), [], 'private case page');
    const reference = (await person.getByRole('heading', { level: 2 }).first().innerText()).trim();
    assert.match(reference, /^DSR-\d{4}$/);
    await person.close();
    return reference;
  }

  async function openCase(dpo, reference) {
    await dpo.goto(`${server.base}/requests`);
    await dpo.getByRole('link', { name: reference }).click();
    await dpo.getByRole('heading', { name: new RegExp(reference) }).waitFor();
    assert.deepEqual(await axeViolations(dpo), [], `case ${reference}`);
  }

  async function verifyAndScope(dpo) {
    // The person said they are an employee; the DPO adds the newsletter.
    const scope = dpo.getByRole('group', { name: 'Kategorier av registrerade i registerförteckningen' });
    assert.equal(await scope.getByLabel('Anställda', { exact: true }).isChecked(), true);
    await scope.getByLabel('Prenumeranter', { exact: true }).check();
    await dpo.getByRole('button', { name: 'Spara omfattningen' }).click();
    await dpo.getByText('Registrerat.').waitFor();
    await dpo.getByLabel('Hur identiteten kontrollerades').selectOption('e_legitimation');
    await dpo.getByRole('button', { name: 'Registrera identitetskontrollen' }).click();
    await dpo.getByText('Registrerat.').waitFor();
  }

  test('an access request is answered with the registerutdrag from the register', async () => {
    const reference = await submitPublic('access', 'Anna Andersson', 'anna@example.se');
    const dpo = await newPage(browser, 'sv-SE');
    await signIn(dpo, server.base, 'dpo@example.se');
    await dpo.waitForURL(`${server.base}/`);
    await openCase(dpo, reference);
    await verifyAndScope(dpo);

    await dpo.getByRole('link', { name: 'Registerutdrag', exact: true }).click();
    await dpo.getByRole('heading', { name: 'Registerutdrag' }).waitFor();
    await dpo.getByRole('heading', { name: 'Lönehantering' }).waitFor();
    await dpo.getByRole('heading', { name: 'Nyhetsbrev' }).waitFor();
    assert.match(await dpo.locator('main').innerText(), /Skatteverket/);
    assert.deepEqual(await axeViolations(dpo), [], 'registerutdrag');
    await dpo.goBack();

    await dpo.getByLabel('Utfall').selectOption('granted');
    await dpo.getByLabel('Vad som gjordes').fill('Registerutdrag skickat med e-post.');
    await dpo.getByRole('button', { name: 'Registrera svaret' }).click();
    await dpo.getByText('Registrerat.').waitFor();
    await dpo.getByText('Besvarad', { exact: true }).first().waitFor();
    await dpo.close();
  });

  test('an erasure request is refused for payroll (legal obligation) and granted for the newsletter', async () => {
    const reference = await submitPublic('erasure', 'Bo Berg', 'bo@example.se');
    const dpo = await newPage(browser, 'sv-SE');
    await signIn(dpo, server.base, 'dpo@example.se');
    await dpo.waitForURL(`${server.base}/`);
    await openCase(dpo, reference);
    await verifyAndScope(dpo);

    // The suggestions: payroll refused under Art. 17(3)(b), the newsletter erased.
    const payroll = dpo.getByRole('group', { name: 'Lönehantering' });
    assert.equal(await payroll.getByLabel('Beslut', { exact: true }).inputValue(), 'refuse');
    assert.equal(await payroll.getByLabel('Skäl att inte radera (art. 17.3)').inputValue(), 'legal_obligation');
    const newsletter = dpo.getByRole('group', { name: 'Nyhetsbrev' });
    assert.equal(await newsletter.getByLabel('Beslut', { exact: true }).inputValue(), 'erase');
    await dpo.getByRole('button', { name: 'Spara besluten om radering' }).click();
    await dpo.getByText('Registrerat.').waitFor();
    assert.deepEqual(await axeViolations(dpo), [], 'case with decisions');

    await dpo.getByLabel('Utfall').selectOption('partially_granted');
    await dpo.getByLabel('Vad som gjordes').fill('Nyhetsbrevet: uppgifterna raderade.');
    await dpo.getByLabel('Skäl (för allt som inte bifölls, art. 12.4)').fill('Löneuppgifter måste sparas enligt bokföringslagen.');
    await dpo.getByRole('button', { name: 'Registrera svaret' }).click();
    await dpo.getByText('Registrerat.').waitFor();

    await dpo.getByRole('link', { name: 'Svaret', exact: true }).click();
    const letter = await dpo.locator('article').innerText();
    assert.match(letter, /Lönehantering/);
    assert.match(letter, /17\.3 b/);
    assert.match(letter, /Integritetsskyddsmyndigheten|IMY/);
    assert.deepEqual(await axeViolations(dpo), [], 'answer letter');
    await dpo.close();
  });
});
