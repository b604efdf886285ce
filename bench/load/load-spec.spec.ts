import { combineWindows, LoadWindow } from './load-spec';

const window = (over: Partial<LoadWindow>): LoadWindow => ({
  name: 'api route',
  requests: 0,
  errors: 0,
  statusCounts: {},
  seconds: 1,
  rps: 0,
  latencyMs: { p50: 0, p95: 0, p99: 0, max: 0, mean: 0 },
  latencies: [],
  ...over,
});

describe('combineWindows', () => {
  it('sums requests and seconds, so the rate is the whole time’s and not a mean of rates', () => {
    const combined = combineWindows([window({ requests: 300, seconds: 1 }), window({ requests: 100, seconds: 3 })]);
    expect(combined.requests).toBe(400);
    expect(combined.seconds).toBe(4);
    expect(combined.rps).toBe(100);
  });

  it('takes percentiles over every latency of every window', () => {
    const fast = Array.from({ length: 90 }, () => 1);
    const slow = Array.from({ length: 10 }, () => 50);
    const combined = combineWindows([window({ latencies: fast, requests: 90 }), window({ latencies: slow, requests: 10 })]);
    expect(combined.latencyMs.p50).toBe(1);
    expect(combined.latencyMs.p95).toBe(50);
    expect(combined.latencyMs.max).toBe(50);
    expect(combined.latencyMs.mean).toBeCloseTo(5.9);
  });

  it('adds errors and status counts, keeps the first error, and weighs the generator’s CPU by time', () => {
    const combined = combineWindows([
      window({ errors: 1, statusCounts: { 200: 9, 500: 1 }, firstError: '500 GET /x', generatorCpu: 0.2, seconds: 1 }),
      window({ errors: 2, statusCounts: { 200: 8, 409: 2 }, firstError: '409 POST /y', generatorCpu: 0.8, seconds: 3 }),
    ]);
    expect(combined.errors).toBe(3);
    expect(combined.statusCounts).toEqual({ 200: 17, 409: 2, 500: 1 });
    expect(combined.firstError).toBe('500 GET /x');
    expect(combined.generatorCpu).toBeCloseTo(0.65);
    expect(combined.generatorBusy).toBe(true);
    expect(combined).not.toHaveProperty('latencies');
  });
});
