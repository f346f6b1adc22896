import { GoodsReceiptRecordedContract } from '@ferry/contracts';
import { validationProblems } from '@ferry/service-host';
import { GoodsReceiptSchema, toGoodsReceiptRecorded } from './goods-receipt';

const receipt = {
  receiptId: 'GR-1',
  purchaseOrderId: 'PO-1',
  warehouse: 'WH1',
  lines: [{ sku: 'SKU-1', quantity: 4, location: 'WH1/Stock' }],
  receivedAt: '2026-11-20T10:00:00Z',
};

function problemsOf(body: unknown): string[] {
  const result = GoodsReceiptSchema.safeParse(body);
  return result.success ? [] : validationProblems(result.error.issues);
}

describe('goods receipts', () => {
  it('become an event the contract takes', () => {
    const event = toGoodsReceiptRecorded(GoodsReceiptSchema.parse(receipt));
    expect(GoodsReceiptRecordedContract.validate(event)).toBe(event);
  });

  it('refuse U+0000 and lone surrogates in every text field, by name', () => {
    expect(problemsOf({ ...receipt, warehouse: 'WH\u0000' })).toEqual([
      'warehouse: must not contain U+0000 (NUL)',
    ]);
    const lines = [{ ...receipt.lines[0], sku: 'SKU-\ud800', unit: 'pc\u0000' }];
    expect(problemsOf({ ...receipt, lines })).toEqual([
      'lines[0].sku: must be well-formed Unicode (holds a lone surrogate)',
      'lines[0].unit: must not contain U+0000 (NUL)',
    ]);
  });

  it('refuse a quantity or version an Avro long does not hold', () => {
    const lines = [{ ...receipt.lines[0], quantity: Number.MAX_SAFE_INTEGER }];
    expect(problemsOf({ ...receipt, lines, version: Number.MAX_SAFE_INTEGER })).toEqual([
      'lines[0].quantity: must be at most 9007199254740990',
      'version: must be at most 9007199254740990',
    ]);
  });
});
