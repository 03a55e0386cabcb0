// A breach as staff and the DPO handle it in the browser: report → assess →
// decide → record the notification to IMY → the two documents, with
// axe-core on every page on the way. Swedish, and the documents in English.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, launch, newPage, signIn, startServer } from './harness.mjs';

describe('breaches: report → assess → decide → notify → documents', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    server.createUser('dpo@example.se', 'dpo');
    server.createUser('it@example.se', 'registrant', 'IT');
    const token = server.createToken('dpo@example.se');
    const org = await server.api(token, 'PUT', '/api/v1/organisation', {
      name: 'Exempeluniversitetet', org_number: '202100-0000', is_public_authority: true,
      dpo: { name: 'Dataskyddsombudet', email: 'dso@example.se' },
    });
    assert.equal(org.status, 200);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('staff report a breach and the DPO takes it to IMY', async () => {
    const staff = await newPage(browser, 'sv-SE');
    await signIn(staff, server.base, 'it@example.se');
    await staff.waitForURL(`${server.base}/`);
    await staff.getByRole('link', { name: 'Incidenter', exact: true }).click();
    assert.deepEqual(await axeViolations(staff), [], 'list');
    await staff.getByRole('link', { name: 'Rapportera en incident' }).click();
    assert.deepEqual(await axeViolations(staff), [], 'empty report form');

    // Without a description the report is refused and keeps what was typed.
    await staff.getByLabel('Kort rubrik').fill('Lösenordsfil på öppen webbserver');
    await staff.getByLabel('När den inträffade').fill('2026-11-19T22:15');
    await staff.getByLabel('När vi fick kännedom om den').fill('2026-11-20T07:45');
    await staff.getByRole('button', { name: 'Rapportera incidenten' }).click();
    await staff.getByRole('alert').waitFor();
    assert.equal(await staff.getByLabel('Kort rubrik').inputValue(), 'Lösenordsfil på öppen webbserver');
    assert.deepEqual(await axeViolations(staff), [], 'refused report form');

    await staff.getByLabel('Vad har hänt', { exact: true }).fill('En fil med användarnamn och lösenordshashar låg öppet på en webbserver.');
    await staff.getByLabel('Obehörigt röjande eller åtkomst (konfidentialitet)').check();
    await staff.getByLabel('Kategorier av registrerade').fill('Anställda');
    await staff.getByLabel('Ungefärligt antal registrerade').fill('850');
    await staff.getByLabel('Kategorier av personuppgifter').fill('Användarnamn\nLösenordshashar');
    await staff.getByLabel('Ungefärligt antal poster').fill('850');
    await staff.getByLabel('Sannolika konsekvenser för de registrerade').fill('Konton kan tas över om hasharna knäcks.');
    await staff.getByLabel('Vidtagna åtgärder').fill('Filen togs bort; alla lösenord återställs.');
    await staff.getByRole('button', { name: 'Rapportera incidenten' }).click();
    await staff.getByText('Incidenten är rapporterad.').waitFor();
    const url = staff.url();
    const id = url.match(/\/incidents\/(\d+)/)[1];
    assert.deepEqual(await axeViolations(staff), [], 'breach page as reporter');

    const dpo = await newPage(browser, 'sv-SE');
    await signIn(dpo, server.base, 'dpo@example.se');
    await dpo.waitForURL(`${server.base}/`);
    await dpo.goto(`${server.base}/incidents/${id}`);
    // Aware 2026-11-20 07:45 CET: the 72 hours ended 2026-11-23 07:45.
    await dpo.getByText('2026-11-23 07:45 (+01:00)').first().waitFor();
    assert.deepEqual(await axeViolations(dpo), [], 'breach page as DPO');

    await dpo.getByLabel('Risk för de registrerade').selectOption('high_risk');
    await dpo.getByLabel('Motivering').fill('Många konton; hasharna kan knäckas.');
    await dpo.getByRole('button', { name: 'Spara bedömningen' }).click();
    await dpo.getByText('Registrerat.').waitFor();

    await dpo.getByLabel('Anmäla till IMY?').selectOption('yes');
    await dpo.getByLabel('Skäl för beslutet om IMY').fill('Hög risk för de anställda.');
    await dpo.getByRole('button', { name: 'Spara beslutet om IMY' }).click();
    await dpo.getByText('Registrerat.').waitFor();

    await dpo.getByLabel('Informera de registrerade?').selectOption('yes');
    await dpo.getByLabel('Skäl för beslutet om de registrerade').fill('Hög risk: de behöver byta lösenord.');
    await dpo.getByLabel('Råd till de registrerade').fill('Byt lösenord där du använt samma lösenord.');
    await dpo.getByRole('button', { name: 'Spara beslutet om de registrerade' }).click();
    await dpo.getByText('Registrerat.').waitFor();

    // Late: the reasons for the delay are asked for at their field.
    await dpo.getByLabel('Typ av anmälan').selectOption('initial');
    await dpo.getByLabel('Inskickad till IMY').fill('2026-11-23T10:00');
    await dpo.getByLabel('IMY:s diarienummer').fill('IMY-2026-9876');
    await dpo.getByRole('button', { name: 'Registrera anmälan' }).click();
    await dpo.getByRole('alert').waitFor();
    assert.match(await dpo.getByRole('alert').innerText(), /Skäl till förseningen/);
    assert.deepEqual(await axeViolations(dpo), [], 'refused notification');
    await dpo.getByLabel('Skäl till förseningen').fill('Upptäckten gjordes inför en helg; bedömningen krävde IT-forensik.');
    await dpo.getByRole('button', { name: 'Registrera anmälan' }).click();
    await dpo.getByText('Registrerat.').waitFor();
    await dpo.getByText('IMY har fått en anmälan').or(dpo.getByText('IMY fick anmälan efter 72 timmar')).first().waitFor();

    // The notification to IMY, then in English.
    await dpo.getByRole('link', { name: 'Anmälan till IMY', exact: true }).click();
    await dpo.getByRole('heading', { name: 'Anmälan av personuppgiftsincident till Integritetsskyddsmyndigheten' }).waitFor();
    assert.match(await dpo.locator('#item-contact_point').innerText(), /dso@example\.se/);
    assert.match(await dpo.locator('#item-delay_reasons').innerText(), /IT-forensik/);
    assert.deepEqual(await axeViolations(dpo), [], 'IMY notification (sv)');
    await dpo.getByRole('link', { name: 'Dokumentet på engelska' }).click();
    await dpo.getByRole('heading', { name: /Notification of a personal data breach/ }).waitFor();
    assert.deepEqual(await axeViolations(dpo), [], 'IMY notification (en)');

    // The letter to the data subjects.
    await dpo.goto(`${server.base}/incidents/${id}/letter`);
    await dpo.getByRole('heading', { name: 'Information om en personuppgiftsincident' }).waitFor();
    await dpo.getByText('Byt lösenord där du använt samma lösenord.').waitFor();
    assert.deepEqual(await axeViolations(dpo), [], 'letter');

    // The list shows the breach as notified.
    await dpo.goto(`${server.base}/incidents`);
    await dpo.getByRole('cell', { name: 'Anmäld till IMY' }).waitFor();
  });
});
