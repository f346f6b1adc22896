/** What the schema check's exit status tells CI. */
export const ExitCodes = {
  /** Every schema is valid and every history evolves safely. */
  ok: 0,
  /** At least one schema is invalid or incompatible: fix the schemas. */
  incompatible: 1,
  /**
   * No verdict: the registry is unreachable (refused, timed out, 5xx) or answered unexpectedly, or
   * the check was started wrongly. Fix the environment and run again.
   */
  notChecked: 2,
} as const;

export type ExitCode = (typeof ExitCodes)[keyof typeof ExitCodes];
