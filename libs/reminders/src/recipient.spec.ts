import { DEFAULT_PREFS, NotificationPrefs, Person, resolveDelivery } from './recipient';

const person = (id: string, over: Partial<Person> = {}, prefs: Partial<NotificationPrefs> = {}): Person => ({
  id,
  email: `${id}@council.example`,
  displayName: id,
  active: true,
  managerId: null,
  ...over,
  prefs: { ...DEFAULT_PREFS, ...prefs },
});

const people = (...list: Person[]) => {
  const byId = new Map(list.map((p) => [p.id, p]));
  return async (id: string) => byId.get(id) ?? null;
};

const TODAY = '2026-06-01';

describe('resolveDelivery: who receives what', () => {
  it('delivers to the addressee by email and in the app', async () => {
    const d = await resolveDelivery('owner', 'before_due', TODAY, people(person('owner')));
    expect(d).toMatchObject({ to: { id: 'owner' }, redirectedFrom: null, email: true, inApp: true });
  });

  it("sends a leaver's reminder to their line manager instead", async () => {
    const d = await resolveDelivery('owner', 'overdue', TODAY, people(person('owner', { active: false, managerId: 'boss' }), person('boss')));
    expect(d).toMatchObject({ to: { id: 'boss' }, redirectedFrom: { id: 'owner' }, reason: 'left' });
  });

  it('climbs past a manager who has also left', async () => {
    const d = await resolveDelivery(
      'a',
      'due_today',
      TODAY,
      people(person('a', { active: false, managerId: 'b' }), person('b', { active: false, managerId: 'c' }), person('c')),
    );
    expect(d).toMatchObject({ to: { id: 'c' }, redirectedFrom: { id: 'a' } });
  });

  it('skips when a leaver has nobody above them, and does not loop', async () => {
    expect(await resolveDelivery('a', 'overdue', TODAY, people(person('a', { active: false })))).toEqual({ skip: 'left' });
    expect(
      await resolveDelivery('a', 'overdue', TODAY, people(person('a', { active: false, managerId: 'b' }), person('b', { active: false, managerId: 'a' }))),
    ).toEqual({ skip: 'left' });
    expect(await resolveDelivery(null, 'escalation_chair', TODAY, people())).toEqual({ skip: 'no_recipient' });
  });

  it('passes reminders to the delegate while someone is on leave', async () => {
    const lookup = people(person('owner', {}, { onLeave: true, leaveUntil: '2026-06-05', delegateId: 'cover' }), person('cover'));
    expect(await resolveDelivery('owner', 'before_due', TODAY, lookup)).toMatchObject({ to: { id: 'cover' }, reason: 'on_leave', email: true });
    expect(await resolveDelivery('owner', 'before_due', '2026-06-06', lookup)).toMatchObject({ to: { id: 'owner' }, reason: null });
  });

  it('keeps reminders in the app but sends no email while on leave without a delegate', async () => {
    const d = await resolveDelivery('owner', 'overdue', TODAY, people(person('owner', {}, { onLeave: true })));
    expect(d).toMatchObject({ to: { id: 'owner' }, email: false, inApp: true });
  });

  it('never redirects a digest', async () => {
    expect(await resolveDelivery('a', 'digest_owner', TODAY, people(person('a', { active: false, managerId: 'b' }), person('b')))).toEqual({ skip: 'left' });
    expect(await resolveDelivery('a', 'digest_manager', TODAY, people(person('a', {}, { onLeave: true, delegateId: 'b' }), person('b')))).toEqual({
      skip: 'on_leave',
    });
  });

  it('honours email choices per kind and digest only', async () => {
    const noOverdue = people(person('o', {}, { email: { ...DEFAULT_PREFS.email, overdue: false } }));
    expect(await resolveDelivery('o', 'overdue', TODAY, noOverdue)).toMatchObject({ email: false, inApp: true });
    expect(await resolveDelivery('o', 'before_due', TODAY, noOverdue)).toMatchObject({ email: true });
    const digestOnly = people(person('o', {}, { digestOnly: true }));
    expect(await resolveDelivery('o', 'escalation_manager', TODAY, digestOnly)).toMatchObject({ email: false, inApp: true });
    expect(await resolveDelivery('o', 'digest_owner', TODAY, digestOnly)).toMatchObject({ email: true, inApp: true });
    // A digest by email switched off is still kept on the notifications page.
    const noDigest = people(person('o', {}, { email: { ...DEFAULT_PREFS.email, digest: false } }));
    expect(await resolveDelivery('o', 'digest_owner', TODAY, noDigest)).toMatchObject({ email: false, inApp: true });
  });
});
