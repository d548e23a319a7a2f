// The processes through the running local stack, as people take them (headless Chromium), all on
// the embedded Operaton engine, in its Tasklist and Cockpit, which speak Russian:
// - rural grant: an applicant applies through the API, an HR officer and the commission claim and
//   complete their tasks in Tasklist with the Camunda Forms, the decision letter arrives in the mail
//   inbox with its PDF, the engine's history and the audit log show the case moved on and who did
//   what, and an auditor opens the case in Cockpit;
// - mentor bonus: two different Tasklist users approve (four eyes), the order is mailed, and the
//   case names both approvers, learnt from the engine's history;
// - pedagogical class: a school coordinator completes step 1 in a browser set to English, which
//   still gets Russian; an auditor opens the case in Cockpit;
// - development route: a teacher's diagnosis is imported and the route started through the staff
//   API, the school fills the questionnaire, the methodist drops and adds an item, the school
//   records the teacher's agreement, and the agreed route's letter arrives in the inbox.
// Screenshots go to e2e/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium, request } from 'playwright-core';

const API = process.env.WORKERS_URL ?? 'http://localhost:8088';
const INBOX = process.env.INBOX_URL ?? 'http://localhost:1080';
const OPERATON = `${API}/operaton/app`;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const AUDITOR = { Authorization: `Basic ${Buffer.from('auditor:auditor').toString('base64')}` };

let browser;
let page;
/** The engine's REST API, which answers the ADMIN role only: the test finds tasks and reads history through it. */
let engineApi;
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

async function engineGet(path) {
  const response = await engineApi.get(path);
  assert.ok(response.ok(), `${path} answered ${response.status()}`);
  return response.json();
}

/** A browser session of its own for one person: set to English, in the region's time zone. */
async function personPage() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US', timezoneId: 'Asia/Novokuznetsk' });
  return context.newPage();
}

/**
 * Logs in to an Operaton web app (tasklist, cockpit, admin); its log-in page speaks Russian. The
 * page draws its form before its translations arrive and draws it again after: fields filled in
 * between were lost or landed in the wrong field (a CI run saw «demodemo» as the user name and an
 * empty password). So it waits for the translated button, and checks what the fields hold.
 */
async function logInToOperaton(onPage, app, user, password) {
  await onPage.goto(`${OPERATON}/${app}/default/`);
  const userName = onPage.getByPlaceholder('Имя пользователя');
  const secret = onPage.getByPlaceholder('Пароль');
  const logIn = onPage.getByRole('button', { name: 'Войти' });
  try {
    await logIn.waitFor({ timeout: 60000 });
    for (let attempt = 1; ; attempt++) {
      await userName.fill(user);
      await secret.fill(password);
      if (await userName.inputValue() === user && await secret.inputValue() === password) {
        await logIn.click();
        // the form goes once the log-in is taken; if it was drawn again meanwhile, it stays: type again
        if (await userName.waitFor({ state: 'hidden', timeout: 20000 }).then(() => true, () => false)) break;
      }
      if (attempt === 3) throw new Error(`the log-in form of ${app} did not take what was typed in`);
    }
  } catch (e) {
    await screenshot(`failed-operaton-${app}-login`, onPage);
    throw e;
  }
}

/**
 * Waits for Tasklist's filter list after the log-in, as long as the other Tasklist waits: on a
 * loaded machine it once took longer than the default 30 s. A screenshot says what was on screen.
 */
async function awaitTaskFilters(onPage) {
  try {
    await onPage.getByText('Все задачи').first().waitFor({ timeout: 60000 });
  } catch (e) {
    await screenshot('failed-tasklist-filters', onPage);
    throw e;
  }
}

/**
 * Opens the case's open task of that element in Tasklist, claims it ("Взять в работу"), and waits
 * for its Camunda Form, which shows the case number. Returns the task as the REST API has it.
 */
