import { isOrphanCommand } from './orphans';

const markers = [
  '/w/.ferry/run/kafka-1.properties',
  '-Dferry.home=/w/.ferry',
  '/w/.ferry/data/postgres',
];

describe('isOrphanCommand', () => {
  it('recognises our broker, registry and postmaster', () => {
    expect(
      isOrphanCommand(
        ['java', '-Xmx512m', '-cp', 'libs/*', 'kafka.Kafka', '/w/.ferry/run/kafka-1.properties'],
        markers,
      ),
    ).toBe(true);
    expect(
      isOrphanCommand(['/usr/bin/java', '-Dferry.home=/w/.ferry', '-jar', 'r.jar'], markers),
    ).toBe(true);
    expect(
      isOrphanCommand(['/n/bin/postgres', '-D', '/w/.ferry/data/postgres', '-p', '15432'], markers),
    ).toBe(true);
  });

  it('leaves other programs and other Ferry homes alone', () => {
    expect(isOrphanCommand(['less', '/w/.ferry/data/postgres'], markers)).toBe(false);
    expect(
      isOrphanCommand(['java', '-Dferry.home=/w/.ferry-other', '-jar', 'r.jar'], markers),
    ).toBe(false);
    expect(
      isOrphanCommand(
        ['/usr/lib/postgresql/15/bin/postgres', '-D', '/var/lib/postgresql/15/main'],
        markers,
      ),
    ).toBe(false);
  });
});
