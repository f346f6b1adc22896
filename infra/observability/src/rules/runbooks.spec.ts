import { anchorsOf, headingAnchor } from './runbooks';

describe('runbook anchors', () => {
  it('makes GitHub anchors of headings', () => {
    expect(headingAnchor('FerryConsumerLagHigh')).toBe('ferryconsumerlaghigh');
    expect(headingAnchor('Lag: records & seconds')).toBe('lag-records--seconds');
  });

  it('skips headings inside code fences', () => {
    expect([...anchorsOf('# Ops\n```\n# not a heading\n```\n### FerryCircuitOpen\n')]).toEqual([
      'ops',
      'ferrycircuitopen',
    ]);
  });
});
