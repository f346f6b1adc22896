import type { LocalInfraConfig } from '../config';
import type { FerryLayout } from '../paths';

export type LogLine = (line: string) => void;

/** What every part's up/down/status needs: the configuration, the folders and where to report. */
export interface InfraContext {
  readonly config: LocalInfraConfig;
  readonly layout: FerryLayout;
  readonly log: LogLine;
}

export const silent: LogLine = () => undefined;
