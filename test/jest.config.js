const preset = require('../jest.preset.js')(__dirname);

// test/simulators is a Jest project of its own (see the root jest.config.js): not run twice.
module.exports = {
  ...preset,
  testPathIgnorePatterns: [...preset.testPathIgnorePatterns, '<rootDir>/simulators/'],
};
