// The manifests' unit checks live in checks/ (beside the YAML they read), not in src/.
const config = require('../../jest.preset').jestConfig(__dirname, 'unit');

module.exports = { ...config, testMatch: ['<rootDir>/checks/**/*.spec.ts'] };
