/** The wall time of each phase of a run, to see where its time goes. */
export class Stopwatch {
  readonly seconds: Record<string, number> = {};

  async time<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.seconds[phase] = Math.round((performance.now() - started) / 100) / 10;
    }
  }

  toString(): string {
    return Object.entries(this.seconds)
      .map(([phase, s]) => `${phase} ${s.toFixed(1)} s`)
      .join(', ');
  }
}
