import { OdooHttpError } from '../client/errors';
import { ScriptedOdooClient } from '../testing/scripted-client';
import { ManualClock } from '@ferry/time';
import { PacedOdooClient } from './paced-client';

describe('PacedOdooClient', () => {
  it('waits out a Retry-After before the next call', async () => {
    let answers = 0;
    const inner = new ScriptedOdooClient({
      'res.partner.search_read': () => {
        answers += 1;
        if (answers === 1) throw new OdooHttpError('slow down', 429, 7_000);
        return [];
      },
    });
    const clock = new ManualClock();
    const paced = new PacedOdooClient(inner, { ratePerSecond: 100, burst: 5 }, clock);
    const call = { model: 'res.partner', method: 'search_read' };
    await expect(paced.call(call)).rejects.toMatchObject({ status: 429, retryAfterMs: 7_000 });
    await expect(paced.call(call)).resolves.toEqual([]);
    expect(clock.sleeps).toEqual([7_000]);
  });

  it('refuses a policy that cannot pace', () => {
    expect(
      () => new PacedOdooClient(new ScriptedOdooClient({}), { ratePerSecond: 0, burst: 1 }),
    ).toThrow(RangeError);
  });
});
