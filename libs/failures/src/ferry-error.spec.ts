import { FerryError } from './ferry-error';
import { failureKindOfHttpStatus } from './failure-kind';

class PaymentRejected extends FerryError {
  constructor() {
    super('card declined', 'permanent');
  }
}

describe('FerryError', () => {
  it.each([
    ['transient', true],
    ['unavailable', true],
    ['permanent', false],
    ['programmer', false],
  ] as const)('derives retriable from the kind %s', (kind, retriable) => {
    expect(new FerryError('x', kind).retriable).toBe(retriable);
  });

  it('names itself after its class and keeps its cause', () => {
    const cause = new Error('socket closed');
    const error = new FerryError('lost', 'unavailable', { cause });
    expect(new PaymentRejected().name).toBe('PaymentRejected');
    expect(error.cause).toBe(cause);
  });
});

describe('failureKindOfHttpStatus', () => {
  it.each([
    [408, 'transient'],
    [409, 'transient'],
    [425, 'transient'],
    [429, 'unavailable'],
    [500, 'transient'],
    [502, 'unavailable'],
    [503, 'unavailable'],
    [504, 'unavailable'],
    [400, 'permanent'],
    [404, 'permanent'],
    [422, 'permanent'],
  ] as const)('takes %i as %s', (status, kind) => {
    expect(failureKindOfHttpStatus(status)).toBe(kind);
  });
});
