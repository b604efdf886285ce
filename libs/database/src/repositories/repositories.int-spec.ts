import { randomUUID } from 'node:crypto';
import { DB_KINDS } from '@app/testing/test-database';
import { useTestDatabase } from '@app/testing/use-test-database';
import { AuditEvent, Authority, Board, BoardMember, Finding, Measure, Membership, Organisation, SourceDocument, User } from '../entities';
import { Transactions } from '../transactions';
import { AuditRepositories } from './audit.repository';
import { BoardRepositories } from './board.repository';
import { DocumentRepositories } from './document.repository';
import { MeasureRepositories } from './measure.repository';
import { OrganisationRepositories } from './organisation.repository';
import { PeopleRepositories } from './people.repository';

const NOW = '2026-12-01T09:00:00.000Z';

describe.each(DB_KINDS)('repositories bound to a tenant (%s)', (kind) => {
  const database = useTestDatabase(kind);

  /** A council with a manager, a person they manage, an organisation, a board and a measure. */
  async function council() {
    const m = database.ds.manager;
    const authorityId = randomUUID();
    await m.insert(Authority, { id: authorityId, name: 'Council', slug: `c-${authorityId.slice(0, 8)}`, createdAt: NOW });
    const person = async (managerId: string | null) => {
      const id = randomUUID();
      await m.insert(User, { id, email: `${id}@council.test`, displayName: id, passwordHash: 'x', active: true, createdAt: NOW });
      await m.insert(Membership, { id: randomUUID(), authorityId, userId: id, roles: [], managerId, organisationId: null, active: true, createdAt: NOW });
      return id;
    };
    const managerId = await person(null);
    const userId = await person(managerId);
    const organisationId = randomUUID();
    await m.insert(Organisation, { id: organisationId, authorityId, name: 'Partner', kind: 'nhs', createdAt: NOW });
    const boardId = randomUUID();
    await m.insert(Board, { id: boardId, authorityId, name: 'Board', chairId: null, createdAt: NOW });
    await m.insert(BoardMember, { id: randomUUID(), authorityId, boardId, userId, createdAt: NOW });
    const measureId = randomUUID();
    const measure = {
      id: measureId,
      authorityId,
      name: 'Re-referrals',
      unit: 'percent',
      polarity: 'lower',
      target: null,
      bandLow: null,
      bandHigh: null,
      tolerance: null,
    };
    await m.insert(Measure, { ...measure, createdAt: NOW } as Measure);
    const documentId = randomUUID();
    const document = {
      id: documentId,
      authorityId,
      title: 'Report',
      kind: 'ofsted',
      inspectorates: [],
      contentHash: documentId,
      body: null,
      createdById: null,
    };
    await m.insert(SourceDocument, { ...document, inspectionStart: null, inspectionEnd: null, publishedOn: null, createdAt: NOW });
    const finding = { id: randomUUID(), authorityId, documentId, section: 'S', timescale: 'unspecified', text: 'Do better', ownerOrg: null };
    await m.insert(Finding, { ...finding, lineStart: null, lineEnd: null, position: 0 } as Finding);
    const event = {
      authorityId,
      entityType: 'board',
      entityId: boardId,
      event: 'board_created',
      actorId: null,
      subject: null,
      ip: null,
      before: null,
      after: null,
    };
    await m.insert(AuditEvent, { ...event, at: NOW });
    return { authorityId, managerId, userId, organisationId, boardId, measureId, documentId };
  }

  it("reads only its own authority's rows, whatever ids it is given", async () => {
    const [ours, theirs] = [await council(), await council()];
    const transactions = new Transactions(database.ds);
    const people = new PeopleRepositories(transactions).for(ours.authorityId);
    const boards = new BoardRepositories(transactions).for(ours.authorityId);
    const organisations = new OrganisationRepositories(transactions).for(ours.authorityId);
    const measures = new MeasureRepositories(transactions).for(ours.authorityId);

    expect((await people.list()).map((p) => p.id).sort()).toEqual([ours.managerId, ours.userId].sort());
    expect(await people.isMember(theirs.userId)).toBe(false);
    expect(await people.membership(theirs.userId)).toBeNull();
    expect(await people.lineManagerOf(theirs.userId)).toBeNull();
    expect(await boards.get(theirs.boardId)).toBeNull();
    expect(await boards.isMember(theirs.boardId, theirs.userId)).toBe(false);
    expect((await boards.list()).map((b) => [b.id, b.memberIds])).toEqual([[ours.boardId, [ours.userId]]]);
    expect(await organisations.exists(theirs.organisationId)).toBe(false);
    expect((await organisations.list()).map((o) => o.id)).toEqual([ours.organisationId]);
    expect(await measures.exists(theirs.measureId)).toBe(false);
    expect((await measures.list()).map((x) => x.id)).toEqual([ours.measureId]);
    const documents = new DocumentRepositories(transactions).for(ours.authorityId);
    expect(await documents.get(theirs.documentId)).toBeNull();
    expect(await documents.byContentHash(theirs.documentId)).toBeNull();
    expect((await documents.get(ours.documentId))?.findings).toHaveLength(1);
    expect((await documents.list()).map((d) => d.id)).toEqual([ours.documentId]);
    const trail = new AuditRepositories(transactions).for(ours.authorityId);
    expect(await trail.timeline('board', theirs.boardId)).toEqual([]);
    expect(await trail.timeline('board', ours.boardId)).toHaveLength(1);
  });

  it("names only its own authority's people and partners, and only those asked for", async () => {
    const [ours, theirs] = [await council(), await council()];
    const people = new PeopleRepositories(new Transactions(database.ds)).for(ours.authorityId);
    const names = await people.names([ours.userId, theirs.userId], [ours.organisationId, theirs.organisationId], ours.managerId);
    expect([...names.people]).toEqual([[ours.userId, ours.userId]]);
    expect([...names.organisations]).toEqual([[ours.organisationId, 'Partner']]);
    expect(names.managesAnyone).toBe(true);
    expect((await people.names([], [], ours.userId)).managesAnyone).toBe(false);
    expect((await people.names([], [], theirs.managerId)).managesAnyone).toBe(false);
  });

  it("changes only its own authority's rows", async () => {
    const [ours, theirs] = [await council(), await council()];
    const transactions = new Transactions(database.ds);
    await transactions.run(async () => {
      await new PeopleRepositories(transactions).for(ours.authorityId).update(theirs.userId, { active: false, roles: ['admin'] });
      await new PeopleRepositories(transactions).for(ours.authorityId).remove(theirs.managerId);
      await new BoardRepositories(transactions).for(ours.authorityId).removePerson(theirs.userId);
    });
    const their = new PeopleRepositories(transactions).for(theirs.authorityId);
    expect(await their.membership(theirs.userId)).toEqual(expect.objectContaining({ active: true, roles: [], managerId: theirs.managerId }));
    expect(await their.isMember(theirs.managerId)).toBe(true);
    expect(await new BoardRepositories(transactions).for(theirs.authorityId).isMember(theirs.boardId, theirs.userId)).toBe(true);
  });

  it('finds the line manager in one place, and forgets it when the manager leaves', async () => {
    const ours = await council();
    const transactions = new Transactions(database.ds);
    const people = new PeopleRepositories(transactions).for(ours.authorityId);
    expect(await people.lineManagerOf(ours.userId)).toBe(ours.managerId);
    await transactions.run(async () => {
      await people.update(ours.userId, { active: false, roles: ['viewer'] });
      await people.remove(ours.managerId);
    });
    expect(await people.lineManagerOf(ours.userId)).toBeNull();
    expect(await people.membership(ours.userId)).toEqual(expect.objectContaining({ active: false, roles: ['viewer'] }));
  });
});
