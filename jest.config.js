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
function esmPackages() {
  const root = path.join(__dirname, 'node_modules');
  const names = fs.readdirSync(root).flatMap((n) => (n.startsWith('@') ? fs.readdirSync(path.join(root, n)).map((s) => `${n}/${s}`) : [n]));
  return names.filter((name) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(root, name, 'package.json'), 'utf8')).type === 'module';
    } catch {
      return false;
    }
  });
}
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const common = {
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages().map(escape).join('|')})/)`],
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
// rest (npm test runs the rest with TEST_FAULTS=skip on two workers, then npm run test:faults).
const FAULT_SUITES = ['/test/faults/', '/libs/reminders/src/worker-crash.int-spec.ts'];
if (process.env.TEST_FAULTS === 'skip') common.testPathIgnorePatterns = ['/node_modules/', ...FAULT_SUITES];
// testTimeout is not a per-project option, so the slow layers set theirs in a setup file.
const slow = { setupFilesAfterEnv: ['<rootDir>/libs/testing/src/slow-test-timeout.ts'] };
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    { ...common, displayName: 'integration', ...slow, testMatch: ['<rootDir>/libs/**/*.int-spec.ts', '<rootDir>/apps/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', ...slow, testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
