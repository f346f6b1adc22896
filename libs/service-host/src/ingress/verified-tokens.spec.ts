import { VERIFIED_TOKEN_MAX_AGE_MS, VerifiedTokens, type BearerVerdict } from './verify-bearer';

const at = (ms: number) => new Date(Date.parse('2026-12-07T10:00:00Z') + ms);
const caller = (expiresInMs: number): BearerVerdict => ({
  kind: 'caller',
  caller: 'wms-eu-1',
  scopes: new Set(['ferry:inventory.write']),
  expiresAtMs: at(expiresInMs).getTime(),
});

describe('VerifiedTokens', () => {
  it('verifies a token once, then believes it for at most a minute', async () => {
    const tokens = new VerifiedTokens();
    const verify = jest.fn(() => Promise.resolve(caller(3_600_000)));
    await tokens.verdictOf('Bearer a', at(0), verify);
    await tokens.verdictOf('Bearer a', at(VERIFIED_TOKEN_MAX_AGE_MS - 1), verify);
    expect(verify).toHaveBeenCalledTimes(1);
    await tokens.verdictOf('Bearer a', at(VERIFIED_TOKEN_MAX_AGE_MS), verify);
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it("believes a token no longer than the age it is given (the key set's, when shorter)", async () => {
    const tokens = new VerifiedTokens(1_000);
    const verify = jest.fn(() => Promise.resolve(caller(3_600_000)));
    await tokens.verdictOf('Bearer a', at(0), verify);
    await tokens.verdictOf('Bearer a', at(999), verify);
    await tokens.verdictOf('Bearer a', at(1_000), verify);
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('never believes a token past its exp', async () => {
    const tokens = new VerifiedTokens();
    const verify = jest
      .fn<Promise<BearerVerdict>, []>()
      .mockResolvedValueOnce(caller(1_000))
      .mockResolvedValueOnce({ kind: 'refused', reason: 'expired' });
    await tokens.verdictOf('Bearer a', at(0), verify);
    expect(await tokens.verdictOf('Bearer a', at(1_000), verify)).toEqual({
      kind: 'refused',
      reason: 'expired',
    });
  });

  it('remembers no refusal, and tells tokens apart', async () => {
    const tokens = new VerifiedTokens();
    const refused = jest.fn(() =>
      Promise.resolve<BearerVerdict>({ kind: 'refused', reason: 'bad_signature' }),
    );
    await tokens.verdictOf('Bearer forged', at(0), refused);
    await tokens.verdictOf('Bearer forged', at(1), refused);
    expect(refused).toHaveBeenCalledTimes(2);
    const verify = jest.fn(() => Promise.resolve(caller(3_600_000)));
    await tokens.verdictOf('Bearer a', at(0), verify);
    await tokens.verdictOf('Bearer b', at(0), verify);
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('lets the oldest token go beyond the number it keeps', async () => {
    const tokens = new VerifiedTokens(VERIFIED_TOKEN_MAX_AGE_MS, 2);
    const verify = jest.fn(() => Promise.resolve(caller(3_600_000)));
    for (const token of ['Bearer a', 'Bearer b', 'Bearer c', 'Bearer b', 'Bearer a'])
      await tokens.verdictOf(token, at(0), verify);
    // a, b, c verified; c pushed a out; b still known; a verified again.
    expect(verify).toHaveBeenCalledTimes(4);
  });
});
