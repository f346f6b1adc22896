// Closing line CI tools read: "tests: N passed, N failed[, N skipped]". When the test runner
// (infra/local/src/commands/run-tests.ts) sets FERRY_TEST_SUMMARY_FILE, the line goes there and
// the runner prints it last, after the infrastructure has stopped.
const { writeFileSync } = require('node:fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `tests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    const file = process.env.FERRY_TEST_SUMMARY_FILE;
    if (file) writeFileSync(file, `${line}\n`);
    else process.stdout.write(`\n${line}\n`);
  }
}
module.exports = SummaryReporter;
