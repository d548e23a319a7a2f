// The processes through the running local stack, as people take them (headless Chromium):
// - rural grant: an applicant applies through the API, an HR officer and the commission complete
//   their tasks in Tasklist, the decision letter arrives in the mail inbox with its PDF, and
//   Operate's API shows that the case moved on;
// - mentor bonus (on the embedded Operaton engine): two different users approve in Operaton Tasklist
//   (four eyes), the order is mailed, and the case names both approvers, read from the engine's history.
// - pedagogical class (on the embedded Operaton engine): a school coordinator claims and completes
//   step 1 in Operaton Tasklist, which speaks Russian to a browser set to English, with the Camunda
//   Form; the engine's history and the audit log name who did it; an auditor opens the case in Cockpit.
// Screenshots go to e2e/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium, request } from 'playwright-core';

const CAMUNDA = process.env.CAMUNDA_URL ?? 'http://localhost:8080';
const API = process.env.WORKERS_URL ?? 'http://localhost:8088';
const INBOX = process.env.INBOX_URL ?? 'http://localhost:1080';
const OPERATON = `${API}/operaton/app`;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;

let browser;
let page;
let camundaApi;
let shot = 0;

async function screenshot(name, onPage = page) {
  shot += 1;
  await onPage.screenshot({ path: `${ARTIFACTS}${String(shot).padStart(2, '0')}-${name}.png`, fullPage: true });
}

