/** `v1..v3`, `v2`, or `-` for none. Versions are contiguous, so first and last say it all. */
export function versionRange(versions: readonly number[]): string {
  const [first] = versions;
  const last = versions.at(-1);
  if (first === undefined) return '-';
  return first === last ? `v${first}` : `v${first}..v${last}`;
}
