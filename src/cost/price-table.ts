// Built-in prices, USD per million tokens. Data, not logic: each entry names the vendor page it
// was read from and the day it was read. `gates.budget.prices` and `gates.budget.pricesFile`
// override or extend it. Cache fields left out are priced at the input rate (never at $0).

export interface Rates {
  input: number;
  output: number;
  /** Prompt-cache write with a 5-minute lifetime (Anthropic), or the only cache write rate. */
  cacheWrite5m?: number;
  /** Prompt-cache write with a 1-hour lifetime (Anthropic). */
  cacheWrite1h?: number;
  /** Cache hit / cached input. */
  cacheRead?: number;
}

export interface PriceEntry extends Rates {
  model: string;
  /** Ledger provider key, as the workflow's daily files use it (`claude`, `openai`, `gemini`, `deepseek`). */
  provider: string;
  aliases?: string[];
  /** Rates for a request whose prompt (input + cache writes + cache reads) exceeds 200k tokens. */
  above200k?: Rates;
  source: string;
  /** The day the price was read from the source, YYYY-MM-DD. */
  date: string;
}

const ANTHROPIC = 'Anthropic API pricing page (platform.claude.com/docs/en/about-claude/pricing)';
const OPENAI = 'OpenAI API pricing page (platform.openai.com/docs/pricing)';
const GOOGLE = 'Gemini Developer API pricing page (ai.google.dev/gemini-api/docs/pricing)';
const DEEPSEEK = 'DeepSeek API Models & Pricing page (api-docs.deepseek.com/quick_start/pricing)';
const READ_ON = '2026-11-25';
// Codex models as OpenAI lists them, read from a dated snapshot of its pricing page (through 5 May 2026).
const OPENAI_CODEX = "OpenAI API pricing, as quoted on 2026-05-05 by fernando-nog.netlify.app/gpt-coding-model-costs-2026 (check platform.openai.com/docs/pricing)";
// Checked on 2026-12-02 against GitHub's published Copilot price table, which lists OpenAI's per-token API rates.
const OPENAI_VIA_GITHUB = 'OpenAI API rates as listed in GitHub Docs (github/docs data/tables/copilot/models-and-pricing.yml; check platform.openai.com/docs/pricing)';
const OPENAI_NANO = "OpenAI model page's pricing table (developers.openai.com/api/docs/models/gpt-5-nano)";
const GOOGLE_2_0 = "Gemini Developer API pricing page rates, as quoted by morphllm.com/gemini-api-pricing (gemini-2.0-flash is deprecated; check ai.google.dev/gemini-api/docs/pricing)";
const CHECKED_ON = '2026-12-02';
const OPENAI_O = 'OpenAI API prices as listed by margindash.com/openai-model-comparison (check platform.openai.com/docs/pricing)';

function claude(model: string, input: number, output: number, extra: Partial<PriceEntry> = {}): PriceEntry {
  // Anthropic's published multipliers: 5m write 1.25x, 1h write 2x, cache hit 0.1x of input.
  return {
    model,
    provider: 'claude',
    input,
    output,
    cacheWrite5m: input * 1.25,
    cacheWrite1h: input * 2,
    cacheRead: input * 0.1,
    source: ANTHROPIC,
    date: READ_ON,
    ...extra,
  };
}

const SONNET_LONG: Rates = { input: 6, output: 22.5, cacheWrite5m: 7.5, cacheWrite1h: 12, cacheRead: 0.6 };

