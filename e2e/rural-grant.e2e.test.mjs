// The rural-grant path through the running local stack, as people take it:
// an applicant applies through the API, an HR officer and the commission complete their tasks
// in Tasklist (headless Chromium), the applicant's decision letter arrives in the mail inbox with
// its PDF, and Operate's API shows that the case moved on. Screenshots go to e2e/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium, request } from 'playwright-core';

const CAMUNDA = process.env.CAMUNDA_URL ?? 'http://localhost:8080';
const API = process.env.WORKERS_URL ?? 'http://localhost:8088';
const INBOX = process.env.INBOX_URL ?? 'http://localhost:1080';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;

let browser;
let page;
let camundaApi;
let shot = 0;

async function screenshot(name) {
  shot += 1;
  await page.screenshot({ path: `${ARTIFACTS}${String(shot).padStart(2, '0')}-${name}.png`, fullPage: true });
}

/** A SNILS that passes the checksum, different on every run, so that a kept database accepts it. */
function freshSnils() {
  const digits = String(Date.now()).slice(-9).padStart(9, '1');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (9 - i);
  const check = sum % 101 === 100 ? 0 : sum % 101;
  return digits + String(check).padStart(2, '0');
}

async function until(what, probe, seconds = 90) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${seconds} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Camunda's REST APIs (Tasklist, Operate) take the session of a log-in plus its CSRF token. */
async function camundaSession() {
  const context = await request.newContext({ baseURL: CAMUNDA });
  const login = await context.post('/api/login', { form: { username: 'demo', password: 'demo' } });
  assert.ok(login.ok(), `Camunda log-in failed: ${login.status()}`);
  const csrf = login.headers()['x-csrf-token'];
  return {
    async post(path, data) {
      const response = await context.post(path, { data, headers: { 'X-CSRF-TOKEN': csrf } });
      assert.ok(response.ok(), `${path} answered ${response.status()}: ${await response.text()}`);
      return response.json();
    },
    dispose: () => context.dispose(),
  };
}

async function openTask(caseNumber, taskName) {
  const task = await until(`the task «${taskName}» of ${caseNumber} in Tasklist`, async () => {
    const tasks = await camundaApi.post('/v1/tasks/search', {
      state: 'CREATED',
      taskVariables: [{ name: 'caseNumber', value: JSON.stringify(caseNumber), operator: 'eq' }],
    });
    return tasks.find((t) => t.name === taskName);
  });
  await page.goto(`${CAMUNDA}/tasklist/${task.id}`);
  await page.getByRole('button', { name: 'Assign to me' }).click();
  await page.getByRole('button', { name: 'Unassign' }).waitFor();
  // the linked form, rendered by Tasklist, opens with the case number
  await page.getByText(`Заявление ${caseNumber}`).first().waitFor();
  return task;
}

async function completeTask(name) {
  await screenshot(`${name}-filled`);
  await page.getByRole('button', { name: 'Complete Task' }).click();
  await page.getByText('Task completed').first().waitFor({ timeout: 30000 });
  await screenshot(`${name}-completed`);
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'ru-RU' });
  camundaApi = await camundaSession();
});

after(async () => {
  await camundaApi?.dispose();
  await browser?.close();
});

