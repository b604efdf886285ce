import { bearer, newAuthority, newBoard, newUser, TestUser } from '@app/testing';
import { TestApp } from './test-app';

/**
 * A council with an improvement board, as the meetings, reviews and board journeys start from:
 * its chair, a board member, a manager and an owner that manager line-manages; the board has the chair and the member.
 */
export interface BoardWorld {
  authorityId: string;
  chair: TestUser;
  member: TestUser;
  manager: TestUser;
  owner: TestUser;
  boardId: string;
}

export async function newBoardWorld(t: TestApp): Promise<BoardWorld> {
  const authorityId = (await newAuthority(t)).id;
  const chair = await newUser(t, authorityId, ['board_chair']);
  const member = await newUser(t, authorityId, ['board_member']);
  const manager = await newUser(t, authorityId, ['manager']);
  const owner = await newUser(t, authorityId, ['viewer'], { managerId: manager.id });
  const boardId = (await newBoard(t, chair, [member])).id;
  return { authorityId, chair, member, manager, owner, boardId };
}

export interface InspectionFinding {
  text: string;
  timescale: string;
  /** "Safeguarding" unless given. */
  section?: string;
  ownerOrg?: string;
}

export interface Inspection {
  publishedOn: string;
  findings: InspectionFinding[];
  title?: string;
  judgements?: { area: string; grade: number; label: string; scale: string }[];
}

/** An Ofsted inspection report entered through the API by `by`; answers the API's response (201 checked). */
export function postInspection(t: TestApp, by: TestUser, report: Inspection) {
  return t
    .http()
    .post('/api/v1/documents')
    .set(bearer(by))
    .send({
      title: report.title ?? 'Inspection of safeguarding services',
      kind: 'inspection_report_safeguarding_and_looked_after_children',
      inspectorates: ['Ofsted'],
      publishedOn: report.publishedOn,
      ...(report.judgements ? { judgements: report.judgements } : {}),
      findings: report.findings.map((f) => ({ section: 'Safeguarding', ...f })),
    })
    .expect(201);
}

/**
 * The board's plan from the report, made through the API by the member: each action given to the owner,
 * then the plan activated by the chair. Answers the plan's id and its actions' ids in the plan's order.
 */
export async function newActivePlan(t: TestApp, world: BoardWorld, report: Inspection, title = 'Plan 2026'): Promise<{ planId: string; actionIds: string[] }> {
  const { member, owner, chair } = world;
  const doc = await postInspection(t, member, report);
  const plan = await t
    .http()
    .post('/api/v1/plans')
    .set(bearer(member))
    .send({ title, boardId: world.boardId, documentIds: [doc.body.id] })
    .expect(201);
  const planId: string = plan.body.id;
  const list = await t.http().get(`/api/v1/actions?planId=${planId}`).set(bearer(member)).expect(200);
  const actionIds: string[] = [];
  for (const a of list.body.items as { id: string; version: number }[]) {
    actionIds.push(a.id);
    await t.http().patch(`/api/v1/actions/${a.id}`).set(bearer(member)).send({ version: a.version, ownerId: owner.id }).expect(200);
  }
  await t.http().post(`/api/v1/plans/${planId}/activate`).set(bearer(chair)).send({ version: 1 }).expect(201);
  return { planId, actionIds };
}
