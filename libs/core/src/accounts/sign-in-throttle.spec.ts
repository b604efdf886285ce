import { describeWait, MAX_WAIT_SECONDS, waitSeconds } from './sign-in-throttle';

describe('the sign-in wait', () => {
  it('is nothing below the limit, then doubles from 1 second, up to 15 minutes', () => {
    expect([1, 4, 5, 6, 7, 14, 15, 16, 100, 5000].map((failures) => waitSeconds(failures, 5))).toEqual([0, 0, 1, 2, 4, 512, 900, 900, 900, 900]);
    expect(MAX_WAIT_SECONDS).toBe(900);
  });

  it('is told in words a person reads at a glance', () => {
    expect([1, 2, 59, 60, 61, 900].map(describeWait)).toEqual(['1 second', '2 seconds', '59 seconds', '1 minute', '2 minutes', '15 minutes']);
  });
});
