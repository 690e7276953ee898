// The gateway's unit tests, and those of its command-line tools (scripts/: import, open data).
const config = require('../jest.preset').jestConfig(__dirname, 'unit');

module.exports = {
  ...config,
  testMatch: [...config.testMatch, '<rootDir>/scripts/**/*.spec.ts'],
};
