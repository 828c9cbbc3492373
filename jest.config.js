/** Tests mirror the source folders; ts-jest only transpiles, file by file (tsconfig's isolatedModules; type-checking is `tsc --noEmit`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/summaryReporter.js'],
};
