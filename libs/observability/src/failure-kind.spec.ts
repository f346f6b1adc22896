import { declaredFailureKind } from './failure-kind';

describe('declaredFailureKind', () => {
  it.each(['transient', 'unavailable', 'permanent', 'programmer'] as const)(
    'reads the declared kind %s',
    (kind) => {
      expect(declaredFailureKind(Object.assign(new Error('x'), { failureKind: kind }))).toBe(kind);
    },
  );

  it('ignores an error that declares nothing, or something that is not a kind', () => {
    expect(declaredFailureKind(new Error('x'))).toBeUndefined();
    expect(declaredFailureKind({ failureKind: 'fatal' })).toBeUndefined();
    expect(declaredFailureKind({ failureKind: 3 })).toBeUndefined();
  });
});
