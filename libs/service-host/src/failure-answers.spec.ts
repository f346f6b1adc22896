import { BadRequestException, HttpException } from '@nestjs/common';
import { ContractViolation } from '@ferry/contracts';
import {
  OwnershipViolation,
  PublishError,
  SchemaRegistryUnavailableError,
} from '@ferry/kafka-runtime';
import { failureAnswer, RETRY_AFTER_SECONDS } from './failure-answers';

/** A pg error as the driver raises it: an Error with a SQLSTATE or socket `code`. */
function pgError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('failure answers', () => {
  it("keeps a handler's own HTTP error and its body", () => {
    const answer = failureAnswer(
      new BadRequestException({
        error: 'invalid_order',
        message: 'Invalid order: x',
        problems: ['x'],
      }),
    );
    expect(answer).toEqual({
      status: 400,
      body: { error: 'invalid_order', message: 'Invalid order: x', problems: ['x'] },
    });
    expect(failureAnswer(new HttpException('Gone', 410)).body).toEqual({
      error: 'http',
      message: 'Gone',
    });
  });

  it('answers an event the contract refuses with 422 naming its fields, never 500', () => {
    const violation = new ContractViolation('SalesOrderPlaced', ['totals.total: too large']);
    expect(failureAnswer(violation)).toMatchObject({
      status: 422,
      body: { error: 'invalid_event', problems: ['totals.total: too large'] },
    });
  });

  it('answers a change of an entity the sender does not own with 403', () => {
    const refused = new OwnershipViolation('erp', 'inventoryLevel');
    expect(failureAnswer(refused)).toMatchObject({
      status: 403,
      body: { error: 'not_owner' },
      log: { level: 'warn', fields: { system: 'erp', entity: 'inventoryLevel' } },
    });
  });

  it.each([
    [
      'Postgres refusing connections',
      pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
    ],
    ['a connection exception (08006)', pgError('connection failure', '08006')],
    ['too many connections (53300)', pgError('sorry, too many clients already', '53300')],
    ['Postgres shutting down (57P01)', pgError('terminating connection', '57P01')],
    ['a serialization failure (40001)', pgError('could not serialize access', '40001')],
    ['Kafka not acknowledging', new PublishError('Kafka did not acknowledge')],
    ['the registry unreachable', new SchemaRegistryUnavailableError('registry down')],
  ])('answers %s with 503 and Retry-After', (_what, error) => {
    expect(failureAnswer(error)).toMatchObject({
      status: 503,
      body: { error: 'unavailable' },
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    });
  });

  it('does not show what failed downstream', () => {
    const answer = failureAnswer(pgError('connect ECONNREFUSED 10.0.0.7:5432', 'ECONNREFUSED'));
    expect(JSON.stringify(answer.body)).not.toContain('10.0.0.7');
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['our own SQL being wrong (42703)', pgError('column "x" does not exist', '42703')],
    ['a unique violation (23505)', pgError('duplicate key value', '23505')],
  ])('answers %s with 500 without internals, logged as an error', (_what, error) => {
    expect(failureAnswer(error)).toEqual({
      status: 500,
      body: { error: 'internal', message: 'Internal error; see the service log' },
      log: { level: 'error', message: expect.stringMatching(/^request failed/) as unknown },
    });
  });
});
