import type { SecretRule } from '../../../rule.js';
import { assignedRule, prefixedRule } from './builders.js';

const URL_SAFE_EDGE = String.raw`\w-`;
const cloudflare = { family: 'cloud', provider: 'Cloudflare', rotateUrl: 'https://dash.cloudflare.com/profile/api-tokens' } as const;
const digitalocean = { family: 'cloud', provider: 'DigitalOcean', rotateUrl: 'https://cloud.digitalocean.com/account/api/tokens' } as const;
const heroku = { family: 'cloud', provider: 'Heroku', rotateUrl: 'https://dashboard.heroku.com/account/applications' } as const;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Cloud platforms A-K: Cloudflare, DigitalOcean, Heroku. */
export const rules: SecretRule[] = [
  prefixedRule({
    ...cloudflare,
    id: 'cloudflare-api-token-prefixed',
    title: 'Cloudflare API token (cfut_/cfat_/cfk_ format)',
    severity: 'critical',
    prefix: ['cfut_', 'cfat_', 'cfk_'],
    body: '[A-Za-z0-9]{40}[0-9a-f]{8}',
    entropy: 4,
    match: [
      { text: 'CLOUDFLARE_API_TOKEN=cfut_WnLtPuDFkgAjWkIzz74MO5xreOm0RH3uPYZav1Nf078ffdb2', secret: 'cfut_WnLtPuDFkgAjWkIzz74MO5xreOm0RH3uPYZav1Nf078ffdb2' },
      { text: 'Authorization: Bearer cfat_oEiuj1gkWYVkSIu3mzvwJtt90VxCoc0GaBeFiVONf967ceec', secret: 'cfat_oEiuj1gkWYVkSIu3mzvwJtt90VxCoc0GaBeFiVONf967ceec' },
      { text: 'X-Auth-Key: cfk_JDdERAyZIIPNw9tUPoOMCnNCzzcrWuM9DibwVwRM04a0a462', secret: 'cfk_JDdERAyZIIPNw9tUPoOMCnNCzzcrWuM9DibwVwRM04a0a462' },
    ],
  }),
  assignedRule({
    ...cloudflare,
    id: 'cloudflare-api-token',
    title: 'Cloudflare API token',
    severity: 'critical',
    names: ['cloudflare', 'cf_api_token', 'cf-api-token', 'cf_token'],
    value: String.raw`[\w-]{40}`,
    edge: URL_SAFE_EDGE,
    entropy: 3.5,
    match: [
      { text: 'CLOUDFLARE_API_TOKEN=gAcOzzQ7cKZW4f1QTbf_R5JnY5s-hMpr9YSgop3c', secret: 'gAcOzzQ7cKZW4f1QTbf_R5JnY5s-hMpr9YSgop3c' },
      { text: 'cloudflareApiToken: "AOuVHf0lzBzKtmG92qj7BF60TqsDvqfCi2fU-jAR"', secret: 'AOuVHf0lzBzKtmG92qj7BF60TqsDvqfCi2fU-jAR' },
    ],
  }),
  assignedRule({
    ...cloudflare,
    id: 'cloudflare-global-api-key',
    title: 'Cloudflare global API key',
    severity: 'critical',
    names: ['cloudflare', 'cf_api_key', 'cf-api-key', 'cf_auth_key'],
    value: '[a-f0-9]{37}',
    entropy: 3,
    match: [
      { text: 'CLOUDFLARE_API_KEY=ee9f64959338d85221bd211eb98f501cc1fd2', secret: 'ee9f64959338d85221bd211eb98f501cc1fd2' },
      { text: 'cf_auth_key: "a6b34a7b6cb057ab26020ca123633a74abc2b"', secret: 'a6b34a7b6cb057ab26020ca123633a74abc2b' },
    ],
  }),
  prefixedRule({
    ...cloudflare,
    id: 'cloudflare-origin-ca-key',
    title: 'Cloudflare Origin CA key',
    severity: 'high',
    prefix: 'v1.0-',
    body: '[a-f0-9]{24}-[a-f0-9]{146}',
    edge: URL_SAFE_EDGE,
    entropy: 3,
    match: [
      { text: 'CF_ORIGIN_CA_KEY=v1.0-7a6dda327690328345e19e81-ee48fdc8601d68f30ad2b314566e0dfda063a07765513f9d1435ba8d2621f4f00cc2076a57985f3d784963f195288fe7cb650193a8347918ea6ecce29fd93d1550aa0ae8c17a0566d8', secret: 'v1.0-7a6dda327690328345e19e81-ee48fdc8601d68f30ad2b314566e0dfda063a07765513f9d1435ba8d2621f4f00cc2076a57985f3d784963f195288fe7cb650193a8347918ea6ecce29fd93d1550aa0ae8c17a0566d8' },
      { text: 'X-Auth-User-Service-Key: v1.0-7a6dda327690328345e19e81-ee48fdc8601d68f30ad2b314566e0dfda063a07765513f9d1435ba8d2621f4f00cc2076a57985f3d784963f195288fe7cb650193a8347918ea6ecce29fd93d1550aa0ae8c17a0566d8', secret: 'v1.0-7a6dda327690328345e19e81-ee48fdc8601d68f30ad2b314566e0dfda063a07765513f9d1435ba8d2621f4f00cc2076a57985f3d784963f195288fe7cb650193a8347918ea6ecce29fd93d1550aa0ae8c17a0566d8' },
    ],
  }),
  prefixedRule({
    ...digitalocean,
    id: 'digitalocean-pat',
    title: 'DigitalOcean personal access token',
    severity: 'critical',
    prefix: 'dop_v1_',
    body: '[a-f0-9]{64}',
    entropy: 3,
    match: [
      { text: 'DIGITALOCEAN_ACCESS_TOKEN=dop_v1_d58f0c11f25f6eb7f138ba5057eb2dcf99b985cab45395ef0e7120a929752ae0', secret: 'dop_v1_d58f0c11f25f6eb7f138ba5057eb2dcf99b985cab45395ef0e7120a929752ae0' },
      { text: 'doctl auth init -t dop_v1_35865d2b997d4cd8f19311a0ab550f8dd7ec00c626007e33d76de59f6d0e9f53', secret: 'dop_v1_35865d2b997d4cd8f19311a0ab550f8dd7ec00c626007e33d76de59f6d0e9f53' },
    ],
  }),
  prefixedRule({
    ...digitalocean,
    id: 'digitalocean-oauth-token',
    title: 'DigitalOcean OAuth access token',
    severity: 'high',
    prefix: 'doo_v1_',
    body: '[a-f0-9]{64}',
    entropy: 3,
    match: [
      { text: '"access_token": "doo_v1_38197ac49072a29365e24da8972625bd46e71e2eb4cdbfe817e0706aae771ddf"', secret: 'doo_v1_38197ac49072a29365e24da8972625bd46e71e2eb4cdbfe817e0706aae771ddf' },
      { text: 'Authorization: Bearer doo_v1_38197ac49072a29365e24da8972625bd46e71e2eb4cdbfe817e0706aae771ddf', secret: 'doo_v1_38197ac49072a29365e24da8972625bd46e71e2eb4cdbfe817e0706aae771ddf' },
    ],
  }),
  prefixedRule({
    ...digitalocean,
    id: 'digitalocean-refresh-token',
    title: 'DigitalOcean OAuth refresh token',
    severity: 'high',
    prefix: 'dor_v1_',
    body: '[a-f0-9]{64}',
    entropy: 3,
    match: [
      { text: '"refresh_token": "dor_v1_c1ecedec32661ad2a4503146fefad7191fbf697c75fa1a0ca11ef8a2d9b83d15"', secret: 'dor_v1_c1ecedec32661ad2a4503146fefad7191fbf697c75fa1a0ca11ef8a2d9b83d15' },
      { text: 'DO_REFRESH=dor_v1_c1ecedec32661ad2a4503146fefad7191fbf697c75fa1a0ca11ef8a2d9b83d15', secret: 'dor_v1_c1ecedec32661ad2a4503146fefad7191fbf697c75fa1a0ca11ef8a2d9b83d15' },
    ],
  }),
  assignedRule({
    ...heroku,
    id: 'heroku-api-key',
    title: 'Heroku API key (UUID format)',
    severity: 'high',
    names: ['heroku'],
    value: UUID,
    edge: URL_SAFE_EDGE,
    entropy: 3,
    match: [
      { text: 'HEROKU_API_KEY=3f64ae98-8c9f-0432-5289-787633a867c9', secret: '3f64ae98-8c9f-0432-5289-787633a867c9' },
      { text: 'heroku_token: "42bb4d08-0415-b72d-03dc-33c4f89ab5ea"', secret: '42bb4d08-0415-b72d-03dc-33c4f89ab5ea' },
    ],
    noMatch: ['HEROKU_API_KEY=00000000-0000-0000-0000-000000000000'],
  }),
  prefixedRule({
    ...heroku,
    id: 'heroku-api-key-v2',
    title: 'Heroku API key (HRKU- format)',
    severity: 'high',
    prefix: 'HRKU-AA',
    body: String.raw`[\w-]{58}`,
    edge: URL_SAFE_EDGE,
    entropy: 4,
    match: [
      { text: 'HEROKU_API_KEY=HRKU-AAIeEvADrQp8eGuXqiHoUhUTfmU9VG1YoW2AUtoP5Lrv2AaAi4xf2TB_02Oe', secret: 'HRKU-AAIeEvADrQp8eGuXqiHoUhUTfmU9VG1YoW2AUtoP5Lrv2AaAi4xf2TB_02Oe' },
      { text: 'heroku: { apiKey: "HRKU-AAEfG3r17T6vnH8O66Vk-3Hzc0Z33MnZx9w-G_3yZ2CDh5tRsHtOOcyWaiK-" }', secret: 'HRKU-AAEfG3r17T6vnH8O66Vk-3Hzc0Z33MnZx9w-G_3yZ2CDh5tRsHtOOcyWaiK-' },
    ],
  }),
];