/** A SNILS that passes the checksum, different on every run, so that a kept database accepts it. */
function freshSnils(offset = 0) {
  const digits = String(Date.now() + offset).slice(-9).padStart(9, '1');
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

async function openTask(caseNumber, taskName, onPage = page) {
  const task = await until(`the task «${taskName}» of ${caseNumber} in Tasklist`, async () => {
    const tasks = await camundaApi.post('/v1/tasks/search', {
      state: 'CREATED',
      taskVariables: [{ name: 'caseNumber', value: JSON.stringify(caseNumber), operator: 'eq' }],
    });
    return tasks.find((t) => t.name === taskName);
  });
  await onPage.goto(`${CAMUNDA}/tasklist/${task.id}`);
  try {
    await onPage.getByRole('button', { name: 'Assign to me' }).click();
  } catch (e) {
    await screenshot(`failed-${taskName}`, onPage);
    throw e;
  }
  await onPage.getByRole('button', { name: 'Unassign' }).waitFor();
  // the linked form, rendered by Tasklist, opens with the case number
  await onPage.getByText(caseNumber).first().waitFor();
  return task;
}

async function completeTask(name, onPage = page) {
  // the form keeps what was typed into a field after a short debounce, or when the field loses
  // focus; on a slow machine a click right after typing came before it (CI, 2026-12-01)
  await onPage.keyboard.press('Tab');
  await screenshot(`${name}-filled`, onPage);
  await onPage.getByRole('button', { name: 'Complete Task' }).click();
  try {
    await onPage.getByText('Task completed').first().waitFor({ timeout: 30000 });
  } catch (e) {
    await screenshot(`failed-${name}`, onPage);
    throw e;
  }
  await screenshot(`${name}-completed`, onPage);
}

async function logInToTasklist(onPage, user, password) {
  await onPage.goto(`${CAMUNDA}/tasklist`);
  await onPage.getByLabel('Username').fill(user);
  await onPage.getByRole('textbox', { name: 'Password' }).fill(password);
  await onPage.getByRole('button', { name: 'Login' }).click();
  await onPage.getByText('All open tasks').first().waitFor();
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
  // 6. The auditor's timeline: who completed each task in Tasklist, the decision's version, the engine's
  //    history from Operate, and personal data masked.
  const auditor = { Authorization: `Basic ${Buffer.from('auditor:auditor').toString('base64')}` };
  const timeline = await until('the audit timeline with Operate\'s history', async () => {
    const response = await fetch(`${API}/api/audit/cases/${encodeURIComponent(caseNumber)}`, { headers: auditor });
    const text = await response.text();
    assert.equal(response.status, 200, text);
    const t = JSON.parse(text);
    return t.engineHistoryShown && t.entries.some((e) => e.source === 'ENGINE' && e.elementId === 'Task_RecordContract') ? t : null;
  });
  const audited = (kind, elementId) => timeline.entries.filter((e) => e.source === 'AUDIT' && e.kind === kind && e.elementId === elementId);
  for (const task of ['Task_CheckDocuments', 'Task_DecideByCommission']) {
    const [row] = audited('USER_TASK', task);
    assert.ok(row, `no audit row for ${task}`);
    assert.equal(row.actor, 'demo', `${task} is attributed to ${row.actor}, not to the Tasklist user`);
  }
  assert.match(audited('USER_TASK', 'Task_DecideByCommission')[0].formData, /"commissionDecision":"APPROVE"/);
  assert.equal(JSON.parse(audited('DECISION', 'Task_CheckEligibility')[0].details).decisionId, 'rural-grant-eligibility');
  assert.ok(timeline.entries.some((e) => e.source === 'ENGINE' && e.kind === 'ELEMENT' && e.elementId === 'Task_SendApprovalLetter'));
  assert.ok(!JSON.stringify(timeline).includes('Смирнова'), 'the masked timeline shows the surname');
  const verification = await (await fetch(`${API}/api/audit/verify`, { headers: auditor })).json();
  assert.equal(verification.valid, true, JSON.stringify(verification));
  assert.equal((await fetch(`${API}/api/audit/verify`)).status, 401);

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

test('a mentor bonus is approved by two different people in Operaton Tasklist and the order is mailed', async () => {
  // The school nominates a mentor with one young colleague, starting next month.
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 6, 0));
  const day = (d) => d.toISOString().slice(0, 10);
  const schoolEmail = `school-${Date.now()}@example.ru`;
  const teacher = (surname, name, birthDate, snils, experienceYears, qualificationCategory) => ({
    surname, name, patronymic: 'Андреевна', birthDate, snils, email: `${snils}@example.ru`, phone: '+7 913 555-40-50',
    subject: 'Физика', experienceYears, qualificationCategory });
  // schools nominate through the HR officers' API account (demo profile: hr / hr)
  const hr = { Authorization: `Basic ${Buffer.from('hr:hr').toString('base64')}` };
  const api = await request.newContext({ baseURL: API, extraHTTPHeaders: hr });
  const submitted = await api.post('/api/mentoring/nominations', {
    data: {
      school: { code: '42-TIS-01', email: schoolEmail },
      mentor: teacher('Егорова', 'Марина', '1978-06-02', freshSnils(1), 22, 'HIGHEST'),
      mentees: [teacher('Сидорова', 'Алина', '2000-03-15', freshSnils(2), 1, 'NONE')],
      plan: { goals: 'Подготовить наставляемую к аттестации', startDate: day(start), endDate: day(end) },
      fundingSource: 'REGIONAL',
    },
  });
  assert.equal(submitted.status(), 201, await submitted.text());
  const { caseNumber } = await submitted.json();
  assert.match(caseNumber, /^НС-\d{4}-\d{6}$/);

  // The school head (demo) and then the budget officer, another person (act), approve in Operaton
  // Tasklist, each in a browser session of their own; the engine's history names who completed each.
  const admin = await request.newContext({ baseURL: API, httpCredentials: { username: 'admin', password: 'admin' } });
  for (const [user, element, comment] of [
    ['demo', 'Task_ApproveBySchoolHead', 'Наставник с опытом, план согласован'],
    ['act', 'Task_ApproveByBudgetOfficer', 'Средства предусмотрены']]) {
    const task = await until(`${element} of ${caseNumber}`, async () => {
      const response = await admin.get(`/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(caseNumber)}`
        + `&taskDefinitionKey=${element}`);
      return (await response.json())[0];
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'ru-RU', timezoneId: 'Asia/Novokuznetsk' });
    const userPage = await context.newPage();
    await logInToOperaton(userPage, 'tasklist', user, user);
    await userPage.getByText('Все задачи').first().waitFor();
    await userPage.goto(`${OPERATON}/tasklist/default/#/?task=${task.id}`);
    await userPage.getByText('Взять в работу').first().click();
    await userPage.getByText(caseNumber).first().waitFor();
    await userPage.getByText('Согласовать').first().click();
    await userPage.getByLabel(/Комментарий/).fill(comment);
    await userPage.keyboard.press('Tab');
    await userPage.getByRole('button', { name: 'Завершить' }).click();
    try {
      const completedBy = await until(`the completion of ${element} in the engine's user operation log`, async () => {
        const entries = await (await admin.get(`/engine-rest/history/user-operation?taskId=${task.id}&operationType=Complete`)).json();
        return entries[0]?.userId;
      }, 60);
      assert.equal(completedBy, user);
    } catch (e) {
      await screenshot(`failed-mentor-${user}`, userPage);
      throw e;
    }
    await screenshot(`mentor-${user}`, userPage);
    await context.close();
  }
  await admin.dispose();

  // The order reaches the school with its PDF, and the case names both approvers.
  const order = await until('the mentor-bonus order in the mail inbox', async () => {
    const messages = await (await fetch(`${INBOX}/api/messages`)).json();
    return messages.find((m) => m.to === schoolEmail && m.subject.includes('приказ'));
  });
  assert.equal(order.attachments[0].name, `${caseNumber}-П.pdf`);
  assert.equal(order.attachments[0].contentType, 'application/pdf');
  // The letter step commits its mail and the status together; the mail goes out from the outbox.
  const status = await until('the nomination to become ACTIVE', async () => {
    const s = await (await fetch(`${API}/api/mentoring/nominations/${encodeURIComponent(caseNumber)}`, { headers: hr })).json();
    return s.status === 'ACTIVE' && s;
  }, 30);
  const details = status.history.map((h) => h.details ?? '').join(' | ');
  assert.match(details, /Руководитель школы demo/);
  assert.match(details, /Бюджет: act/);
  await page.goto(`${INBOX}/messages/${order.id}`);
  await screenshot('mentor-order');
  await api.dispose();
});

