export interface ServiceStatus {
  /** `kafka-1`…`kafka-3`, `kafka` (external), `registry`, `postgres`. */
  readonly name: string;
  readonly pid: number | undefined;
  readonly running: boolean;
  readonly endpoint: string;
  /** False for parts given by environment variables or the machine's own Postgres. */
  readonly managedByFerry: boolean;
}