async function claimTask(onPage, caseNumber, elementId, taskName) {
  const task = await until(`the task ${elementId} of ${caseNumber}`, async () => (await engineGet(
    `/engine-rest/task?processVariables=caseNumber_eq_${encodeURIComponent(caseNumber)}&taskDefinitionKey=${elementId}`))[0]);
  await onPage.goto(`${OPERATON}/tasklist/default/#/?task=${task.id}`);
  try {
    await onPage.getByText(taskName).first().waitFor({ timeout: 60000 });
    await onPage.getByText('Взять в работу').first().click();
    await onPage.getByText(caseNumber).first().waitFor({ timeout: 60000 });
  } catch (e) {
    await screenshot(`failed-${elementId}`, onPage);
    throw e;
  }
  return task;
}

/**
 * Completes the claimed task ("Завершить") and waits until the engine's history names the user who
 * completed it. The form keeps typed text after a short debounce or when the field loses focus; on a
 * slow machine a click right after typing came first, so the last field is left before the click.
 */
async function completeTask(onPage, task, name, user) {
  await onPage.keyboard.press('Tab');
  await screenshot(`${name}-filled`, onPage);
  await onPage.getByRole('button', { name: 'Завершить' }).click();
  let completedBy;
  try {
    completedBy = await until(`the completion of ${name} in the engine's user operation log`, async () => {
      const entries = await engineGet(`/engine-rest/history/user-operation?taskId=${task.id}&operationType=Complete`);
      return entries[0]?.userId;
    }, 60);
  } catch (e) {
    await screenshot(`failed-${name}-complete`, onPage);
    throw e;
  }
  await screenshot(`${name}-completed`, onPage);
  assert.equal(completedBy, user, `${name} was completed by ${completedBy}`);
}

/** The auditor opens the instance in Cockpit, in a session of their own, and sees the element's name on its diagram. */
async function openInCockpit(instance, waitingAt, name) {
  const auditorPage = await personPage();
  await logInToOperaton(auditorPage, 'cockpit', 'auditor', 'auditor');
  // the log-in has gone through once Cockpit names its user; a page opened before that asks again
  await auditorPage.getByText('Аудитор Демо').first().waitFor({ timeout: 60000 });
  await auditorPage.goto(`${OPERATON}/cockpit/default/#/process-instance/${instance}/runtime`);
  try {
    await auditorPage.getByText(waitingAt).first().waitFor({ timeout: 60000 });
  } catch (e) {
    await screenshot(`failed-cockpit-${name}`, auditorPage);
    throw e;
  }
  await screenshot(`cockpit-${name}`, auditorPage);
  await auditorPage.context().close();
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'ru-RU' });
  engineApi = await request.newContext({ baseURL: API, httpCredentials: { username: 'admin', password: 'admin' } });
});

after(async () => {
  await engineApi?.dispose();
  await browser?.close();
});