test('an application goes through Tasklist to a decision letter in the inbox', async () => {
  // 1. The applicant applies.
  const email = `e2e-${Date.now()}@example.ru`;
  const api = await request.newContext({ baseURL: API });
  const submitted = await api.post('/api/rural-grants/applications', {
    data: {
      applicant: { surname: 'Смирнова', name: 'Ольга', patronymic: 'Петровна', birthDate: '1995-04-12',
        snils: freshSnils(), email, phone: '+7 913 555-77-11' },
      school: { code: '42-IZH-01', municipality: 'Ижморский муниципальный округ',
        settlement: { name: 'Ижморский', type: 'URBAN_TYPE_SETTLEMENT', population: 9800 } },
      position: 'Учитель математики',
      weeklyLoadHours: 24,
      previousResidence: 'г. Новосибирск',
      personalDataConsent: true,
    },
  });
  assert.equal(submitted.status(), 201, await submitted.text());
  const { caseNumber } = await submitted.json();
  assert.match(caseNumber, /^ЗУ-\d{4}-\d{6}$/);
  await api.dispose();

  // 2. An HR officer logs in to Tasklist and checks the documents.
  await page.goto(`${CAMUNDA}/tasklist`);
  await page.getByLabel('Username').fill('demo');
  await page.getByRole('textbox', { name: 'Password' }).fill('demo');
  await screenshot('tasklist-login');
  await page.getByRole('button', { name: 'Login' }).click();
  await page.getByText('Проверить документы').first().waitFor();
  await screenshot('tasklist-inbox');

  const documentCheck = await openTask(caseNumber, 'Проверить документы');
  await page.getByText('Комплект документов полный').click();
  await completeTask('document-check');

  // 3. The commission decides.
  await openTask(caseNumber, 'Решение конкурсной комиссии');
  await page.getByLabel(/Оценка комиссии/).fill('86');
  await page.getByText('Предоставить выплату').click();
  await page.getByLabel(/Обоснование решения/).fill('Педагог соответствует всем условиям программы');
  await completeTask('commission-decision');

  // 4. The decision letter reaches the applicant, with its PDF.
  const letter = await until('the decision letter in the mail inbox', async () => {
    const messages = await (await fetch(`${INBOX}/api/messages`)).json();
    return messages.find((m) => m.to === email && m.subject.includes('решении предоставить'));
  });
  assert.equal(letter.attachments.length, 1);
  assert.equal(letter.attachments[0].contentType, 'application/pdf');
  assert.equal(letter.attachments[0].name, `${caseNumber}-Р.pdf`);
  await page.goto(INBOX);
  await screenshot('inbox');
  await page.getByRole('link', { name: letter.subject }).first().click();
  await page.getByText(`${caseNumber}-Р.pdf`).waitFor();
  await screenshot('letter');
  const pdf = await fetch(`${INBOX}/messages/${letter.id}/attachments/1`);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');

  // 5. Operate shows the case past the letter, waiting for HR to register the contract.
  const key = Number(documentCheck.processInstanceKey);
  const flowNodes = await until('Operate to show the contract task', async () => {
    const found = await camundaApi.post('/v1/flownode-instances/search', { filter: { processInstanceKey: key }, size: 100 });
    const contract = found.items.find((n) => n.flowNodeId === 'Task_RecordContract' && n.state === 'ACTIVE');
    return contract ? found.items : null;
  });
  for (const done of ['Task_CheckDocuments', 'Task_DecideByCommission', 'Task_SendApprovalLetter']) {
    assert.ok(flowNodes.some((n) => n.flowNodeId === done && n.state === 'COMPLETED'), `${done} is not completed in Operate`);
  }
  await page.goto(`${CAMUNDA}/operate`);
  if (await page.getByLabel('Username').isVisible().catch(() => false)) {
    await page.getByLabel('Username').fill('demo');
    await page.getByRole('textbox', { name: 'Password' }).fill('demo');
    await page.getByRole('button', { name: 'Login' }).click();
  }
  await page.goto(`${CAMUNDA}/operate/processes/${key}`);
  await page.getByText('Зарегистрировать договор').first().waitFor({ timeout: 30000 }).catch(() => {});
  await screenshot('operate-instance');
});

test('the API docs describe the intake', async () => {
  const docs = await (await fetch(`${API}/v3/api-docs`)).json();
  assert.ok(docs.paths['/api/rural-grants/applications'], 'the intake is missing from the OpenAPI description');
  await page.goto(`${API}/swagger-ui.html`);
  await page.getByText('/api/rural-grants/applications').first().waitFor();
  await screenshot('api-docs');
});
