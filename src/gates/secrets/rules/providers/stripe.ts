import type { SecretRule } from '../../rule.js';
import { prefixedToken } from './patterns.js';

const provider = 'Stripe';
const rotateUrl = 'https://dashboard.stripe.com/apikeys';
const family = 'payments';
// Stripe's own documentation example key: public, deliberately invalid.
const documentedTestKey = '^sk_test_4eC39HqLyjWDarjtT1zdp7dc$';

export const rules: SecretRule[] = [
  {
    id: 'stripe-live-secret-key',
    formatSource: 'described',
    title: 'Stripe live secret key',
    severity: 'critical',
    family,
    provider,
    rotateUrl,
    regex: prefixedToken('sk_live_[A-Za-z0-9]{24,110}'),
    keywords: ['sk_live_'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'STRIPE_SECRET_KEY=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', secret: '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' },
        { text: 'const stripe = new Stripe("sk_live_lt1PRgJbzM9md749CkBChmOF");', secret: 'sk_live_lt1PRgJbzM9md749CkBChmOF' },
      ],
      noMatch: ['STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx', 'if (key.startsWith("sk_live_")) warn("live mode");'],
    },
  },
  {
    id: 'stripe-organization-key',
    // Stripe documents the `sk_org` prefix (one for every permission level, live and sandbox);
    // the mode part and the body's length are taken to be those of its account-level keys.
    formatSource: 'described',
    title: 'Stripe organization API key (all of an organization\'s accounts)',
    severity: 'critical',
    family,
    provider,
    rotateUrl: 'https://dashboard.stripe.com/org/api-keys/secret',
    regex: prefixedToken('sk_org_(?:live_|test_)?[A-Za-z0-9]{24,110}'),
    keywords: ['sk_org_'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'STRIPE_ORG_KEY=sk_org_live_7Hq2LmZ4tW9xKv3Bn8Rp5Dc1Fg6Jk0Yw', secret: 'sk_org_live_7Hq2LmZ4tW9xKv3Bn8Rp5Dc1Fg6Jk0Yw' },
        { text: "new Stripe('sk_org_Qm3vT8xK2pLr9sWn5Zb7Yd4Hc6Ja1Ne0')", secret: 'sk_org_Qm3vT8xK2pLr9sWn5Zb7Yd4Hc6Ja1Ne0' },
      ],
      noMatch: ['STRIPE_ORG_KEY=sk_org_live_xxxxxxxxxxxxxxxxxxxxxxxx', 'if (key.startsWith("sk_org_")) requireContextHeader();'],
    },
  },
  {
    id: 'stripe-test-secret-key',
    formatSource: 'described',
    title: 'Stripe test-mode secret key',
    severity: 'medium',
    family,
    provider,
    rotateUrl,
    regex: prefixedToken('sk_test_[A-Za-z0-9]{24,110}'),
    keywords: ['sk_test_'],
    entropy: 3.5,
    allow: [documentedTestKey],
    examples: {
      match: [
        { text: 'STRIPE_SECRET_KEY=sk_test_51AUrlTLjHeVP7AvxIniNAjeZAVsOhrnHsMfg09g4VK4ZnyQmxaENAjnCMdhXqGg2R0TACaKxpMRCeZRB646FZ8LZfP1eL2j8fx', secret: 'sk_test_51AUrlTLjHeVP7AvxIniNAjeZAVsOhrnHsMfg09g4VK4ZnyQmxaENAjnCMdhXqGg2R0TACaKxpMRCeZRB646FZ8LZfP1eL2j8fx' },
        { text: "stripe.api_key = 'sk_test_cnPEQIiqs4KLIFJQDqkFX0vN'", secret: 'sk_test_cnPEQIiqs4KLIFJQDqkFX0vN' },
      ],
      noMatch: ["stripe.api_key = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc'", 'STRIPE_SECRET_KEY=sk_test_...'],
    },
  },
  {
    id: 'stripe-live-restricted-key',
    formatSource: 'described',
    title: 'Stripe live restricted key',
    severity: 'high',
    family,
    provider,
    rotateUrl,
    regex: prefixedToken('rk_live_[A-Za-z0-9]{24,110}'),
    keywords: ['rk_live_'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'STRIPE_RESTRICTED_KEY=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', secret: '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' },
        { text: 'key: "rk_live_KzK5ILrE4zLDCoA4OSZOWWav"', secret: 'rk_live_KzK5ILrE4zLDCoA4OSZOWWav' },
      ],
      noMatch: ['STRIPE_RESTRICTED_KEY=rk_live_<your key>', 'key: "rk_live_000000000000000000000000"'],
    },
  },
  {
    id: 'stripe-test-restricted-key',
    formatSource: 'described',
    title: 'Stripe test-mode restricted key',
    severity: 'low',
    family,
    provider,
    rotateUrl,
    regex: prefixedToken('rk_test_[A-Za-z0-9]{24,110}'),
    keywords: ['rk_test_'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'STRIPE_RESTRICTED_KEY=rk_test_51Q42mvMcbhSllCfHgpNse1MsnYGU3cVK1TyamnTcO2hJWEmgd2wsJquBqpojhgq5hSmxyWxymybhsLuPtY0ua4TKecHIHbMmn5', secret: 'rk_test_51Q42mvMcbhSllCfHgpNse1MsnYGU3cVK1TyamnTcO2hJWEmgd2wsJquBqpojhgq5hSmxyWxymybhsLuPtY0ua4TKecHIHbMmn5' },
        { text: 'restricted: rk_test_USlmzFjysGvuplRN5HuBhana', secret: 'rk_test_USlmzFjysGvuplRN5HuBhana' },
      ],
      noMatch: ['STRIPE_RESTRICTED_KEY=rk_test_${STRIPE_SUFFIX}', 'restricted: rk_test_short123'],
    },
  },
  {
    id: 'stripe-webhook-signing-secret',
    formatSource: 'described',
    title: 'Stripe webhook signing secret',
    severity: 'high',
    family,
    provider,
    rotateUrl: 'https://dashboard.stripe.com/webhooks',
    regex: prefixedToken('whsec_[A-Za-z0-9]{32,64}'),
    keywords: ['whsec_'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'STRIPE_WEBHOOK_SECRET=whsec_BUZZPULf74JxXXhGJIDhKgUPywj2cSzC', secret: 'whsec_BUZZPULf74JxXXhGJIDhKgUPywj2cSzC' },
        { text: 'endpointSecret = "whsec_tYHn1rW8i6JFyGu5WzMEn2Y2rH3w2tvBwC8Z3F2BWd716zBO8rz5SNA8pheOtwpb";', secret: 'whsec_tYHn1rW8i6JFyGu5WzMEn2Y2rH3w2tvBwC8Z3F2BWd716zBO8rz5SNA8pheOtwpb' },
      ],
      noMatch: ['STRIPE_WEBHOOK_SECRET=whsec_...', 'endpointSecret = "whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'],
    },
  },
];
