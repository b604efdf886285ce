/** Three layers: unit (pure rules), integration (real databases and Redis), e2e (HTTP and browser). */
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  }],
};
// Jest cannot require ES modules on Node 20, so every package published as ESM only is compiled by swc too.
const fs = require('node:fs');
const path = require('node:path');
function packagesIn(root) {
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root).flatMap((n) => (n.startsWith('@') ? fs.readdirSync(path.join(root, n)).map((s) => `${n}/${s}`) : [n]));
}
function isEsm(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).type === 'module';
  } catch {
    return false;
  }
}
// CommonJS packages that load an ES module with import(), which jest cannot run on Node 20 unless swc makes it a require().
const LOADS_ESM_BY_IMPORT = ['@fastify/cookie'];
// Packages at the top of node_modules, and the copies one package keeps in its own (a version the others do not share).
function esmPackages() {
  const root = path.join(__dirname, 'node_modules');
  const top = packagesIn(root);
  const nested = top.flatMap((name) => packagesIn(path.join(root, name, 'node_modules')).map((inner) => [name, inner]));
  const esm = [...top.filter((name) => isEsm(path.join(root, name))), ...nested.filter(([name, inner]) => isEsm(path.join(root, name, 'node_modules', inner))).map(([, inner]) => inner)];
  return [...new Set([...esm, ...LOADS_ESM_BY_IMPORT])];
}
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const common = {
  transform,
  // Only the innermost node_modules folder of a path decides: a nested ESM copy inside a CommonJS package is compiled too.
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages().map(escape).join('|')})/)(?!.*/node_modules/)`],
  testEnvironment: 'node',
  // Node 20 loads these through the "module-sync" export condition, which jest's resolver does not know.
  moduleNameMapper: {
    '^file-type$': '<rootDir>/node_modules/file-type/index.js',
    // The @app/<lib> path aliases of tsconfig.json.
    '^@app/([a-z]+)$': '<rootDir>/libs/$1/src',
    '^@app/([a-z]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  setupFiles: ['<rootDir>/libs/testing/src/setup-env.ts'],
};
// Suites that kill or cut real processes time what they do, so they run on their own, one at a time, after the
// rest (npm test runs the rest with TEST_FAULTS=skip on three workers, then npm run test:faults). Three on a
// two-core machine because the jest workers wait on PostgreSQL, Redis and Chromium for much of their time
// (the whole run measured 633 s on two workers, 565 s on three: docs/PERFORMANCE.md, "The test suite's time").
const FAULT_SUITES = ['/test/faults/', '/libs/reminders/src/worker-crash.int-spec.ts'];
if (process.env.TEST_FAULTS === 'skip') common.testPathIgnorePatterns = ['/node_modules/', ...FAULT_SUITES];
// testTimeout is not a per-project option, so the slow layers set theirs in a setup file.
const slow = { setupFilesAfterEnv: ['<rootDir>/libs/testing/src/slow-test-timeout.ts'] };
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts'] },
    { ...common, displayName: 'integration', ...slow, testMatch: ['<rootDir>/libs/**/*.int-spec.ts', '<rootDir>/apps/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', ...slow, testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
