import { isAbsolute, resolve } from 'node:path';
import { loadLiteLlmPrices } from './litellm.js';
import { createPriceBook, overrideEntries, type PriceBook, type PriceOverride } from './prices.js';

/** `gates.budget` options (schemas/gates/budget.schema.json), defaults applied. */
export interface BudgetOptions {
  ledger: string;
  prices: Record<string, PriceOverride>;
  pricesFile?: string;
  feature?: string;
}

export function budgetOptions(raw: Record<string, unknown> | undefined): BudgetOptions {
  return {
    ledger: typeof raw?.ledger === 'string' ? raw.ledger : 'costs',
    prices: (raw?.prices as Record<string, PriceOverride> | undefined) ?? {},
    pricesFile: typeof raw?.pricesFile === 'string' ? raw.pricesFile : undefined,
    feature: typeof raw?.feature === 'string' ? raw.feature : undefined,
  };
}

/** Built-in prices, then the LiteLLM file (relative to the repo root), then config overrides. */
export async function loadPriceBook(options: BudgetOptions, root: string): Promise<PriceBook> {
  const layers = [];
  if (options.pricesFile) {
    const path = isAbsolute(options.pricesFile) ? options.pricesFile : resolve(root, options.pricesFile);
    layers.push(await loadLiteLlmPrices(path, options.pricesFile));
  }
  layers.push(overrideEntries(options.prices, 'gates.budget.prices'));
  return createPriceBook(layers);
}