test('an application goes through Operaton Tasklist to a decision letter in the inbox, and the case opens in Cockpit', async () => {
  // 1. The applicant applies.
  const email = `e2e-${Date.now()}@example.ru`;
  const api = await request.newContext({ baseURL: API });
  const submitted = await api.post('/api/rural-grants/applications', {
    data: {
      applicant: { surname: 'Смирнова', name: 'Ольга', patronymic: 'Петровна', birthDate: '1995-04-12',
        snils: freshSnils(), email, phone: '+7 913 555-77-11' },
      school: { code: '42-IZH-01' },
      position: 'Учитель математики',
      weeklyLoadHours: 24,
      previousResidence: 'г. Новосибирск',
      previousSettlement: { municipality: 'Новосибирск', name: 'Новосибирск' },
      personalDataConsent: true,
    },
  });
  assert.equal(submitted.status(), 201, await submitted.text());
  const { caseNumber } = await submitted.json();
  assert.match(caseNumber, /^ЗУ-\d{4}-\d{6}$/);
  await api.dispose();

  // 2. An HR officer logs in to Tasklist and checks the documents.
  const officer = await personPage();
  await logInToOperaton(officer, 'tasklist', 'demo', 'demo');
  await awaitTaskFilters(officer);
  await screenshot('tasklist-inbox', officer);
  const documentCheck = await claimTask(officer, caseNumber, 'Task_CheckDocuments', 'Проверить документы');
  await officer.getByText('Комплект документов полный').click();
  await completeTask(officer, documentCheck, 'document-check', 'demo');

  // 3. The commission decides.
  const decision = await claimTask(officer, caseNumber, 'Task_DecideByCommission', 'Решение конкурсной комиссии');
  await officer.getByLabel(/Оценка комиссии/).fill('86');
  await officer.getByText('Предоставить выплату').click();
  await officer.getByLabel(/Обоснование решения/).fill('Педагог соответствует всем условиям программы');
  await completeTask(officer, decision, 'commission-decision', 'demo');
  await officer.context().close();

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

  // 5. The engine's history shows the case past the letter, waiting for HR to register the contract.
  const instance = documentCheck.processInstanceId;
  const activities = await until('the contract task in the engine\'s history', async () => {
    const found = await engineGet(`/engine-rest/history/activity-instance?processInstanceId=${instance}`);
    return found.some((a) => a.activityId === 'Task_RecordContract' && !a.endTime) ? found : null;
  });
  for (const done of ['Task_CheckDocuments', 'Task_DecideByCommission', 'Task_SendApprovalLetter']) {
    assert.ok(activities.some((a) => a.activityId === done && a.endTime && !a.canceled), `${done} is not completed`);
  }

  // 6. The auditor's timeline: who completed each task in Tasklist, the decision's version, the
  //    engine's history, and personal data masked.
  const timeline = await until('the audit timeline with the engine\'s history', async () => {
    const response = await fetch(`${API}/api/audit/cases/${encodeURIComponent(caseNumber)}`, { headers: AUDITOR });
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
  const verification = await (await fetch(`${API}/api/audit/verify`, { headers: AUDITOR })).json();
  assert.equal(verification.valid, true, JSON.stringify(verification));
  assert.equal((await fetch(`${API}/api/audit/verify`)).status, 401);

  // 7. The auditor opens the case in Cockpit.
  await openInCockpit(instance, 'Зарегистрировать договор', 'rural-grant');
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

  // The school head (demo) and then the budget officer, another person (act), approve, each in a
  // browser session of their own.
  let instance;
  for (const [user, elementId, taskName, comment] of [
    ['demo', 'Task_ApproveBySchoolHead', 'Согласование руководителем школы', 'Наставник с опытом, план согласован'],
    ['act', 'Task_ApproveByBudgetOfficer', 'Согласование бюджета', 'Средства предусмотрены']]) {
    const approver = await personPage();
    await logInToOperaton(approver, 'tasklist', user, user);
    await awaitTaskFilters(approver);
    const task = await claimTask(approver, caseNumber, elementId, taskName);
    instance = task.processInstanceId;
    await approver.getByText('Согласовать', { exact: true }).click();
    await approver.getByLabel(/Комментарий/).fill(comment);
    await completeTask(approver, task, `mentor-${user}`, user);
    await approver.context().close();
  }

  // The order reaches the school with its PDF, and the case names both approvers.
  const order = await until('the mentor-bonus order in the mail inbox', async () => {
    const messages = await (await fetch(`${INBOX}/api/messages`)).json();
    return messages.find((m) => m.to === schoolEmail && m.subject.includes('приказ'));
  });
  assert.equal(order.attachments[0].name, `${caseNumber}-П.pdf`);
  assert.equal(order.attachments[0].contentType, 'application/pdf');
  // The school's copy goes out first; the mentor's copy and the status follow within the same step.
  const status = await until('the nomination to become ACTIVE', async () => {
    const s = await (await fetch(`${API}/api/mentoring/nominations/${encodeURIComponent(caseNumber)}`, { headers: hr })).json();
    return s.status === 'ACTIVE' && s;
  }, 60);
  const details = status.history.map((h) => h.details ?? '').join(' | ');
  assert.match(details, /Руководитель школы demo/);
  assert.match(details, /Бюджет: act/);
  await page.goto(`${INBOX}/messages/${order.id}`);
  await screenshot('mentor-order');
  await api.dispose();

  await openInCockpit(instance, 'Согласование бюджета', 'mentor-bonus');
});

test('a class opening\'s first step is done in Operaton Tasklist, in Russian, and the case opens in Cockpit', async () => {
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

  // a browser set to English still gets Russian; dates in the region's zone
  const coordinator = await personPage();
  await logInToOperaton(coordinator, 'tasklist', 'act', 'act');
  await awaitTaskFilters(coordinator);
  const task = await claimTask(coordinator, caseNumber, 'Task_StudySituation', 'Шаг 1. Изучить ситуацию');
  const instance = task.processInstanceId;
  await screenshot('operaton-tasklist-task', coordinator);
  // the linked Camunda Form, filled from the case's variables
  await coordinator.getByLabel('Итоги изучения ситуации').fill('Условия и кадры есть; запрос — 25 учеников (браузерный тест).');
  // the engine's history names who completed it, and the case went on to steps 2 to 4
  await completeTask(coordinator, task, 'class-opening-step-1', 'act');
  await until('the tasks of steps 2 to 4', async () => {
    const open = await engineGet(`/engine-rest/task?processInstanceId=${instance}`);
    return open.length === 3 ? open : null;
  });
  // the audit log has the same user
  const timeline = await until('the audit timeline of the class opening', async () => {
    const response = await fetch(`${API}/api/audit/cases/${encodeURIComponent(caseNumber)}`, { headers: AUDITOR });
    const body = response.ok ? await response.json() : null;
    return body?.entries?.some((e) => e.kind === 'USER_TASK' && e.elementId === 'Task_StudySituation') ? body : null;
  });
  const step1 = timeline.entries.find((e) => e.kind === 'USER_TASK' && e.elementId === 'Task_StudySituation');
  assert.equal(step1.actor, 'act');

  // the auditor sees the case in Cockpit (a browser session of their own: the coordinator's has no Cockpit)
  await openInCockpit(instance, 'Шаг 2. Решение об открытии', 'class-opening');
  await coordinator.context().close();
});

test('a development route is reviewed and agreed in Operaton Tasklist', async () => {
  // The regional diagnosis of a teacher of this run (two deficits: digital and methodical), imported
  // through the staff API, which answers the teacher's id; the school starts the route with it. The
  // demo's own routes stay waiting at the questionnaire for people trying the demo.
  const hr = { Authorization: `Basic ${Buffer.from('hr:hr').toString('base64')}` };
  const api = await request.newContext({ baseURL: API, extraHTTPHeaders: hr });
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Novokuznetsk', year: 'numeric' }).format(new Date()));
  const email = `e2e-route-${Date.now()}@example.ru`;
  const teacher = { snils: freshSnils(3), surname: 'Маршрутова', givenName: 'Вера', patronymic: 'Андреевна', birthDate: '1988-09-01',
    email, phone: '+7 913 555-30-40', schoolCode: '42-IZH-01', year };
  const scores = { SUBJECT: 78, METHODICAL: 50, PSYCHOLOGICAL_PEDAGOGICAL: 70, COMMUNICATIVE: 81, DIGITAL: 40 };
  const imported = await api.post('/api/development-routes/diagnoses', {
    data: { results: Object.entries(scores).map(([competence, score]) => ({ ...teacher, competence, score })) },
  });
  assert.equal(imported.status(), 200, await imported.text());
  const { personIds: [personId] } = await imported.json();
  const started = await api.post('/api/development-routes', { data: { personId, year, schoolCode: '42-IZH-01' } });
  assert.equal(started.status(), 201, await started.text());
  const { caseNumber } = await started.json();
  assert.match(caseNumber, /^ИОМ-\d{4}-\d{6}$/);

  // The school fills the questionnaire with the teacher: communication besides the deficits, events
  // rather than courses, a year's pace.
  const school = await personPage();
  await logInToOperaton(school, 'tasklist', 'demo', 'demo');
  await awaitTaskFilters(school);
  const questionnaire = await claimTask(school, caseNumber, 'Task_FillProfessionalRequests', 'Анкета профессиональных запросов');
  await school.getByLabel('Коммуникативная', { exact: true }).check();
  await school.getByLabel(/^Неформальное/).check();
  await school.getByLabel(/Темп, месяцев/).fill('12');
  await school.getByLabel(/Запрос педагога/).fill('Хочу научиться вести родительские собрания онлайн (браузерный тест).');
  await completeTask(school, questionnaire, 'route-questionnaire', 'demo');

  // The methodist sees the proposal (an asynchronous step) in Russian: an item for each deficit and
  // for the request. The bank's dates move with the days the demo data has been kept, so the test
  // names the competences, not the events.
  const review = await claimTask(school, caseNumber, 'Task_ReviewRoute', 'Проверить и скорректировать маршрут');
  const proposed = await school.getByLabel('Пункты маршрута').inputValue();
  for (const competence of ['Цифровая компетенция', 'Методическая компетенция', 'Коммуникативная компетенция']) {
    assert.ok(proposed.includes(competence), `the proposal has no item for «${competence}»:\n${proposed}`);
  }
  const proposedItems = proposed.split('\n').filter((line) => /^\d+\. /.test(line));
  assert.ok(proposedItems.length >= 3, `the proposal has ${proposedItems.length} items:\n${proposed}`);
  assert.ok(!proposed.includes('DEMO-IN-01'), 'the subject is no deficit and was not asked for');
  // drops the first item and adds self-education in the subject (open, no end), by its code in the
  // bank; the decision first: a click on the radio's text while the typed fields were being taken
  // in left it unset (a run saw «Field is required»), and check() waits until it is set
  await school.getByRole('radio', { name: 'Утвердить маршрут и передать на согласование педагогу' }).check();
  await school.getByLabel('Исключить пункты').fill('1');
  await school.getByLabel('Добавить мероприятия').fill('DEMO-IN-01');
  await school.getByLabel('Комментарий методиста').fill('Добавлено самообразование по предмету (браузерный тест).');
  await completeTask(school, review, 'route-review', 'demo');

  // The school agrees the corrected route with the teacher.
  const agreement = await claimTask(school, caseNumber, 'Task_AgreeRoute', 'Согласовать маршрут с педагогом');
  const agreed = await school.getByLabel('Пункты маршрута').inputValue();
  assert.ok(agreed.includes('[код DEMO-IN-01]') && agreed.includes('Предметная компетенция'), `the added event is not shown:\n${agreed}`);
  assert.ok(!agreed.includes(proposedItems[0].replace(/^\d+\. /, '')), `the dropped item is still there:\n${agreed}`);
  assert.equal(agreed.split('\n').filter((line) => /^\d+\. /.test(line)).length, proposedItems.length);
  await school.getByRole('radio', { name: 'Педагог согласен с маршрутом' }).check();
  await completeTask(school, agreement, 'route-agreement', 'demo');
  await school.context().close();

  // The agreed route reaches the teacher as a PDF letter that names it.
  const letter = await until('the agreed route\'s letter in the mail inbox', async () => {
    const messages = await (await fetch(`${INBOX}/api/messages`)).json();
    return messages.find((m) => m.to === email && m.subject.includes(caseNumber));
  });
  assert.equal(letter.subject, `Ваш индивидуальный образовательный маршрут № ${caseNumber}`);
  assert.equal(letter.attachments.length, 1);
  assert.equal(letter.attachments[0].contentType, 'application/pdf');
  assert.equal(letter.attachments[0].name, `ИОМ-${caseNumber}.pdf`);
  const pdf = await fetch(`${INBOX}/messages/${letter.id}/attachments/1`);
  assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
  await page.goto(`${INBOX}/messages/${letter.id}`);
  await page.getByText(`согласованный индивидуальный образовательный маршрут № ${caseNumber}`).waitFor();
  await screenshot('route-letter');

  // The route as the staff API has it: the methodist's event in it, the dropped one not.
  const route = await (await api.get(`/api/development-routes/${encodeURIComponent(caseNumber)}`)).json();
  assert.ok(route.items.some((i) => i.eventCode === 'DEMO-IN-01'), JSON.stringify(route.items));
  assert.equal(route.items.length, proposedItems.length);
  await api.dispose();
});
