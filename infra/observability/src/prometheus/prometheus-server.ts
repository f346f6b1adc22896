import { spawn } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

/**
 * A real Prometheus (Debian's `prometheus` binary) for tests: its own config, rules and TSDB in a
 * temporary folder, on a port of the caller's, scraping the targets the caller names and
 * evaluating the rules every `intervalSeconds`. Targets are read from a file (file_sd), so a
 * service restarted on another port stays the same series: its `job` and `instance` labels are
 * the caller's, not the address.
 */
export interface ScrapeTarget {
  /** `host:port` of the service's /metrics. */
  readonly address: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface PrometheusAlert {
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly state: 'pending' | 'firing' | 'inactive';
  readonly activeAt?: string;
  readonly value: string;
}

export interface RunningPrometheus {
  readonly url: string;
  setTargets(targets: readonly ScrapeTarget[]): void;
  /** The alerts pending or firing now (GET /api/v1/alerts). */
  alerts(): Promise<PrometheusAlert[]>;
  /** An instant query's samples: labels and value. */
  query(expr: string): Promise<{ labels: Record<string, string>; value: number }[]>;
  /** What Prometheus wrote so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface PrometheusOptions {
  readonly port: number;
  /** The rule file's text. */
  readonly rules: string;
  readonly targets: readonly ScrapeTarget[];
  readonly intervalSeconds?: number;
}

function writeTargets(file: string, targets: readonly ScrapeTarget[]): void {
  const groups = targets.map((target) => ({ targets: [target.address], labels: target.labels }));
  // Written beside and renamed: Prometheus never reads a half-written file.
  writeFileSync(`${file}.new`, JSON.stringify(groups));
  renameSync(`${file}.new`, file);
}

async function isReady(url: string): Promise<boolean> {
  const response = await fetch(`${url}/-/ready`).catch(() => undefined);
  return response?.ok === true;
}

export async function startPrometheus(options: PrometheusOptions): Promise<RunningPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-prometheus-'));
  const interval = `${options.intervalSeconds ?? 1}s`;
  const targetsFile = join(dir, 'targets.json');
  writeFileSync(join(dir, 'rules.yaml'), options.rules);
  writeTargets(targetsFile, options.targets);
  writeFileSync(
    join(dir, 'prometheus.yml'),
    stringify({
      global: {
        scrape_interval: interval,
        scrape_timeout: interval,
        evaluation_interval: interval,
      },
      rule_files: [join(dir, 'rules.yaml')],
      scrape_configs: [
        {
          job_name: 'ferry',
          file_sd_configs: [{ files: [targetsFile], refresh_interval: interval }],
        },
      ],
    }),
  );
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${options.port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk: Buffer): void => {
    output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((done) => {
    child.once('exit', () => {
      done();
    });
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  while (!(await isReady(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus did not become ready:\n${output.slice(-3000)}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return {
    url,
    setTargets: (targets) => {
      writeTargets(targetsFile, targets);
    },
    alerts: async () => {
      const response = await fetch(`${url}/api/v1/alerts`);
      if (!response.ok) throw new Error(`GET /api/v1/alerts: ${response.status}`);
      const body = (await response.json()) as { data: { alerts: PrometheusAlert[] } };
      return body.data.alerts;
    },
    query: async (expr) => {
      const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`);
      if (!response.ok)
        throw new Error(`query ${expr}: ${response.status} ${await response.text()}`);
      const body = (await response.json()) as {
        data: { result: { metric: Record<string, string>; value: [number, string] }[] };
      };
      return body.data.result.map((sample) => ({
        labels: sample.metric,
        value: Number(sample.value[1]),
      }));
    },
    output: () => output,
    stop,
  };
}
