// Prints the fault suite's table (case, result, events, lost, doubled, time to recover, health)
// once every test file has ended, and writes it with every figure to
// <Ferry home>/fault-suite/fault-report.json. The cases write their records into
// <Ferry home>/fault-suite/cases/ (report/fault-results.ts); this reporter empties that folder
// when a run starts, so the table holds this run's cases only. Prints nothing when no fault case
// ran. The Ferry home is FERRY_HOME or the repository's .ferry/, as in infra/local's config.
const {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} = require('node:fs');
const { join, resolve } = require('node:path');

const resultsDir = join(
  process.env.FERRY_HOME ? resolve(process.env.FERRY_HOME) : join(__dirname, '..', '..', '.ferry'),
  'fault-suite',
);
const casesDir = join(resultsDir, 'cases');

function readCases() {
  if (!existsSync(casesDir)) return [];
  return readdirSync(casesDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(casesDir, name), 'utf8')));
}

/** Columns padded to their widest cell; the last one (health) is left as long as it is. */
function formatTable(columns, rows) {
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...rows.map((row) => String(row[index]).length)),
  );
  const line = (cells) =>
    cells
      .map((cell, index) =>
        index === cells.length - 1 ? cell : String(cell).padEnd(widths[index]),
      )
      .join('  ');
  return [line(columns), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

class FaultTableReporter {
  onRunStart() {
    rmSync(casesDir, { recursive: true, force: true });
    rmSync(join(resultsDir, 'logs'), { recursive: true, force: true });
  }

  onRunComplete() {
    const cases = readCases();
    if (cases.length === 0) return;
    const lines = [
      '',
      'Ferry fault suite',
      ...formatTable(
        cases[0].columns,
        cases.map((c) => c.row),
      ),
    ];
    for (const { record } of cases) {
      for (const failure of record.failures) lines.push(`  ${record.name}: ${failure}`);
    }
    const reportFile = join(resultsDir, 'fault-report.json');
    lines.push(
      `(every figure and health transition: ${reportFile}; output of each process: ${join(resultsDir, 'logs')})`,
    );
    mkdirSync(resultsDir, { recursive: true });
    const report = { generatedAt: new Date().toISOString(), cases: cases.map((c) => c.record) };
    writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
module.exports = FaultTableReporter;