export const PRICE_TABLE: readonly PriceEntry[] = [
  claude('claude-fable-5-1', 10, 50, { cacheRead: 0.25, aliases: ['claude-mythos-5-1'] }),
  claude('claude-fable-5', 10, 50, { aliases: ['claude-mythos-5'] }),
  claude('claude-opus-5', 5, 25),
  claude('claude-opus-4-8', 5, 25),
  claude('claude-opus-4-7', 5, 25),
  claude('claude-opus-4-6', 5, 25),
  claude('claude-opus-4-5', 5, 25),
  claude('claude-opus-4-1', 15, 75),
  claude('claude-opus-4', 15, 75, { aliases: ['claude-opus-4-0', 'claude-4-opus'] }),
  claude('claude-sonnet-4-6', 3, 15),
  claude('claude-sonnet-4-5', 3, 15, { above200k: SONNET_LONG }),
  claude('claude-sonnet-4', 3, 15, { above200k: SONNET_LONG, aliases: ['claude-sonnet-4-0', 'claude-4-sonnet'] }),
  claude('claude-3-7-sonnet', 3, 15, { aliases: ['claude-sonnet-3-7'] }),
  claude('claude-3-5-sonnet', 3, 15, { aliases: ['claude-sonnet-3-5'] }),
  claude('claude-haiku-4-5', 1, 5),
  claude('claude-3-5-haiku', 0.8, 4, { aliases: ['claude-haiku-3-5'] }),
  claude('claude-3-haiku', 0.25, 1.25, { cacheWrite5m: 0.3, cacheWrite1h: 0.5, cacheRead: 0.03 }),

  // OpenAI caches automatically: a cache write is billed as plain input, a hit as "cached input".
  { model: 'gpt-5.1', provider: 'openai', input: 1.25, output: 10, cacheRead: 0.125, source: OPENAI, date: READ_ON },
  { model: 'gpt-5', provider: 'openai', input: 1.25, output: 10, cacheRead: 0.125, aliases: ['gpt-5-chat-latest', 'gpt-5-codex'], source: OPENAI, date: READ_ON },
  { model: 'gpt-5.1-codex', provider: 'openai', input: 1.25, output: 10, cacheRead: 0.125, aliases: ['gpt-5.1-codex-max'], source: OPENAI_CODEX, date: '2026-05-05' },
  { model: 'gpt-5.1-codex-mini', provider: 'openai', input: 0.25, output: 2, cacheRead: 0.025, source: OPENAI_CODEX, date: '2026-05-05' },
  { model: 'gpt-5.2', provider: 'openai', input: 1.75, output: 14, cacheRead: 0.175, aliases: ['gpt-5.2-codex', 'gpt-5.3-codex'], source: OPENAI_VIA_GITHUB, date: CHECKED_ON },
  { model: 'o3-pro', provider: 'openai', input: 20, output: 80, source: OPENAI_O, date: READ_ON },
  { model: 'gpt-5-mini', provider: 'openai', input: 0.25, output: 2, cacheRead: 0.025, source: OPENAI, date: READ_ON },
  { model: 'gpt-5-nano', provider: 'openai', input: 0.05, output: 0.4, cacheRead: 0.005, source: OPENAI_NANO, date: CHECKED_ON },
  { model: 'gpt-4.1', provider: 'openai', input: 2, output: 8, cacheRead: 0.5, source: OPENAI, date: READ_ON },
  { model: 'gpt-4.1-mini', provider: 'openai', input: 0.4, output: 1.6, cacheRead: 0.1, source: OPENAI, date: READ_ON },
  { model: 'gpt-4.1-nano', provider: 'openai', input: 0.1, output: 0.4, cacheRead: 0.025, source: OPENAI, date: READ_ON },
  { model: 'gpt-4o', provider: 'openai', input: 2.5, output: 10, cacheRead: 1.25, aliases: ['chatgpt-4o-latest'], source: OPENAI, date: READ_ON },
  { model: 'gpt-4o-mini', provider: 'openai', input: 0.15, output: 0.6, cacheRead: 0.075, source: OPENAI, date: READ_ON },
  { model: 'o3', provider: 'openai', input: 2, output: 8, cacheRead: 0.5, source: OPENAI, date: READ_ON },
  { model: 'o3-mini', provider: 'openai', input: 1.1, output: 4.4, cacheRead: 0.55, source: OPENAI, date: READ_ON },
  { model: 'o4-mini', provider: 'openai', input: 1.1, output: 4.4, cacheRead: 0.275, source: OPENAI, date: READ_ON },

  {
    model: 'gemini-2.5-pro',
    provider: 'gemini',
    input: 1.25,
    output: 10,
    cacheRead: 0.125,
    above200k: { input: 2.5, output: 15, cacheRead: 0.25 },
    source: GOOGLE,
    date: READ_ON,
  },
  { model: 'gemini-2.5-flash', provider: 'gemini', input: 0.3, output: 2.5, cacheRead: 0.03, source: GOOGLE, date: READ_ON },
  { model: 'gemini-2.5-flash-lite', provider: 'gemini', input: 0.1, output: 0.4, cacheRead: 0.01, source: GOOGLE, date: READ_ON },
  { model: 'gemini-2.0-flash', provider: 'gemini', input: 0.1, output: 0.4, cacheRead: 0.025, aliases: ['gemini-2.0-flash-001'], source: GOOGLE_2_0, date: CHECKED_ON },

  // DeepSeek prices a cache miss as input and a cache hit as cacheRead; both endpoints cost the same.
  { model: 'deepseek-chat', provider: 'deepseek', input: 0.28, output: 0.42, cacheRead: 0.028, source: DEEPSEEK, date: READ_ON },
  { model: 'deepseek-reasoner', provider: 'deepseek', input: 0.28, output: 0.42, cacheRead: 0.028, source: DEEPSEEK, date: READ_ON },
];
