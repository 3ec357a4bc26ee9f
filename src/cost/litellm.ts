import { readFile } from 'node:fs/promises';
import { syntaxErrorMessage } from '../core/redact-message.js';
import type { PriceEntry, Rates } from './price-table.js';
import { providerOf } from './prices.js';

const PER_MILLION = 1_000_000;

interface LiteLlmRow {
  litellm_provider?: string;
  mode?: string;
  input_cost_per_token?: number;
  output_cost_per_token?: number;
  cache_creation_input_token_cost?: number;
  cache_creation_input_token_cost_above_1hr?: number;
  cache_read_input_token_cost?: number;
  input_cost_per_token_above_200k_tokens?: number;
  output_cost_per_token_above_200k_tokens?: number;
  cache_creation_input_token_cost_above_200k_tokens?: number;
  cache_read_input_token_cost_above_200k_tokens?: number;
}

/** Thrown for a prices file that cannot be used; the message names the file. */
export class PricesFileError extends Error {
  override name = 'PricesFileError';
}

/**
 * Reads LiteLLM's `model_prices_and_context_window.json` (USD per token) into price entries
 * (USD per million). Rows without both an input and an output rate are left out: half a price
 * would undercount silently, which is worse than reporting the model as unpriced.
 */
export async function loadLiteLlmPrices(path: string, displayPath = path): Promise<PriceEntry[]> {
  return parseLiteLlm(await readLiteLlmDoc(path, displayPath), displayPath);
}

/** The prices file as a JSON object; PricesFileError naming the file otherwise. */
export async function readLiteLlmDoc(path: string, displayPath = path): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new PricesFileError(`${displayPath}: cannot read the prices file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new PricesFileError(`${displayPath}: not valid JSON: ${syntaxErrorMessage(error, text)}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new PricesFileError(`${displayPath}: expected a JSON object of model -> prices (LiteLLM's model_prices_and_context_window.json)`);
  }
  return doc as Record<string, unknown>;
}

/** The key `cost prices --from-litellm --write` adds to the file it writes: where and when the prices were read. */
export const READ_MARK = 'wfo-gate';

export function parseLiteLlm(doc: Record<string, unknown>, source: string): PriceEntry[] {
  const entries: PriceEntry[] = [];
  const mark = doc[READ_MARK] as { source?: unknown; date?: unknown } | undefined;
  const date = typeof mark?.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(mark.date) ? mark.date : '';
  const from = typeof mark?.source === 'string' ? ` (from ${mark.source})` : '';
  for (const [model, value] of Object.entries(doc)) {
    if (model === 'sample_spec' || model === READ_MARK || !value || typeof value !== 'object') continue;
    const row = value as LiteLlmRow;
    if (!isNum(row.input_cost_per_token) || !isNum(row.output_cost_per_token)) continue;
    const entry: PriceEntry = {
      model,
      provider: providerOf(model),
      ...rates(row.input_cost_per_token, row.output_cost_per_token, row.cache_creation_input_token_cost, row.cache_creation_input_token_cost_above_1hr, row.cache_read_input_token_cost),
      source: `LiteLLM prices file ${source}${from}`,
      date,
    };
    if (isNum(row.input_cost_per_token_above_200k_tokens) && isNum(row.output_cost_per_token_above_200k_tokens)) {
      entry.above200k = rates(
        row.input_cost_per_token_above_200k_tokens,
        row.output_cost_per_token_above_200k_tokens,
        row.cache_creation_input_token_cost_above_200k_tokens,
        undefined,
        row.cache_read_input_token_cost_above_200k_tokens,
      );
    }
    entries.push(entry);
  }
  return entries;
}

function rates(input: number, output: number, write?: number, write1h?: number, read?: number): Rates {
  const r: Rates = { input: perMillion(input), output: perMillion(output) };
  if (isNum(write)) r.cacheWrite5m = perMillion(write);
  if (isNum(write1h)) r.cacheWrite1h = perMillion(write1h);
  if (isNum(read)) r.cacheRead = perMillion(read);
  return r;
}

// 3e-6 * 1e6 is 2.9999999999999996 in floating point: keep 12 significant digits.
function perMillion(perToken: number): number {
  return Number((perToken * PER_MILLION).toPrecision(12));
}

function isNum(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
