import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyPidRecord, inspectPidFile, parsePidRecord, writePidRecord } from './pid-file';
import type { PidRecord, ProcessProbe } from './pid-file';

const record: PidRecord = {
  pid: 4242,
  name: 'kafka-1',
  marker: '/home/dev/ferry/.ferry/run/kafka-1.properties',
  startedAt: '2025-01-01T00:00:00.000Z',
  details: { brokers: 1 },
};

function probe(alive: boolean, commandLine: string | undefined): ProcessProbe {
  return { isAlive: () => alive, commandLineOf: () => commandLine };
}

describe('classifyPidRecord', () => {
  it('reports absent without a record', () => {
    expect(classifyPidRecord(undefined, probe(true, 'x')).kind).toBe('absent');
  });

  it('reports running when the pid is alive and carries our marker', () => {
    const state = classifyPidRecord(record, probe(true, `java -cp x kafka.Kafka ${record.marker}`));
    expect(state).toEqual({ kind: 'running', record });
  });

  it('reports stale when the process is gone', () => {
    expect(classifyPidRecord(record, probe(false, undefined)).kind).toBe('stale');
  });

  it('reports stale when the pid was recycled by another program', () => {
    expect(classifyPidRecord(record, probe(true, 'vim notes.txt')).kind).toBe('stale');
  });

  it('trusts a live pid where command lines cannot be read', () => {
    expect(classifyPidRecord(record, probe(true, undefined)).kind).toBe('running');
  });
});

describe('parsePidRecord', () => {
  it('reads back what was written', () => {
    expect(parsePidRecord(JSON.stringify(record))).toEqual(record);
  });

  it('rejects garbage and impossible pids', () => {
    expect(parsePidRecord('not json')).toBeUndefined();
    expect(parsePidRecord(JSON.stringify({ ...record, pid: -1 }))).toBeUndefined();
    expect(parsePidRecord(JSON.stringify({ ...record, marker: 3 }))).toBeUndefined();
  });
});

describe('inspectPidFile', () => {
  it('deletes a stale pid file and keeps a live one', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ferry-pid-'));
    const file = join(folder, 'kafka-1.pid');
    writePidRecord(file, record);
    expect(inspectPidFile(file, probe(true, record.marker)).kind).toBe('running');
    expect(existsSync(file)).toBe(true);
    expect(inspectPidFile(file, probe(false, undefined)).kind).toBe('stale');
    expect(existsSync(file)).toBe(false);
  });

  it('treats an unreadable pid file as absent', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ferry-pid-')), 'registry.pid');
    writeFileSync(file, '{"pid":');
    expect(inspectPidFile(file, probe(true, 'x')).kind).toBe('absent');
  });
});
