import type { SecretRule } from '../../rule.js';
import { prefixedToken } from './patterns.js';

const provider = 'OpenAI';
const rotateUrl = 'https://platform.openai.com/api-keys';
const family = 'ai';
// Every OpenAI secret key embeds `T3BlbkFJ` ("OpenAI" in base64) between two random halves.
const keyBody = '[A-Za-z0-9_-]{20,160}T3BlbkFJ[A-Za-z0-9_-]{20,160}';

export const rules: SecretRule[] = [
  {
    id: 'openai-project-key',
    formatSource: 'described',
    title: 'OpenAI project API key',
    severity: 'high',
    family,
    provider,
    rotateUrl,
    regex: prefixedToken(`sk-proj-${keyBody}`),
    keywords: ['sk-proj-'],
    entropy: 4,
    examples: {
      match: [
        { text: 'OPENAI_API_KEY=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', secret: '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' },
        { text: 'client = OpenAI(api_key="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")', secret: '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' },
      ],
      noMatch: ['OPENAI_API_KEY=sk-proj-...', { text: 'OPENAI_API_KEY=sk-proj-XAQ1_3aTcGofKI9wkHXhOlQLrAx2ZxGbqXr3F7M2r9JrS8jQO7nklOaxTplSKuxQWPiup_MzWuz1EnhJAeTcdpCLki2BlglPqioY_ObTP48YHeV_AYbyMur_B7Rbl0uCAJC6oB_K7mVe_76RX1QxB3GAuHk_', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    id: 'openai-service-account-key',
    formatSource: 'described',
    title: 'OpenAI service account API key',
    severity: 'high',
    family,
    provider,
    rotateUrl,
    regex: prefixedToken(`sk-svcacct-${keyBody}`),
    keywords: ['sk-svcacct-'],
    entropy: 4,
    examples: {
      match: [
        { text: 'OPENAI_API_KEY=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', secret: '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' },
        { text: '"apiKey": "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"', secret: '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' },
      ],
      noMatch: ['OPENAI_API_KEY=sk-svcacct-<key>', 'prefixes: ["sk-proj-", "sk-svcacct-", "sk-admin-"]'],
    },
  },
  {
    id: 'openai-admin-key',
    formatSource: 'described',
    title: 'OpenAI admin API key',
    severity: 'critical',
    family,
    provider,
    rotateUrl: 'https://platform.openai.com/settings/organization/admin-keys',
    regex: prefixedToken(`sk-admin-${keyBody}`),
    keywords: ['sk-admin-'],
    entropy: 4,
    examples: {
      match: [
        { text: 'OPENAI_ADMIN_KEY=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', secret: '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' },
        { text: "admin_key = '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'", secret: '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' },
      ],
      noMatch: ['OPENAI_ADMIN_KEY=sk-admin-xxxxxxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxxxxxx', 'OPENAI_ADMIN_KEY=${{ secrets.OPENAI_ADMIN_KEY }}'],
    },
  },
  {
    id: 'openai-user-key',
    formatSource: 'described',
    title: 'OpenAI user API key (legacy format)',
    severity: 'high',
    family,
    provider,
    rotateUrl,
    regex: prefixedToken(`sk-(?:[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|None-${keyBody})`),
    keywords: ['t3blbkfj'],
    entropy: 4,
    examples: {
      match: [
        { text: 'OPENAI_API_KEY=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', secret: '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' },
        { text: 'openai.api_key = "sk-None-flrcVza_8blvK1bFCOPfTEq7FHfi69_tpYNsgTRdKsWg_QkK1NKQNRzSV-dz-GAJ2c3dwWhJc_T3BlbkFJVkFulens5Vjdk6A8o3WQgw6LUupl9_1DnkkFU4CGhLKGRyjfyC3xPaOdyPuJNuMyGjvJwizNZU"', secret: 'sk-None-flrcVza_8blvK1bFCOPfTEq7FHfi69_tpYNsgTRdKsWg_QkK1NKQNRzSV-dz-GAJ2c3dwWhJc_T3BlbkFJVkFulens5Vjdk6A8o3WQgw6LUupl9_1DnkkFU4CGhLKGRyjfyC3xPaOdyPuJNuMyGjvJwizNZU' },
      ],
      noMatch: [{ text: 'OPENAI_API_KEY=sk-6o4Rg4jeXnJUmoxzL0zi6NGFB7p3nanoqrX5fnEpFrs4M8gz', firedBy: ['generic-secret-config'] }, { text: 'OPENAI_API_KEY=sk-ivG2UlshcuTXCNDuUc5T3BlbkFJGFRTbqgCNBH0ddZ82gK6', firedBy: ['generic-secret-config'] }],
    },
  },
];
