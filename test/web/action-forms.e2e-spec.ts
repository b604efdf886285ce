import { ActionService, Actor, PlanService } from '@app/core';
import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, TestApp, TestUser } from '../support';

const HTML = { Accept: 'text/html,application/xhtml+xml' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The message beside a field, as the GOV.UK error summary links to it. */
const summaryLink = (html: string, field: string) => new RegExp(`<a href="#${field}">([^<]*)</a>`).exec(html)?.[1];

describe.each(DB_KINDS)("the action page's forms keep the API's rules (%s)", (kind) => {
  let t: TestApp;
  let chair: TestUser;
  let actor: Actor;
  let actionId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const authority = await newAuthority(t);
    chair = await newUser(t, authority.id, ['board_chair']);
    actor = { userId: chair.id, authorityId: authority.id, roles: ['board_chair'] };
    const board = await newBoard(t, chair);
    const plan = await t.get(PlanService).create(actor, { title: 'Plan', boardId: board.id, startDate: '2026-06-01' });
    await t.get(PlanService).activate(actor, plan.id, plan.version);
    // Made in October, when its due date was still ahead (a due date before today is refused).
    t.clock.set('2026-10-01T09:00:00Z');
    actionId = (await t.get(ActionService).create(actor, plan.id, { title: 'Audit case files', dueDate: '2026-11-01', ownerId: chair.id })).id;
    t.clock.set('2026-11-23T09:00:00Z');
  });
  afterAll(() => t.close());

  const current = () => t.get(ActionService).get(actor, actionId);
  const post = (form: string, body: object) => t.http().post(`/actions/${actionId}/${form}`).set(HTML).set(bearer(chair)).type('form').send(body);

  it('refuses a due-date reason longer than the API allows, saying so, and changes nothing', async () => {
    const before = await current();
    const res = await post('due-date', {
      version: before.version,
      'dueDate-day': '1',
      'dueDate-month': '12',
      'dueDate-year': '2026',
      dueDateReason: 'r'.repeat(1001),
    }).expect(400);
    expect(summaryLink(res.text, 'dueDateReason')).toBe('The reason must be 1,000 characters or fewer');
    expect((await current()).dueDate).toBe('2026-11-01');
  });

  it('refuses a status reason longer than the API allows, saying so, and changes nothing', async () => {
    const before = await current();
    const res = await post('status', { version: before.version, status: 'blocked', reason: 'r'.repeat(1001) }).expect(400);
    expect(summaryLink(res.text, 'reason')).toBe('The reason must be 1,000 characters or fewer');
    expect((await current()).status).toBe(before.status);
  });

  it('refuses an evidence title longer than the API allows instead of cutting it short', async () => {
    const res = await t
      .http()
      .post(`/actions/${actionId}/evidence`)
      .set(HTML)
      .set(bearer(chair))
      .field('title', 't'.repeat(301))
      .attach('file', PDF, 'audit.pdf')
      .expect(400);
    expect(summaryLink(res.text, 'evidence-title')).toBe('The title must be 300 characters or fewer');
    expect((await current()).evidence).toEqual([]);
  });

  it('still takes a form that keeps the rules', async () => {
    const before = await current();
    await post('due-date', {
      version: before.version,
      'dueDate-day': '1',
      'dueDate-month': '12',
      'dueDate-year': '2026',
      dueDateReason: 'Board agreed',
    }).expect(303);
    expect((await current()).dueDate).toBe('2026-12-01');
  });
});
