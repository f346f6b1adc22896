import { baseModels } from './base-models';
import type { ModelSpec } from './model-spec';
import { orderModels } from './order-models';
import { STOCK_MODELS } from './stock-models';

/**
 * The subset of Odoo 16–19's standard models Ferry's adapters touch, with Odoo's field names for
 * `majorVersion` (fields renamed between versions follow it).
 */
export function standardModels(majorVersion: number): ModelSpec[] {
  return [...baseModels(majorVersion), ...STOCK_MODELS, ...orderModels(majorVersion)];
}
