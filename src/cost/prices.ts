import { PRICE_TABLE, type PriceEntry, type Rates } from './price-table.js';
import type { TokenCounts } from './types.js';

/** A price written in config (`gates.budget.prices`): rates per million tokens, the rest optional. */
export interface PriceOverride extends Rates {
  provider?: string;
  above200k?: Rates;
  source?: string;
  date?: string;
}

export interface PriceBook {
  /** The price for a model id as tools write it (dated, prefixed, dotted …), or undefined. */
  find(model: string): PriceEntry | undefined;
  entries(): PriceEntry[];
}

const LONG_CONTEXT_THRESHOLD = 200_000;

/**
 * Later layers win: the built-in table, then a LiteLLM file, then config overrides.
 * Lookups are exact on the normalised id — never by prefix, so `gpt-5` cannot price `gpt-5-pro`.
 */
export function createPriceBook(layers: readonly (readonly PriceEntry[])[] = []): PriceBook {
  const byName = new Map<string, PriceEntry>();
  for (const layer of [PRICE_TABLE, ...layers]) {
    for (const entry of layer) {
      for (const name of [entry.model, ...(entry.aliases ?? [])]) {
        byName.set(name.toLowerCase(), entry);
        byName.set(normaliseModel(name), entry);
      }
    }
  }
  const find = (model: string) => byName.get(model.toLowerCase()) ?? byName.get(normaliseModel(model));
  return {
    find,
    entries() {
      // An entry a later layer replaced under its own name may still price its aliases
      // (the built-in gpt-5 for gpt-5-codex): it is listed under those names.
      const out: PriceEntry[] = [];
      for (const entry of new Set(byName.values())) {
        if (find(entry.model) === entry) {
          out.push(entry);
          continue;
        }
        const names = (entry.aliases ?? []).filter((name) => find(name) === entry);
        if (names.length) out.push({ ...entry, model: names[0], aliases: names.slice(1) });
      }
      return out;
    },
  };
}

/** Config overrides as price entries. */
export function overrideEntries(prices: Record<string, PriceOverride>, source: string): PriceEntry[] {
  return Object.entries(prices).map(([model, p]) => ({
    ...p,
    model,
    provider: p.provider ?? providerOf(model),
    source: p.source ?? source,
    date: p.date ?? '',
  }));
}

/**
 * Strips what tools add around a model id: provider paths (`anthropic/`, `vertex_ai/`),
 * Bedrock prefixes and versions (`us.anthropic.…-v1:0`), context tags (`[1m]`), release dates
 * (`-20250929`, `@20250929`, `-2024-08-06`) and `-latest`; dotted Claude versions become dashed.
 */
export function normaliseModel(model: string): string {
  let id = model.trim().toLowerCase();
  id = id.slice(id.lastIndexOf('/') + 1);
  id = id.replace(/\[[^\]]*\]$/, '');
  id = id.replace(/^(?:[a-z]{2,4}\.)?anthropic\./, '');
  id = id.replace(/-v\d+(?::\d+)?$/, '');
  id = id.replace(/(?:@|-)(?:\d{8}|\d{4}-\d{2}-\d{2})$/, '');
  id = id.replace(/-latest$/, '');
  if (id.startsWith('claude')) id = id.replace(/(\d)\.(\d)/g, '$1-$2');
  return id;
}

export function providerOf(model: string): string {
  const id = normaliseModel(model);
  if (id.startsWith('claude')) return 'claude';
  if (/^(gpt|o\d|chatgpt|text-embedding)/.test(id)) return 'openai';
  if (id.startsWith('gemini')) return 'gemini';
  if (id.startsWith('deepseek')) return 'deepseek';
  return id.split(/[-.]/)[0] || 'other';
}

/** USD for one request's tokens. Above 200k prompt tokens the whole request takes the long-context rates. */
export function priceTokens(price: PriceEntry, tokens: TokenCounts): number {
  const prompt = tokens.input + tokens.cacheWrite5m + tokens.cacheWrite1h + tokens.cacheRead;
  const rates: Rates = price.above200k && prompt > LONG_CONTEXT_THRESHOLD ? { ...price, ...price.above200k } : price;
  const write5m = rates.cacheWrite5m ?? rates.input;
  const write1h = rates.cacheWrite1h ?? write5m;
  const read = rates.cacheRead ?? rates.input;
  const micro =
    tokens.input * rates.input +
    tokens.output * rates.output +
    tokens.cacheWrite5m * write5m +
    tokens.cacheWrite1h * write1h +
    tokens.cacheRead * read;
  return micro / 1_000_000;
}

export function emptyTokens(): TokenCounts {
  return { input: 0, output: 0, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0 };
}

export function addTokens(into: TokenCounts, more: Partial<TokenCounts> | undefined): void {
  if (!more) return;
  into.input += more.input ?? 0;
  into.output += more.output ?? 0;
  into.cacheWrite5m += more.cacheWrite5m ?? 0;
  into.cacheWrite1h += more.cacheWrite1h ?? 0;
  into.cacheRead += more.cacheRead ?? 0;
}
