// Shared Jest settings: SWC transpiles TypeScript (with decorator metadata for NestJS) and
// `@jiceng/<lib>` resolves to the library's source, as in tsconfig.base.json.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = __dirname;
const swc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
delete swc.$schema;
delete swc.jsc.baseUrl;
delete swc.jsc.paths;

/** @param {string} projectDir @param {'unit' | 'e2e'} kind */
function jestConfig(projectDir, kind) {
  const common = {
    rootDir: projectDir,
    testEnvironment: 'node',
    transform: {
      '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }],
      // NestJS 12 and jose 6 ship ES modules; Node 20 runs them through require(esm), Jest cannot.
      '^.+/node_modules/(@nestjs|jose)/.+\\.js$': [
        '@swc/jest',
        { swcrc: false, module: { type: 'commonjs' } },
      ],
    },
    transformIgnorePatterns: ['/node_modules/(?!@nestjs/|jose/)'],
    moduleNameMapper: { '^@jiceng/([a-z-]+)$': join(root, 'libs/$1/src') },
    moduleFileExtensions: ['ts', 'js', 'json'],
  };
  if (kind === 'unit') return { ...common, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
  return {
    ...common,
    testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    globalSetup: join(root, 'libs/testing/src/global-setup.js'),
    testTimeout: 120_000,
    maxWorkers: 1,
    // A suite stops its apps and clients in afterAll; a client left retrying a broker that a
    // test stopped on purpose (the failover suites' own clusters) must not hold the run open.
    forceExit: true,
  };
}

module.exports = { jestConfig };
