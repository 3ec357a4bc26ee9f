import type { MatchExample, NoMatchExample, SecretRule } from '../../rule.js';
import { prefixedToken } from './patterns.js';

const provider = 'Shopify';
const rotateUrl = 'https://help.shopify.com/en/manual/apps/app-types/custom-apps';
const family = 'saas';
// The sample tokens of Shopify's changelog posts on token lengths, quoted by other scanners.
const documentedSamples = [
  '^shpat_r8TRc9ZXAvcVvcrmtr7qoVw69WeeY1ex$',
  '^shpss_QlRSJy5AXX1cILNjVatTsEIhFxuPF5ex$',
  '^shpca_7jqbg9cupMkZRxJKXWz3v8BvS8QBa7hMdJfAex$',
  '^shppa_7jqbg9cupMkZRxJKXWz3v8BvS8QBa7hMdJfAex$',
];

function shopifyToken(prefix: string, id: string, title: string, match: MatchExample[], noMatch: (string | NoMatchExample)[]): SecretRule {
  return {
    id,
    formatSource: 'described',
    title,
    severity: 'high',
    family,
    provider,
    rotateUrl,
    // 32 hex characters originally; Shopify lengthened them to up to 64 alphanumerics.
    regex: prefixedToken(`${prefix}_[A-Za-z0-9]{32,64}`),
    keywords: [`${prefix}_`],
    entropy: 3,
    allow: documentedSamples,
    examples: { match, noMatch },
  };
}

export const rules: SecretRule[] = [
  shopifyToken(
    'shpat', 'shopify-access-token', 'Shopify Admin API access token',
    [
      { text: 'SHOPIFY_ACCESS_TOKEN=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', secret: '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' },
      { text: "'X-Shopify-Access-Token': 'shpat_Sc9oB6QtRZsvOBAEpUjEpziBaQSOvy8dPeSREI'", secret: 'shpat_Sc9oB6QtRZsvOBAEpUjEpziBaQSOvy8dPeSREI' },
    ],
    ['SHOPIFY_ACCESS_TOKEN=shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', ' * e.g.) shpat_r8TRc9ZXAvcVvcrmtr7qoVw69WeeY1ex'],
  ),
  shopifyToken(
    'shpca', 'shopify-custom-app-access-token', 'Shopify custom app access token',
    [
      { text: 'SHOPIFY_TOKEN=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', secret: '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' },
      { text: 'accessToken: "shpca_nFDsMFwhIMI0Sb3hxkc3b9okqUZrXupQZbyuWxovnCx2"', secret: 'shpca_nFDsMFwhIMI0Sb3hxkc3b9okqUZrXupQZbyuWxovnCx2' },
    ],
    ['SHOPIFY_TOKEN=shpca_<token>', 'accessToken: "shpca_00000000000000000000000000000000"'],
  ),
  shopifyToken(
    'shppa', 'shopify-private-app-access-token', 'Shopify legacy private app password',
    [
      { text: 'SHOPIFY_PASSWORD=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', secret: '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' },
      { text: 'password: shppa_WSDOgbjkPqH3pDwnRUxlLzuIHuYEdvejmUDTTARn', secret: 'shppa_WSDOgbjkPqH3pDwnRUxlLzuIHuYEdvejmUDTTARn' },
    ],
    ['SHOPIFY_PASSWORD=shppa_', { text: 'password: shppa_1234', firedBy: ['generic-password-config'] }],
  ),
  shopifyToken(
    'shpss', 'shopify-shared-secret', 'Shopify app shared secret',
    [
      { text: 'SHOPIFY_API_SECRET=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', secret: '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' },
      { text: '"apiSecretKey": "shpss_q3JqwPXnj2ccLQqSTe0w5mrrajLU8DHt73Lzw9"', secret: 'shpss_q3JqwPXnj2ccLQqSTe0w5mrrajLU8DHt73Lzw9' },
    ],
    ['SHOPIFY_API_SECRET=shpss_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', '"apiSecretKey": process.env.SHOPIFY_API_SECRET'],
  ),
];
