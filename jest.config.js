// Runs every project's tests in one Jest process (see jest.preset.js for the two kinds of test):
// a project is a folder the root package.json's `workspaces` name, with a jest.config.js.
const { workspaces } = require('./package.json');

module.exports = {
  // Integration tests start and stop real processes; they get time to do it properly.
  testTimeout: 60_000,
  // The fault suite's table (test/faults) before the closing summary line.
  reporters: [
    'default',
    '<rootDir>/test/faults/fault-table-reporter.js',
    '<rootDir>/test/jest-summary-reporter.js',
  ],
  projects: workspaces.map((folders) => `<rootDir>/${folders}/jest.config.js`),
};
