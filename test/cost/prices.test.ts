import { describe, expect, it } from 'vitest';
import { parseLiteLlm } from '../../src/cost/litellm.js';
import { PRICE_TABLE } from '../../src/cost/price-table.js';
import { createPriceBook, normaliseModel, overrideEntries, priceTokens } from '../../src/cost/prices.js';

const tokens = (t: Partial<Record<'input' | 'output' | 'cacheWrite5m' | 'cacheWrite1h' | 'cacheRead', number>>) => ({
  input: 0, output: 0, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0, ...t,
});

describe('price table', () => {
  it('gives every entry a source and the day it was read', () => {
    for (const entry of PRICE_TABLE) {
      expect(entry.source, entry.model).toMatch(/pricing/i);
      expect(entry.date, entry.model).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry.input, entry.model).toBeGreaterThan(0);
      expect(entry.output, entry.model).toBeGreaterThan(entry.input);
    }
  });

  it.each([
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5'],
    ['claude-opus-4-1', 'claude-opus-4-1'],
    ['claude-opus-4-1-20250805', 'claude-opus-4-1'],
    ['claude-3-5-haiku-20241022', 'claude-3-5-haiku'],
    ['claude-haiku-4-5', 'claude-haiku-4-5'],
    ['anthropic/claude-sonnet-4.5', 'claude-sonnet-4-5'],
    ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5'],
    ['claude-sonnet-4-5@20250929', 'claude-sonnet-4-5'],
    ['claude-sonnet-4-5[1m]', 'claude-sonnet-4-5'],
    ['claude-opus-4-20250514', 'claude-opus-4'],
    ['gpt-4o-2024-08-06', 'gpt-4o'],
    ['openai/gpt-4.1', 'gpt-4.1'],
    ['gemini-2.5-pro', 'gemini-2.5-pro'],
    ['deepseek-reasoner', 'deepseek-reasoner'],
  ])('%s is priced as %s', (id, model) => {
    expect(createPriceBook().find(id)?.model).toBe(model);
  });

  it('never prices by prefix: an unknown sibling stays unknown', () => {
    const book = createPriceBook();
    expect(book.find('gpt-5-pro')).toBeUndefined();
    expect(book.find('claude-sonnet-9')).toBeUndefined();
    expect(normaliseModel('gpt-5-mini')).toBe('gpt-5-mini');
  });
});

describe('priceTokens', () => {
  it('prices input, output, both cache write lifetimes and cache reads separately', () => {
    const sonnet = createPriceBook().find('claude-sonnet-4-5')!;
    const usd = priceTokens(sonnet, tokens({ input: 40_000, output: 40_000, cacheWrite5m: 40_000, cacheWrite1h: 40_000, cacheRead: 40_000 }));
    expect(usd).toBeCloseTo(0.04 * (3 + 15 + 3.75 + 6 + 0.3), 9);
  });

  it('takes the long-context rates for the whole request above 200k prompt tokens', () => {
    const sonnet = createPriceBook().find('claude-sonnet-4-5')!;
    expect(priceTokens(sonnet, tokens({ input: 150_000, cacheRead: 50_000, output: 1000 }))).toBeCloseTo(0.45 + 0.015 + 0.015, 9);
    expect(priceTokens(sonnet, tokens({ input: 150_000, cacheRead: 50_001, output: 1000 }))).toBeCloseTo(0.9 + 50_001 * 0.6e-6 + 0.0225, 9);
  });

  it('prices cache traffic at the input rate when a price lacks cache rates (never at $0)', () => {
    const book = createPriceBook([overrideEntries({ 'acme-1': { input: 2, output: 4 } }, 'test')]);
    expect(priceTokens(book.find('acme-1')!, tokens({ cacheWrite1h: 1_000_000, cacheRead: 1_000_000 }))).toBeCloseTo(4, 9);
  });
});

describe('overrides and LiteLLM files', () => {
  it('config prices win over a LiteLLM file, which wins over the built-in table', () => {
    const litellm = parseLiteLlm(
      {
        sample_spec: { input_cost_per_token: 0 },
        'claude-sonnet-4-5': {
          litellm_provider: 'anthropic',
          input_cost_per_token: 3e-6,
          output_cost_per_token: 1.5e-5,
          cache_creation_input_token_cost: 3.75e-6,
          cache_creation_input_token_cost_above_1hr: 6e-6,
          cache_read_input_token_cost: 3e-7,
          input_cost_per_token_above_200k_tokens: 6e-6,
          output_cost_per_token_above_200k_tokens: 2.25e-5,
        },
        'mistral/mistral-large-latest': { litellm_provider: 'mistral', input_cost_per_token: 2e-6, output_cost_per_token: 6e-6 },
        'dall-e-3': { litellm_provider: 'openai', mode: 'image_generation', output_cost_per_image: 0.04 },
      },
      'prices.json',
    );
    expect(litellm.map((e) => e.model)).toEqual(['claude-sonnet-4-5', 'mistral/mistral-large-latest']);
    expect(litellm[0]).toMatchObject({ input: 3, output: 15, cacheWrite5m: 3.75, cacheWrite1h: 6, cacheRead: 0.3, above200k: { input: 6, output: 22.5 } });

    const book = createPriceBook([litellm, overrideEntries({ 'mistral-large': { input: 1, output: 3, provider: 'mistral' } }, 'config')]);
    expect(book.find('mistral-large-latest')?.input).toBe(1);
    expect(book.find('mistral/mistral-large-latest')?.input).toBe(2);
    expect(book.find('claude-sonnet-4-5')?.source).toBe('LiteLLM prices file prices.json');
  });
});
