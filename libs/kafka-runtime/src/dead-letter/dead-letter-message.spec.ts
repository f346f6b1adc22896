import { failureFingerprint } from './dead-letter-message';

describe('failureFingerprint', () => {
  // sha256("Error\u001fcould not serialize access for # rows\u001fInventoryLevelSet"), first 16 hex
  it('is the hash of class, message shape and event type', () => {
    expect(
      failureFingerprint(new Error('could not serialize access for 42 rows'), 'InventoryLevelSet'),
    ).toBe('9920feb81aaa13fc');
  });

  it('blanks out numbers and ids, so the same problem on other records shares it', () => {
    class OdooReferenceError extends Error {
      override readonly name = 'OdooReferenceError';
    }
    const of = (text: string) =>
      failureFingerprint(new OdooReferenceError(text), 'InventoryLevelSet');
    const first = of('no product 0b2f6d1e-8c1a-4f4e-9a4b-2d5c7e9f1a3b for SKU-17');
    expect(first).toBe('0dd3fc86560ada35');
    expect(of('no product 7c9e6679-7425-40de-944b-e07fc1f90ae7 for SKU-9')).toBe(first);
  });

  it('tells event types apart', () => {
    const error = new Error('x');
    expect(failureFingerprint(error, 'InventoryLevelSet')).not.toBe(
      failureFingerprint(error, 'SalesOrderPlaced'),
    );
  });
});
