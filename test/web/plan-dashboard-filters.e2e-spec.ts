import { OrganisationService } from '@app/core';
import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, sessionCookie, TestApp, TestUser } from '../support';

const HTML = { Accept: 'text/html,application/xhtml+xml' };

interface Option {
  value: string;
  text: string;
  selected: boolean;
}

/** The options of the dashboard's select named `name`, less the first ("Anyone" / "Any"). */
function options(html: string, name: string): Option[] {
  const select = html.match(new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`));
  if (!select) throw new Error(`No select named ${name} on the page`);
  const found = [...select[1].matchAll(/<option value="([^"]*)"([^>]*)>([^<]*)<\/option>/g)].map((m) => ({
    value: m[1],
    text: m[3].trim(),
    selected: /\bselected\b/.test(m[2]),
  }));
  return found.slice(1);
}

const filterText = (html: string) => html.match(/<p class="govuk-body" role="status">([\s\S]*?)<\/p>/)?.[1].replace(/\s+/g, ' ') ?? '';

/** The owner, accountable-manager and partner filters offer the plan's people and partners, not the council's. */
describe.each(DB_KINDS)("a plan dashboard's person and partner filters (%s)", (kind) => {
  let t: TestApp;
  let cookie: string;
  let planId: string;
  let owner: TestUser, lineManager: TestUser, ownerWithManager: TestUser, namedManager: TestUser, skippedLineManager: TestUser;
  let bystander: TestUser, bystanderManager: TestUser, elsewhere: TestUser, stranger: TestUser;
  let partner: { id: string; name: string }, otherPartner: { id: string; name: string }, theirPartner: { id: string; name: string };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const ours = (await newAuthority(t, 'Northshire')).id;
    const chair = await newUser(t, ours, ['admin', 'board_chair']);
    lineManager = await newUser(t, ours, ['manager']);
    skippedLineManager = await newUser(t, ours, ['manager']);
    namedManager = await newUser(t, ours, ['manager']);
    bystanderManager = await newUser(t, ours, ['manager']);
    owner = await newUser(t, ours, ['viewer']);
    ownerWithManager = await newUser(t, ours, ['viewer'], { managerId: skippedLineManager.id });
    bystander = await newUser(t, ours, ['viewer'], { managerId: bystanderManager.id });
    elsewhere = await newUser(t, ours, ['viewer']);
    const organisations = t.get(OrganisationService);
    const admin = { userId: chair.id, authorityId: ours, roles: ['admin' as const] };
    partner = await organisations.create(admin, 'NHS Northshire', 'nhs');
    otherPartner = await organisations.create(admin, 'Northshire Police', 'police');

    const board = await newBoard(t, chair);
    const newPlan = async (title: string) =>
      (await t.http().post('/api/v1/plans').set(bearer(chair)).send({ title, boardId: board.id, startDate: '2026-11-23' }).expect(201)).body.id as string;
    const add = (plan: string, title: string, fields: Record<string, string>) =>
      t
        .http()
        .post(`/api/v1/plans/${plan}/actions`)
        .set(bearer(chair))
        .send({ title, timescale: 'three_months', ...fields })
        .expect(201);
    planId = await newPlan('Plan');
    // Names no manager (its owner had no line manager when it was made): the line manager they have now answers for it.
    await add(planId, 'Audit case files', { ownerId: owner.id, organisationId: partner.id });
    await t.http().patch(`/api/v1/users/${owner.id}`).set(bearer(chair)).send({ managerId: lineManager.id }).expect(200);
    // Names its manager: the owner's line manager does not answer for it.
    await add(planId, 'Train the team', { ownerId: ownerWithManager.id, managerId: namedManager.id });
    await add(planId, 'Nobody yet', {});
    // Another plan of the same council: its people and partner are not this plan's.
    await add(await newPlan('Another plan'), 'Elsewhere', { ownerId: elsewhere.id, managerId: bystanderManager.id, organisationId: otherPartner.id });

    const theirs = (await newAuthority(t, 'Southshire')).id;
    stranger = await newUser(t, theirs, ['admin']);
    theirPartner = await organisations.create({ userId: stranger.id, authorityId: theirs, roles: ['admin'] }, 'NHS Southshire', 'nhs');
    cookie = await sessionCookie(t, chair.email);
  });
  afterAll(() => t?.close());

  const dashboard = async (query = '') => (await t.http().get(`/plans/${planId}${query}`).set(HTML).set('Cookie', cookie).expect(200)).text;
  const offered = (html: string, name: string) => options(html, name).map((o) => o.value);
  const byName = (...people: { id: string; displayName?: string; name?: string }[]) =>
    [...people].sort((a, b) => (a.displayName ?? a.name)!.localeCompare((b.displayName ?? b.name)!, 'en')).map((p) => p.id);

  it("offers the owners, accountable managers and partners of the plan's actions, by name, and nobody else", async () => {
    const html = await dashboard();
    expect(offered(html, 'owner')).toEqual(byName(owner, ownerWithManager));
    // The manager filter filters on the accountable manager, so it offers those: the named manager, and the
    // line manager of an owner whose action names none (not the line manager of one whose action names one).
    expect(offered(html, 'manager')).toEqual(byName(lineManager, namedManager));
    expect(offered(html, 'partner')).toEqual([partner.id]);
    for (const absent of [bystander, bystanderManager, elsewhere, skippedLineManager, stranger]) expect(html).not.toContain(absent.id);
    expect(html).not.toContain(otherPartner.name);
    expect(options(html, 'owner').every((o) => !o.selected)).toBe(true);
  });

  it('keeps a chosen owner, manager or partner from outside the plan chosen and named, if they are of this council', async () => {
    const html = await dashboard(`?owner=${bystander.id}&manager=${bystanderManager.id}&partner=${otherPartner.id}`);
    expect(options(html, 'owner').find((o) => o.selected)).toEqual({ value: bystander.id, text: bystander.displayName, selected: true });
    expect(offered(html, 'owner')).toEqual(byName(owner, ownerWithManager, bystander));
    expect(options(html, 'manager').find((o) => o.selected)).toEqual({ value: bystanderManager.id, text: bystanderManager.displayName, selected: true });
    expect(options(html, 'partner').find((o) => o.selected)).toEqual({ value: otherPartner.id, text: otherPartner.name, selected: true });
    const text = filterText(html);
    expect(text).toContain(`owner: ${bystander.displayName}`);
    expect(text).toContain(`accountable manager: ${bystanderManager.displayName}`);
    expect(text).toContain(`partner: ${otherPartner.name}`);
    // A choice on the list is chosen where it stands.
    const onList = await dashboard(`?owner=${owner.id}`);
    expect(options(onList, 'owner')).toEqual(byName(owner, ownerWithManager).map((id) => expect.objectContaining({ value: id, selected: id === owner.id })));
  });

  it("never offers or names another council's person or partner asked for in the address", async () => {
    const html = await dashboard(`?owner=${stranger.id}&manager=${stranger.id}&partner=${theirPartner.id}`);
    expect(offered(html, 'owner')).toEqual(byName(owner, ownerWithManager));
    expect(offered(html, 'manager')).toEqual(byName(lineManager, namedManager));
    expect(offered(html, 'partner')).toEqual([partner.id]);
    expect(html).not.toContain(stranger.displayName);
    expect(html).not.toContain(theirPartner.name);
    expect(filterText(html)).toContain('owner: Someone no longer here');
  });
});
