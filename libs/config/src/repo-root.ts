import * as fs from 'node:fs';
import * as path from 'node:path';

/** The project folder (where package.json is), whether running from source or from dist/. */
export function repoRoot(from = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
