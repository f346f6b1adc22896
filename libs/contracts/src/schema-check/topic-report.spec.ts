import { ExitCodes } from './exit-codes';
import { exitCodeOf, formatReport, type TopicReport } from './topic-report';

const levels: TopicReport = {
  subject: 'ferry.inventory.levels-value',
  compatibility: 'FULL_TRANSITIVE',
  versions: [1, 2],
  problems: [],
  notes: [],
};
const invoicesBroken: TopicReport = {
  subject: 'ferry.finance.invoices-value',
  compatibility: 'FULL_TRANSITIVE',
  versions: [],
  problems: ['invoices/InvoicePosted.v1.avsc: envelope field "entityId" is missing'],
  notes: ['compatibility not checked until the files are fixed'],
};

describe('formatReport', () => {
  it('prints one line per topic with its problems and notes indented under it', () => {
    const report = { topics: [levels, { ...invoicesBroken }], warnings: [] };
    expect(formatReport(report)).toEqual([
      'ok  ferry.inventory.levels-value  v1..v2  FULL_TRANSITIVE',
      'FAIL  ferry.finance.invoices-value  -  FULL_TRANSITIVE',
      '    invoices/InvoicePosted.v1.avsc: envelope field "entityId" is missing',
      '    note: compatibility not checked until the files are fixed',
    ]);
  });

  it('shows a single version without a range', () => {
    const report = { topics: [{ ...levels, versions: [1] }], warnings: [] };
    expect(formatReport(report)).toEqual(['ok  ferry.inventory.levels-value  v1  FULL_TRANSITIVE']);
  });
});

describe('exitCodeOf', () => {
  it('is 0 when every topic is ok, also with notes', () => {
    const report = { topics: [{ ...levels, notes: ['live: not registered yet'] }], warnings: [] };
    expect(exitCodeOf(report)).toBe(ExitCodes.ok);
  });

  it('is 1 when any topic has a problem', () => {
    expect(exitCodeOf({ topics: [levels, invoicesBroken], warnings: [] })).toBe(
      ExitCodes.incompatible,
    );
  });
});
