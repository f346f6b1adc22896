import { ferryHome, withLocalInfra } from '../index';
import { imageTable } from '../images/build-images';
import { buildAllImages } from '../images/build-all';
import { runImageTest } from '../images/image-test';

/*
 * `npm run images [-- <app>...] [--test]`: builds the container image of every Ferry app (or of
 * the apps named) with buildah, without a Docker engine, and prints each image's tags, size and
 * build time. `--test` then runs the images against Kafka, the registry and Postgres (started
 * if they are not running, and stopped again): migrate, ready, one snapshot end to end, clean
 * stop on SIGTERM. FERRY_IMAGE_TEST_PORTS=<from>-<to> picks the containers' ports from a range.
 */

const say = (line: string): void => {
  process.stdout.write(`ferry images: ${line}\n`);
};
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function portRange(): [number, number] | undefined {
  const raw = process.env['FERRY_IMAGE_TEST_PORTS'];
  if (raw === undefined || raw === '') return undefined;
  const match = /^(\d+)-(\d+)$/.exec(raw);
  if (match === null) throw new Error(`FERRY_IMAGE_TEST_PORTS: expected <from>-<to>, got ${raw}`);
  return [Number(match[1]), Number(match[2])];
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const test = args.includes('--test');
  const only = args.filter((arg) => !arg.startsWith('--'));
  const built = await buildAllImages(ferryHome(), say, only);
  say(`built in ${seconds(built.totalMs)} (tools and base images: ${seconds(built.setupMs)})`);
  for (const line of imageTable(built.images)) process.stdout.write(`  ${line}\n`);
  if (!test) return 0;
  const range = portRange();
  say('image test: starting Kafka, the schema registry and Postgres unless running');
  await withLocalInfra(
    (endpoints) => runImageTest(endpoints, { log: say, ...(range ? { portRange: range } : {}) }),
    {
      log: say,
      onStopping: () => {
        say('stopping the infrastructure this run started');
      },
    },
  );
  say('image test passed');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const hint =
      error instanceof Error && 'hint' in error && typeof error.hint === 'string'
        ? `\n${error.hint}`
        : '';
    process.stderr.write(
      `ferry images: ${error instanceof Error ? error.message : String(error)}${hint}\n`,
    );
    process.exit(1);
  },
);
