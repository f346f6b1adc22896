import type { DeadLetterReplayAudit } from '@ferry/persistence';

export function auditLines(rows: readonly DeadLetterReplayAudit[]): string[] {
  if (rows.length === 0) return ['no replays recorded'];
  return rows.map((row) =>
    [
      row.requestedAt.toISOString(),
      row.replayId,
      `by=${operatorOf(row)}`,
      `${row.dlqTopic} -> ${row.target}`,
      `matched=${row.matched}`,
      `replayed=${row.replayed}`,
      state(row),
      `filter=${JSON.stringify(row.filter)}`,
      JSON.stringify(row.reason ?? ''),
    ].join('  '),
  );
}

export function auditJson(rows: readonly DeadLetterReplayAudit[]) {
  return rows.map((row) => ({
    ...row,
    operator: row.operator ?? null,
    statedBy: row.statedBy ?? null,
    reason: row.reason ?? null,
    requestedAt: row.requestedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  }));
}

/** Rows older than operator identities name whoever `--by` said, unauthenticated. */
function operatorOf(row: DeadLetterReplayAudit): string {
  return row.operator ?? `${row.statedBy ?? '-'}(unauthenticated)`;
}

/** A real replay without a finish time stopped midway (or is still running). */
function state(row: DeadLetterReplayAudit): string {
  if (row.dryRun) return 'dry-run';
  return row.finishedAt === undefined ? 'UNFINISHED' : `finished ${row.finishedAt.toISOString()}`;
}
