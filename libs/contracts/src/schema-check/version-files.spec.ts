import { planVersionFiles } from './version-files';

describe('planVersionFiles', () => {
  it('orders well-named versions and ignores files that are not schemas', () => {
    const plan = planVersionFiles(
      'inventory-levels',
      ['InventoryLevelSet.v2.avsc', 'README.md', 'InventoryLevelSet.v1.avsc'],
      'InventoryLevelSet',
    );
    expect(plan).toEqual({
      files: [
        { version: 1, file: 'inventory-levels/InventoryLevelSet.v1.avsc' },
        { version: 2, file: 'inventory-levels/InventoryLevelSet.v2.avsc' },
      ],
      problems: [],
    });
  });

  it('reports a gap in the versions', () => {
    const plan = planVersionFiles(
      'inventory-levels',
      ['InventoryLevelSet.v1.avsc', 'InventoryLevelSet.v3.avsc'],
      'InventoryLevelSet',
    );
    expect(plan.problems).toEqual([
      'inventory-levels/InventoryLevelSet.v2.avsc is missing: versions must run from v1 without gaps',
    ]);
  });

  it('reports a history that does not start at v1', () => {
    const plan = planVersionFiles('invoices', ['InvoicePosted.v2.avsc'], 'InvoicePosted');
    expect(plan.problems).toEqual([
      'invoices/InvoicePosted.v1.avsc is missing: versions must run from v1 without gaps',
    ]);
  });

  it('reports a file named after another event type than the catalog says', () => {
    const plan = planVersionFiles(
      'inventory-levels',
      ['InventoryLevelSet.v1.avsc', 'InventoryLevel.v2.avsc'],
      'InventoryLevelSet',
    );
    expect(plan.problems).toEqual([
      'inventory-levels/InventoryLevel.v2.avsc: file name says event type "InventoryLevel", the catalog says "InventoryLevelSet"',
    ]);
  });

  it('reports badly formed names and version numbers', () => {
    const plan = planVersionFiles(
      'invoices',
      ['InvoicePosted.avsc', 'InvoicePosted.v0.avsc', 'InvoicePosted.v01.avsc'],
      'InvoicePosted',
    );
    expect(plan.problems).toEqual([
      'invoices/InvoicePosted.avsc: file name must be InvoicePosted.v<N>.avsc',
      'invoices/InvoicePosted.v0.avsc: versions are numbered v1, v2, ... (no v0, no leading zeros)',
      'invoices/InvoicePosted.v01.avsc: versions are numbered v1, v2, ... (no v0, no leading zeros)',
    ]);
  });

  it('reports a folder without versions', () => {
    expect(planVersionFiles('invoices', [], 'InvoicePosted').problems).toEqual([
      'invoices: no InvoicePosted.v<N>.avsc files',
    ]);
  });
});
