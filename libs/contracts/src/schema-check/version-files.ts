/** One schema file of a topic: `<folder>/<EventType>.v<version>.avsc`. */
export interface VersionFile {
  readonly version: number;
  /** Relative to the schemas root, e.g. `inventory-levels/InventoryLevelSet.v2.avsc`. */
  readonly file: string;
}

export interface VersionFilePlan {
  /** The well-named files, by version. */
  readonly files: readonly VersionFile[];
  readonly problems: readonly string[];
}

const SCHEMA_FILE = /^(.+)\.v(\d+)\.avsc$/;
const VERSION_NUMBER = /^[1-9]\d*$/;

/**
 * Which files of a topic's folder are its versions, and what is wrong with the folder's layout:
 * names must be `<EventType>.v<N>.avsc` with the catalog's event type, and versions must run
 * from v1 without gaps, so that "the newest version" and "every earlier version" are well defined.
 */
export function planVersionFiles(
  folder: string,
  fileNames: readonly string[],
  eventType: string,
): VersionFilePlan {
  const files: VersionFile[] = [];
  const problems: string[] = [];
  for (const name of fileNames.filter((n) => n.endsWith('.avsc'))) {
    const file = `${folder}/${name}`;
    const match = SCHEMA_FILE.exec(name);
    const [, namedType, digits] = match ?? [];
    if (namedType === undefined || digits === undefined) {
      problems.push(`${file}: file name must be ${eventType}.v<N>.avsc`);
    } else if (namedType !== eventType) {
      problems.push(
        `${file}: file name says event type "${namedType}", the catalog says "${eventType}"`,
      );
    } else if (!VERSION_NUMBER.test(digits)) {
      problems.push(`${file}: versions are numbered v1, v2, ... (no v0, no leading zeros)`);
    } else {
      files.push({ version: Number(digits), file });
    }
  }
  files.sort((a, b) => a.version - b.version);
  const newest = files.at(-1)?.version ?? 0;
  const present = new Set(files.map((f) => f.version));
  for (let version = 1; version <= newest; version++) {
    if (!present.has(version)) {
      problems.push(
        `${folder}/${eventType}.v${version}.avsc is missing: versions must run from v1 without gaps`,
      );
    }
  }
  if (files.length === 0 && problems.length === 0) {
    problems.push(`${folder}: no ${eventType}.v<N>.avsc files`);
  }
  return { files, problems };
}
