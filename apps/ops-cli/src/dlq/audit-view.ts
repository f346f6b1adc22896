import type { DeadLetterReplayAudit } from '@ferry/persistence';

export function auditLines(rows: readonly DeadLetterReplayAudit[]): string[] {
  if (rows.length === 0) return ['no replays recorded'];
  return rows.map((row) =>
    [
      row.requestedAt.toISOString(),
      row.replayId,
      `by=${row.requestedBy}`,
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
    reason: row.reason ?? null,
    requestedAt: row.requestedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  }));
}

/** A real replay without a finish time stopped midway (or is still running). */
function state(row: DeadLetterReplayAudit): string {
  if (row.dryRun) return 'dry-run';
  return row.finishedAt === undefined ? 'UNFINISHED' : `finished ${row.finishedAt.toISOString()}`;
}
