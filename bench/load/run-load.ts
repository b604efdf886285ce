import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LoadResult, LoadSpec } from './load-spec';

const CLIENT = path.join(__dirname, 'load-client.js');

/** Runs the load generator as a separate process and returns what it measured. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'it-load-')), 'spec.json');
  fs.writeFileSync(file, JSON.stringify(spec));
  try {
    const stdout = await new Promise<string>((resolve, reject) => {
      const timeout = spec.warmupMs + spec.durationMs + 60_000;
      execFile(process.execPath, [CLIENT, file], { maxBuffer: 16 * 1024 * 1024, timeout }, (error, out, err) => (error ? reject(new Error(`load client failed: ${error.message}\n${err}`)) : resolve(out)));
    });
    return JSON.parse(stdout) as LoadResult;
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
