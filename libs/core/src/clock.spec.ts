import { Clock } from './clock';

describe('Clock.today', () => {
  it("is the date in London, not the host's or UTC's", () => {
    const clock = new Clock();
    clock.set('2026-06-30T23:30:00Z');
    expect(clock.today()).toBe('2026-07-01');
    clock.set('2026-12-31T23:30:00Z');
    expect(clock.today()).toBe('2026-12-31');
  });
});
