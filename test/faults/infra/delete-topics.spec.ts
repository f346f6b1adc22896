import { caseTopicsPattern } from './delete-topics';

describe('caseTopicsPattern', () => {
  // TopicCommand matches the whole name (Java Pattern.matches), as the anchors do here.
  const matches = (names: string[], topic: string) =>
    new RegExp(`^${caseTopicsPattern(names)}$`).test(topic);

  it('matches each case topic and the retry and dead-letter topics derived from it', () => {
    const names = ['fault_pg_inventory_ab12', 'sc_sales_orders_cd34'];
    expect(matches(names, 'fault_pg_inventory_ab12')).toBe(true);
    expect(matches(names, 'fault_pg_inventory_ab12.retry.1s')).toBe(true);
    expect(matches(names, 'sc_sales_orders_cd34.dlq')).toBe(true);
  });

  it('matches no other topic, a name that merely starts alike included', () => {
    const names = ['fault_pg_inventory_ab12'];
    expect(matches(names, 'fault_pg_inventory_ab123')).toBe(false);
    expect(matches(names, 'ferry.inventory.levels')).toBe(false);
    expect(matches(names, 'x_fault_pg_inventory_ab12')).toBe(false);
  });

  it('takes the dots of a name literally', () => {
    expect(matches(['ferry.inventory.levels'], 'ferryXinventory.levels')).toBe(false);
  });
});
