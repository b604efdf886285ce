import * as fs from 'node:fs';
import { Session } from 'node:inspector';

/**
 * Preloaded into an API process (node -r) that the profiler started with an IPC channel: the parent
 * sends { profile: 'start' } before a load and { profile: 'stop', file } after it, and gets
 * { profiled: file } once the V8 CPU profile of that stretch is written. Only the process the
 * profiler starts loads this; the measured bench API never does.
 */
if (process.env.BENCH_CPU_PROFILE === '1' && process.send) {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  const reply = (message: object) => process.send?.(message);
  const intervalUs = Number(process.env.BENCH_CPU_PROFILE_INTERVAL_US ?? 500);
  process.on('message', (message: { profile?: 'start' | 'stop'; file?: string }) => {
    if (message.profile === 'start') {
      post('Profiler.enable')
        .then(() => post('Profiler.setSamplingInterval', { interval: intervalUs }))
        .then(() => post('Profiler.start'))
        .then(() => reply({ profiling: true }))
        .catch((error: Error) => reply({ profileError: error.message }));
    } else if (message.profile === 'stop' && message.file) {
      const file = message.file;
      post('Profiler.stop')
        .then((result) => {
          fs.writeFileSync(file, JSON.stringify((result as { profile: object }).profile));
          reply({ profiled: file });
        })
        .catch((error: Error) => reply({ profileError: error.message }));
    }
  });
  // The channel must not keep the API alive once it is asked to stop.
  process.channel?.unref();
}
