#!/usr/bin/env node
// `npm run bench -- [options]`: compiles the project (bench/**/*.ts into dist/bench) and runs the bench.
// Pass --no-build to run what is already compiled. See docs/PERFORMANCE.md.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const entry = path.join(root, 'dist/bench/run-bench.js');
const args = process.argv.slice(2);

if (!args.includes('--no-build')) {
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  // The @app/<lib> path aliases become relative paths in the emitted files.
  const alias = spawnSync(process.execPath, [path.join(root, 'node_modules/tsc-alias/dist/bin/index.js'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (alias.status !== 0) process.exit(alias.status ?? 1);
  if (build.status !== 0) {
    if (!fs.existsSync(entry)) process.exit(build.status ?? 1);
    console.warn('bench: the build reported errors; running the files it emitted.');
  }
}
const run = spawnSync(process.execPath, [entry, ...args.filter((a) => a !== '--no-build')], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
