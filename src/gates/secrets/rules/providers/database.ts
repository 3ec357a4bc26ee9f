import type { SecretRule } from '../../rule.js';
import { prefixedToken } from './patterns.js';

const family = 'database';
// PlanetScale bodies may contain '.', '=' and '-', so the token ends at the first other character
// (but may follow the '=' of an assignment).
const planetscaleChars = '\\w.=-';

export const rules: SecretRule[] = [
  {
    id: 'planetscale-password',
    formatSource: 'described',
    title: 'PlanetScale database password',
    severity: 'critical',
    family,
    provider: 'PlanetScale',
    rotateUrl: 'https://planetscale.com/docs/concepts/connection-strings',
    regex: prefixedToken('pscale_pw_[A-Za-z0-9_=.-]{32,64}', planetscaleChars, '\\w.-'),
    keywords: ['pscale_pw_'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'DATABASE_URL=mysql://user:pscale_pw_h5tWqReFZh37N-x-sErvYYpSf2VAxpiGpxM5qDDR1Dx@aws.connect.psdb.cloud/app?ssl={"rejectUnauthorized":true}', secret: 'pscale_pw_h5tWqReFZh37N-x-sErvYYpSf2VAxpiGpxM5qDDR1Dx' },
        { text: 'password: pscale_pw_8X0j7vMoDDa5jRy5T6aSyW2nrsyzaRFDCT93Cigaivz', secret: 'pscale_pw_8X0j7vMoDDa5jRy5T6aSyW2nrsyzaRFDCT93Cigaivz' },
      ],
      noMatch: ['password: pscale_pw_<password>', { text: 'password: pscale_pw_90fwom6ZOWX0b1Wb', firedBy: ['generic-password-config'] }],
    },
  },
  {
    id: 'planetscale-service-token',
    formatSource: 'described',
    title: 'PlanetScale API service token',
    severity: 'critical',
    family,
    provider: 'PlanetScale',
    rotateUrl: 'https://app.planetscale.com',
    regex: prefixedToken('pscale_tkn_[A-Za-z0-9_=.-]{32,64}', planetscaleChars, '\\w.-'),
    keywords: ['pscale_tkn_'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'PLANETSCALE_SERVICE_TOKEN=pscale_tkn_ArSM0yEtU_m541lDLh21lLrZnZgi_IfLBVAokomA6Eg', secret: 'pscale_tkn_ArSM0yEtU_m541lDLh21lLrZnZgi_IfLBVAokomA6Eg' },
        { text: 'service_token: "pscale_tkn_BxIapHrgDHGk2QW4dml8rVQT24RIYkeVkfRznLuPXDu"', secret: 'pscale_tkn_BxIapHrgDHGk2QW4dml8rVQT24RIYkeVkfRznLuPXDu' },
      ],
      noMatch: ['PLANETSCALE_SERVICE_TOKEN=pscale_tkn_...', 'PLANETSCALE_SERVICE_TOKEN_ID=cvejd4f68m36'],
    },
  },
  {
    id: 'planetscale-oauth-token',
    formatSource: 'described',
    title: 'PlanetScale OAuth token',
    severity: 'high',
    family,
    provider: 'PlanetScale',
    rotateUrl: 'https://app.planetscale.com',
    regex: prefixedToken('pscale_oauth_[A-Za-z0-9_=.-]{32,64}', planetscaleChars, '\\w.-'),
    keywords: ['pscale_oauth_'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'PLANETSCALE_OAUTH_TOKEN=pscale_oauth_KTSxvP4AOkxGH87l6QwM8X73D3OkRcYz6DqE0EZ7AvH', secret: 'pscale_oauth_KTSxvP4AOkxGH87l6QwM8X73D3OkRcYz6DqE0EZ7AvH' },
        { text: 'token: pscale_oauth_a4abavS26cLpa6ZfEqe6TpgkFOMZ34ehuHCviHlhqel1clU6dj', secret: 'pscale_oauth_a4abavS26cLpa6ZfEqe6TpgkFOMZ34ehuHCviHlhqel1clU6dj' },
      ],
      noMatch: ['PLANETSCALE_OAUTH_TOKEN=pscale_oauth_${TOKEN}', 'token: pscale_oauth_short'],
    },
  },
  {
    id: 'supabase-personal-access-token',
    formatSource: 'described',
    title: 'Supabase personal access token',
    severity: 'critical',
    family,
    provider: 'Supabase',
    rotateUrl: 'https://supabase.com/dashboard/account/tokens',
    regex: prefixedToken('sbp_[a-f0-9]{40}'),
    keywords: ['sbp_'],
    entropy: 3,
    examples: {
      match: [
        { text: 'SUPABASE_ACCESS_TOKEN=sbp_acdd81eeb3c6f24cdcbcf991bad47addb16ef53e', secret: 'sbp_acdd81eeb3c6f24cdcbcf991bad47addb16ef53e' },
        { text: 'supabase login --token sbp_bbdb6fbcaa9b355dbc5bd3ad54825452b3a770be', secret: 'sbp_bbdb6fbcaa9b355dbc5bd3ad54825452b3a770be' },
      ],
      noMatch: ['SUPABASE_ACCESS_TOKEN=sbp_...', 'SUPABASE_ACCESS_TOKEN=sbp_0000000000000000000000000000000000000000'],
    },
  },
  {
    id: 'supabase-secret-key',
    formatSource: 'described',
    title: 'Supabase secret API key',
    severity: 'critical',
    family,
    provider: 'Supabase',
    rotateUrl: 'https://supabase.com/dashboard/project/_/settings/api-keys',
    regex: prefixedToken('sb_secret_[A-Za-z0-9_-]{20,64}'),
    keywords: ['sb_secret_'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'SUPABASE_SECRET_KEY=sb_secret_LZuQJWyvBR3Cg6WBiPrdR9e9qN8XRx7', secret: 'sb_secret_LZuQJWyvBR3Cg6WBiPrdR9e9qN8XRx7' },
        { text: "createClient(url, 'sb_secret_b5piKYCKDn510gVhVuZGUihLVsGImFjIhiWa4dSR')", secret: 'sb_secret_b5piKYCKDn510gVhVuZGUihLVsGImFjIhiWa4dSR' },
      ],
      noMatch: ['SUPABASE_PUBLISHABLE_KEY=sb_publishable_wqsD5hA0gOret7L7OYs0s4IYfCUdnML', 'SUPABASE_SECRET_KEY=sb_secret_...'],
    },
  },
];
