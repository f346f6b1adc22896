import type { ParkedKeyListing, ParkedKeyReleased } from '@ferry/kafka-runtime';
import type { ParkedReleaseCommand } from '../cli/arguments';

export function parkedLines(keys: readonly ParkedKeyListing[]): string[] {
  if (keys.length === 0) return ['no parked keys'];
  return keys.map((key) =>
    [
      key.parkedAt.toISOString(),
      `group=${key.group}`,
      `topic=${key.topic}`,
      `key=${key.key}`,
      key.state,
      `head=${key.headEventId ?? '-'}`,
      `parked=${key.parkedEvents}`,
    ].join('  '),
  );
}

export function parkedJson(keys: readonly ParkedKeyListing[]) {
  return keys.map((key) => ({
    ...key,
    headEventId: key.headEventId ?? null,
    parkedAt: key.parkedAt.toISOString(),
    updatedAt: key.updatedAt.toISOString(),
  }));
}

export function releasedLines(
  command: ParkedReleaseCommand,
  released: ParkedKeyReleased & { readonly operator: string },
): string[] {
  return [
    `release ${released.releaseId} by ${released.operator}: key ${command.key} of ${command.group} on ${command.topic} goes on without head ${released.headEventId} (${released.headState});`,
    `  ${released.parkedEvents} parked event(s) will be applied in order by the group's consumers`,
  ];
}
