const { createCjsPreset } = require('jest-preset-angular/presets');

/** @type {import('jest').Config} */
module.exports = {
  ...createCjsPreset(),
  rootDir: __dirname,
  setupFilesAfterEnv: ['<rootDir>/setup-jest.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // The socket contract lives with the server (types only); same alias as tsconfig `paths`.
  moduleNameMapper: { '^@hearth/contract$': '<rootDir>/../server/src/realtime/contract.ts' },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};
