import {
  firstAnswer,
  statusesBetween,
  summarizeHealth,
  transitionsOf,
  type HealthSample,
  type ProbeStatus,
} from './health-timeline';

const sample = (
  at: number,
  probe: 'ready' | 'live',
  status: ProbeStatus,
  detail = '',
  service = 'projector',
): HealthSample => ({ at, service, probe, status, detail });

describe('transitionsOf', () => {
  it('keeps the first answer of each probe and every change, timed from the fault', () => {
    const samples = [
      sample(1000, 'ready', 200),
      sample(1000, 'live', 200),
      sample(1250, 'ready', 200),
      sample(1500, 'ready', 503, 'inventory-projection: holding 1 partition(s)'),
      sample(1750, 'ready', 503, 'inventory-projection: holding 1 partition(s)'),
      sample(1750, 'live', 200),
      sample(2000, 'ready', 200),
    ];
    expect(transitionsOf(samples, 1250)).toEqual([
      { service: 'projector', probe: 'ready', atMs: -250, status: 200, detail: '' },
      { service: 'projector', probe: 'live', atMs: -250, status: 200, detail: '' },
      {
        service: 'projector',
        probe: 'ready',
        atMs: 250,
        status: 503,
        detail: 'inventory-projection: holding 1 partition(s)',
      },
      { service: 'projector', probe: 'ready', atMs: 750, status: 200, detail: '' },
    ]);
  });

  it('orders samples that arrived out of order', () => {
    const samples = [sample(2000, 'ready', 'refused'), sample(1000, 'ready', 200)];
    expect(transitionsOf(samples, 0).map((t) => t.status)).toEqual([200, 'refused']);
  });

  it('tells services apart', () => {
    const samples = [
      sample(1000, 'ready', 200, '', 'a'),
      sample(1000, 'ready', 200, '', 'b'),
      sample(2000, 'ready', 503, 'x', 'b'),
    ];
    expect(transitionsOf(samples, 0).map((t) => `${t.service} ${String(t.status)}`)).toEqual([
      'a 200',
      'b 200',
      'b 503',
    ]);
  });
});

describe('statusesBetween', () => {
  const samples = [
    sample(1000, 'live', 200),
    sample(2000, 'live', 'no answer'),
    sample(3000, 'live', 200),
    sample(4000, 'live', 503),
    sample(2500, 'ready', 503),
  ];

  it('lists the distinct answers of one probe in the window', () => {
    expect(statusesBetween(samples, 'projector', 'live', 1500, 3500)).toEqual(['no answer', 200]);
  });

  it('includes both ends of the window and leaves out other probes', () => {
    expect(statusesBetween(samples, 'projector', 'live', 1000, 1000)).toEqual([200]);
    expect(statusesBetween(samples, 'projector', 'ready', 0, 9000)).toEqual([503]);
  });
});

describe('firstAnswer', () => {
  it('finds the first sample with that answer from a moment on', () => {
    const samples = [
      sample(1000, 'ready', 503, 'early'),
      sample(2000, 'ready', 200),
      sample(3000, 'ready', 503, 'late'),
    ];
    expect(firstAnswer(samples, 'projector', 'ready', 503, 1500)?.detail).toBe('late');
    expect(firstAnswer(samples, 'projector', 'ready', 'refused', 0)).toBeUndefined();
  });
});

describe('summarizeHealth', () => {
  it('gives each probe its answers with their timing and the reason of each failure', () => {
    const line = summarizeHealth(
      transitionsOf(
        [
          sample(0, 'ready', 200),
          sample(0, 'live', 200),
          sample(4200, 'ready', 503, 'inventory-projection: holding 2 partition(s)'),
          sample(63_000, 'ready', 200),
        ],
        0,
      ),
    );
    expect(line).toBe(
      'projector ready 200, 503 (inventory-projection: holding 2 partition(s)) +4.2s, 200 +63.0s; live 200',
    );
  });

  it('shortens long reasons and lists services in the order they first answered', () => {
    const line = summarizeHealth(
      transitionsOf(
        [sample(0, 'ready', 503, 'x'.repeat(100), 'a'), sample(-1500, 'live', 'refused', '', 'b')],
        0,
      ),
    );
    expect(line).toBe(`b ready ?; live refused | a ready 503 (${'x'.repeat(70)}…); live ?`);
  });
});
