// Runs every project's tests in one Jest process (see jest.preset.js for the two kinds of test).
module.exports = {
  // Integration tests start and stop real processes; they get time to do it properly.
  testTimeout: 60_000,
  // The fault suite's table (test/faults) before the closing summary line.
  reporters: [
    'default',
    '<rootDir>/test/faults/fault-table-reporter.js',
    '<rootDir>/test/jest-summary-reporter.js',
  ],
  projects: [
    '<rootDir>/libs/*/jest.config.js',
    '<rootDir>/apps/*/jest.config.js',
    '<rootDir>/infra/local/jest.config.js',
    '<rootDir>/infra/observability/jest.config.js',
    '<rootDir>/test/jest.config.js',
    '<rootDir>/test/simulators/jest.config.js',
  ],
};
