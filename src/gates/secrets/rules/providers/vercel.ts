import type { MatchExample, NoMatchExample, SecretRule } from '../../rule.js';
import { prefixedToken } from './patterns.js';

const provider = 'Vercel';
const family = 'ci-cd';

function vercelToken(prefix: string, id: string, title: string, rotateUrl: string, match: MatchExample[], noMatch: (string | NoMatchExample)[]): SecretRule {
  return {
    id,
    formatSource: 'described',
    title,
    severity: 'high',
    family,
    provider,
    rotateUrl,
    regex: prefixedToken(`${prefix}_[A-Za-z0-9]{20,60}`),
    keywords: [`${prefix}_`],
    entropy: 3.5,
    examples: { match, noMatch },
  };
}

const tokensPage = 'https://vercel.com/account/tokens';
const integrationsPage = 'https://vercel.com/dashboard/integrations';

export const rules: SecretRule[] = [
  vercelToken('vcp', 'vercel-personal-access-token', 'Vercel personal access token', tokensPage,
    [
      { text: 'VERCEL_TOKEN=vcp_O4tY2xYweMoHsYKGYwbNHQn8T1TjAdQZRe5DFuQa', secret: 'vcp_O4tY2xYweMoHsYKGYwbNHQn8T1TjAdQZRe5DFuQa' },
      { text: 'vercel deploy --token vcp_cBxMbhuhw1mIXBswSyxyE7sy', secret: 'vcp_cBxMbhuhw1mIXBswSyxyE7sy' },
    ],
    ['VERCEL_TOKEN=vcp_xxxxxxxxxxxxxxxxxxxxxxxx', { text: 'VERCEL_TOKEN=vcp_4YoBxPtFtNjZ', firedBy: ['generic-secret-config'] }]),
  vercelToken('vci', 'vercel-integration-token', 'Vercel integration token', integrationsPage,
    [
      { text: 'VERCEL_INTEGRATION_TOKEN=vci_zc4mmu4EvISgyZgGU1suUjUPtlBAWgwnqjzQoyiS', secret: 'vci_zc4mmu4EvISgyZgGU1suUjUPtlBAWgwnqjzQoyiS' },
      { text: '"token": "vci_ihv3HDTuuZ4flZCqP7K7ELBK2jv5iBop"', secret: 'vci_ihv3HDTuuZ4flZCqP7K7ELBK2jv5iBop' },
    ],
    ['VERCEL_INTEGRATION_TOKEN=vci_<token>', '"token": "vci_aaaaaaaaaaaaaaaaaaaaaaaa"']),
  vercelToken('vca', 'vercel-app-access-token', 'Vercel app access token', integrationsPage,
    [
      { text: 'VERCEL_APP_TOKEN=vca_ukXxqmJm4XsEydpxFM1Am0O3Zre6t4ZwkoMx6bAf', secret: 'vca_ukXxqmJm4XsEydpxFM1Am0O3Zre6t4ZwkoMx6bAf' },
      { text: 'access_token: vca_3VOHHfy6uFZvdLadbYwhaApwOecDjRvlCLz3GL0F4WKgvhik', secret: 'vca_3VOHHfy6uFZvdLadbYwhaApwOecDjRvlCLz3GL0F4WKgvhik' },
    ],
    ['VERCEL_APP_TOKEN=vca_', { text: 'access_token: vca_nFNNz8zkTU', firedBy: ['generic-secret-config'] }]),
  vercelToken('vcr', 'vercel-app-refresh-token', 'Vercel app refresh token', integrationsPage,
    [
      { text: 'VERCEL_REFRESH_TOKEN=vcr_y6VZtrcLFVDfFSePxh395MPESqBfR2yA7h3v9jSx', secret: 'vcr_y6VZtrcLFVDfFSePxh395MPESqBfR2yA7h3v9jSx' },
      { text: '"refresh_token": "vcr_BDxuFuVoza3UkGxf2UzuyFsydPOku88jkNtFmKQTlxmEex0g"', secret: 'vcr_BDxuFuVoza3UkGxf2UzuyFsydPOku88jkNtFmKQTlxmEex0g' },
    ],
    ['VERCEL_REFRESH_TOKEN=vcr_XXXXXXXXXXXXXXXXXXXXXXXX', '"refresh_token": "vcr_${REFRESH}"']),
  vercelToken('vck', 'vercel-ai-gateway-key', 'Vercel AI Gateway API key', 'https://vercel.com/dashboard/ai-gateway',
    [
      { text: 'AI_GATEWAY_API_KEY=vck_pCMP5yMcrDHLf7t7B9Y0j7GQYGEmKSjLMF0YWGEw', secret: 'vck_pCMP5yMcrDHLf7t7B9Y0j7GQYGEmKSjLMF0YWGEw' },
      { text: "apiKey: 'vck_PGT0WQ1sC5uC3qWgivQRUz60LF8cGi1a1fmfTS1TMDK2nTiFhBS2OppP'", secret: 'vck_PGT0WQ1sC5uC3qWgivQRUz60LF8cGi1a1fmfTS1TMDK2nTiFhBS2OppP' },
    ],
    ['AI_GATEWAY_API_KEY=vck_...', "apiKey: 'vck_0000000000000000000000000'"]),
];