/** Logs in to an Operaton web app (tasklist, cockpit, admin); its log-in page speaks Russian. */
async function logInToOperaton(onPage, app, user, password) {
  await onPage.goto(`${OPERATON}/${app}/default/`);
  try {
    await onPage.getByPlaceholder('Имя пользователя').fill(user, { timeout: 60000 });
  } catch (e) {
    await screenshot(`failed-operaton-${app}-login`, onPage);
    throw e;
  }
  await onPage.getByPlaceholder('Пароль').fill(password);
  await onPage.getByRole('button', { name: 'Войти' }).click();
}

test('a class opening\'s first step is done in Operaton Tasklist, in Russian, and the case opens in Cockpit', async () => {
  // the engine's REST API answers the ADMIN role only
  const admin = await request.newContext({ baseURL: API, httpCredentials: { username: 'admin', password: 'admin' } });
  const anonymous = await fetch(`${API}/engine-rest/task`);
  assert.equal(anonymous.status, 401, 'the engine\'s REST API must refuse anonymous callers');
  // an HR officer opens a class for a school of this run, through the staff API
  const hr = { Authorization: `Basic ${Buffer.from('hr:hr').toString('base64')}`, 'Content-Type': 'application/json' };
  const opened = await fetch(`${API}/api/pedagogical-classes/openings`, {
    method: 'POST', headers: hr,
    body: JSON.stringify({ schoolCode: `E2E-${Date.now()}`, municipality: 'Ижморский муниципальный округ',
      schoolEmail: 'e2e-school@example.ru', academicYear: new Date().getFullYear() + 1 }),
  });
  assert.equal(opened.status, 201, `the opening answered ${opened.status}: ${await opened.clone().text()}`);
  const { caseNumber } = await opened.json();
  const task = await until(`step 1 of ${caseNumber}`, async () => {
    const response = await admin.get(`/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(caseNumber)}`
      + '&taskDefinitionKey=Task_StudySituation');
    assert.ok(response.ok(), `/engine-rest/task answered ${response.status()}`);
    return (await response.json())[0];
  });
  const instance = task.processInstanceId;

  // a browser set to English still gets Russian; dates in the region's zone
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US', timezoneId: 'Asia/Novokuznetsk' });
  const coordinator = await context.newPage();
  await logInToOperaton(coordinator, 'tasklist', 'act', 'act');
  await coordinator.getByText('Все задачи').first().waitFor();
  await coordinator.goto(`${OPERATON}/tasklist/default/#/?task=${task.id}`);
  await coordinator.getByText('Шаг 1. Изучить ситуацию').first().waitFor();
  await screenshot('operaton-tasklist-task', coordinator);
  await coordinator.getByText('Взять в работу').first().click();
  // the linked Camunda Form, filled from the case's variables
  await coordinator.getByText(caseNumber).first().waitFor();
  await coordinator.getByLabel('Итоги изучения ситуации').fill('Условия и кадры есть; запрос — 25 учеников (браузерный тест).');
  await coordinator.keyboard.press('Tab');
  await screenshot('operaton-tasklist-filled', coordinator);
  // "Завершить" is enabled once the claim has gone through; the click waits for it
  await coordinator.getByRole('button', { name: 'Завершить' }).click();
  // the engine's history names who completed it, and the case went on to steps 2 to 4
  let completedBy;
  try {
    completedBy = await until('the completion in the engine\'s user operation log', async () => {
      const entries = await (await admin.get(`/engine-rest/history/user-operation?taskId=${task.id}&operationType=Complete`)).json();
      return entries[0]?.userId;
    }, 60);
  } catch (e) {
    await screenshot('failed-operaton-complete', coordinator);
    throw e;
  }
  await screenshot('operaton-tasklist-completed', coordinator);
  assert.equal(completedBy, 'act');
  await until('the tasks of steps 2 to 4', async () => {
    const open = await (await admin.get(`/engine-rest/task?processInstanceId=${instance}`)).json();
    return open.length === 3 ? open : null;
  });
  // the audit log has the same user
  const auditor = { Authorization: `Basic ${Buffer.from('auditor:auditor').toString('base64')}` };
  const timeline = await until('the audit timeline of the class opening', async () => {
    const response = await fetch(`${API}/api/audit/cases/${encodeURIComponent(caseNumber)}`, { headers: auditor });
    const body = response.ok ? await response.json() : null;
    return body?.entries?.some((e) => e.kind === 'USER_TASK' && e.elementId === 'Task_StudySituation') ? body : null;
  });
  const step1 = timeline.entries.find((e) => e.kind === 'USER_TASK' && e.elementId === 'Task_StudySituation');
  assert.equal(step1.actor, 'act');

  // the auditor sees the case in Cockpit (a browser session of their own: the coordinator's has no Cockpit)
  const auditorContext = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US', timezoneId: 'Asia/Novokuznetsk' });
  const auditorPage = await auditorContext.newPage();
  await logInToOperaton(auditorPage, 'cockpit', 'auditor', 'auditor');
  await auditorPage.goto(`${OPERATON}/cockpit/default/#/process-instance/${instance}/runtime`);
  await auditorPage.getByText('Шаг 2. Решение об открытии').first().waitFor({ timeout: 60000 });
  await screenshot('operaton-cockpit-case', auditorPage);
  await auditorContext.close();
  await context.close();
  await admin.dispose();
});
