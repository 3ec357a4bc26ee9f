import type { SecretRule } from '../../rule.js';
import { assignedRule, prefixedRule } from './builders.js';

const URL_SAFE_EDGE = String.raw`\w=-`;
const atlassian = { family: 'saas', provider: 'Atlassian', rotateUrl: 'https://id.atlassian.com/manage-profile/security/api-tokens' } as const;
const bitbucket = { family: 'source-hosting', provider: 'Bitbucket', rotateUrl: 'https://bitbucket.org/account/settings/app-passwords/' } as const;

/** Atlassian (Jira, Confluence) API tokens and Bitbucket app passwords and OAuth consumers. */
export const rules: SecretRule[] = [
  prefixedRule({
    ...atlassian,
    id: 'atlassian-api-token',
    formatSource: 'described',
    title: 'Atlassian API token (Jira, Confluence, Bitbucket)',
    severity: 'high',
    prefix: 'ATATT3',
    body: '[A-Za-z0-9_=-]{180,200}',
    edge: URL_SAFE_EDGE,
    entropy: 4,
    match: [
      { text: 'JIRA_API_TOKEN=ATATT3xFfGF0xmR_OHCtYE7eKwhANr3MAR2SWN3Hufm6HoalfTUH9B-Ry5FyaJLuuQ3t60_mn-T4-Cxmnv-98-8Uw4THq3GTT8UWY7QddeeXMbYoi_E_Ry7O1cwKhwqtMEcuGisSqjLhp2b9nCZrx2iLojPvPxTr01yZIw5VLIwyareOeWJJii6N2qZAbk9k', secret: 'ATATT3xFfGF0xmR_OHCtYE7eKwhANr3MAR2SWN3Hufm6HoalfTUH9B-Ry5FyaJLuuQ3t60_mn-T4-Cxmnv-98-8Uw4THq3GTT8UWY7QddeeXMbYoi_E_Ry7O1cwKhwqtMEcuGisSqjLhp2b9nCZrx2iLojPvPxTr01yZIw5VLIwyareOeWJJii6N2qZAbk9k' },
      { text: 'confluence: { token: "ATATT3xFfGF0XyeiuKCF7IYtJzXoV6wBJyOkEkiojoGL0nBz6B77Mjl9IsYFk-RgHVKypcYjG9UXrjr6EbWbSnZO1Vj_a8iGTJ-NlR9f27GGzrexT9HbT73c8ok9spke_BC25Y4hZJhO16kPPQYYtds5UDvrGS6qFyaTfnCwN9VE7uIarfDgCFk2s3LZZTDC" }', secret: 'ATATT3xFfGF0XyeiuKCF7IYtJzXoV6wBJyOkEkiojoGL0nBz6B77Mjl9IsYFk-RgHVKypcYjG9UXrjr6EbWbSnZO1Vj_a8iGTJ-NlR9f27GGzrexT9HbT73c8ok9spke_BC25Y4hZJhO16kPPQYYtds5UDvrGS6qFyaTfnCwN9VE7uIarfDgCFk2s3LZZTDC' },
    ],
  }),
  prefixedRule({
    ...atlassian,
    id: 'atlassian-admin-api-key',
    formatSource: 'described',
    title: 'Atlassian organization admin API key',
    severity: 'critical',
    rotateUrl: 'https://admin.atlassian.com/',
    prefix: 'ATCTT3',
    body: '[A-Za-z0-9_=-]{180,200}',
    edge: URL_SAFE_EDGE,
    entropy: 4,
    match: [
      { text: 'ATLASSIAN_ORG_KEY=ATCTT3xFfGN0qmDMT3yu6Kck5gW0Pz9T0sU3dzxoYzSnGJ5AwjFZXsusSat5JWn_ZZ6w7NF50DDneJpa0QGbt10C9KKw7U46u50z0uXmsNZTbrMAK5abCUhmAAuiFdGWHDTqul0tWfLosJL_FATb4y61oV4PpERWp87bq8_cIQoHih6MSqdqHU0sq8Mueqec', secret: 'ATCTT3xFfGN0qmDMT3yu6Kck5gW0Pz9T0sU3dzxoYzSnGJ5AwjFZXsusSat5JWn_ZZ6w7NF50DDneJpa0QGbt10C9KKw7U46u50z0uXmsNZTbrMAK5abCUhmAAuiFdGWHDTqul0tWfLosJL_FATb4y61oV4PpERWp87bq8_cIQoHih6MSqdqHU0sq8Mueqec' },
      { text: 'Authorization: Bearer ATCTT3xFfGN0qmDMT3yu6Kck5gW0Pz9T0sU3dzxoYzSnGJ5AwjFZXsusSat5JWn_ZZ6w7NF50DDneJpa0QGbt10C9KKw7U46u50z0uXmsNZTbrMAK5abCUhmAAuiFdGWHDTqul0tWfLosJL_FATb4y61oV4PpERWp87bq8_cIQoHih6MSqdqHU0sq8Mueqec', secret: 'ATCTT3xFfGN0qmDMT3yu6Kck5gW0Pz9T0sU3dzxoYzSnGJ5AwjFZXsusSat5JWn_ZZ6w7NF50DDneJpa0QGbt10C9KKw7U46u50z0uXmsNZTbrMAK5abCUhmAAuiFdGWHDTqul0tWfLosJL_FATb4y61oV4PpERWp87bq8_cIQoHih6MSqdqHU0sq8Mueqec' },
    ],
  }),
  assignedRule({
    ...atlassian,
    id: 'atlassian-legacy-api-token',
    formatSource: 'described',
    title: 'Atlassian API token (legacy 24-character format)',
    severity: 'high',
    names: ['atlassian', 'confluence', 'jira'],
    value: '[A-Za-z0-9]{24}',
    entropy: 3.5,
    // Identifiers such as project keys are one-case words; the tokens mix case and digits.
    allow: ['^[A-Z]+$', '^[a-z]+$'],
    match: [
      { text: 'JIRA_API_TOKEN=sVvAT9chNwueFPOLFUztsuXA', secret: 'sVvAT9chNwueFPOLFUztsuXA' },
      { text: 'confluence.password: "6EXqjWK3QvDrtyUHBdhwrgyN"', secret: '6EXqjWK3QvDrtyUHBdhwrgyN' },
    ],
    noMatch: ['JIRA_BASE_URL=https://acme.atlassian.net', 'jira_issue_key: PROJECTKEYWITHOUTNUMBERS'],
  }),
  assignedRule({
    ...atlassian,
    id: 'atlassian-data-center-pat',
    formatSource: 'described',
    title: 'Jira / Confluence / Bitbucket Data Center personal access token',
    severity: 'high',
    names: ['jira', 'confluence', 'bitbucket', 'atlassian', 'bamboo'],
    // base64 of "<12-digit token id>:<20 random bytes>", 44 characters. Each three ASCII digits
    // encode as [MNO][DTjz][AEIMQUYcgk][w-z0-5], and the colon opens the fifth group as O[g-v]:
    // the shape is the encoding itself, not a guess.
    value: '(?:[MNO][DTjz][AEIMQUYcgk][w-z0-5]){4}O[g-v][A-Za-z0-9+/]{26}',
    edge: String.raw`\w+/-`,
    entropy: 3.5,
    match: [
      { text: 'JIRA_PAT=OTQ1ODA3MzAyMTU3Ot4/YYsakj8DuzdoRy7q3sRjKMPM', secret: 'OTQ1ODA3MzAyMTU3Ot4/YYsakj8DuzdoRy7q3sRjKMPM' },
      { text: 'confluence_token: "MTI5OTcyMjAwMzMyOt8qSlD2MorgraA0LvD3sDL39+Ri"', secret: 'MTI5OTcyMjAwMzMyOt8qSlD2MorgraA0LvD3sDL39+Ri' },
      { text: 'bitbucket.token = NDA1NjIyNDE1NDk5OgCYrbVWEE9a0U57slAve3i0LQ5B', secret: 'NDA1NjIyNDE1NDk5OgCYrbVWEE9a0U57slAve3i0LQ5B' },
    ],
    // 44 base64 characters that are not "<digits>:<bytes>"; a Cloud API token is another rule's.
    noMatch: ['JIRA_PAT=Kq7Wz2Lm9Xv4Rt8Bn3Hp6Ys1Df5Gj0Ca2Ev8QwTy4U', 'jira_base_url: https://jira.corp.internal/rest/api/2'],
  }),
  prefixedRule({
    ...bitbucket,
    id: 'bitbucket-app-password',
    formatSource: 'described',
    cutShortFiredBy: ['generic-password-config'],
    title: 'Bitbucket app password / API token',
    severity: 'high',
    prefix: 'ATBB',
    body: '[A-Za-z0-9_=.-]{32}',
    edge: String.raw`\w=.-`,
    entropy: 3.5,
    match: [
      { text: 'BITBUCKET_APP_PASSWORD=ATBBfTWmGKOFpKqRXa1ujnyGr8NJFhFQMN7d', secret: 'ATBBfTWmGKOFpKqRXa1ujnyGr8NJFhFQMN7d' },
      { text: 'git clone https://acme:ATBBVfseWDUJAcqnkbMBVvcFzupFcYjZVRzE@bitbucket.org/acme/app.git', secret: 'ATBBVfseWDUJAcqnkbMBVvcFzupFcYjZVRzE' },
    ],
  }),
  assignedRule({
    ...bitbucket,
    id: 'bitbucket-client-id',
    formatSource: 'described',
    title: 'Bitbucket OAuth consumer key',
    severity: 'low',
    rotateUrl: 'https://bitbucket.org/account/settings/',
    names: ['bitbucket'],
    value: '[A-Za-z0-9]{32}',
    entropy: 3.5,
    match: [
      { text: 'BITBUCKET_CLIENT_ID=qo2XO38lxJfsYFMgZubDRhdpuQJELI2Q', secret: 'qo2XO38lxJfsYFMgZubDRhdpuQJELI2Q' },
      { text: '"bitbucketKey": "qo2XO38lxJfsYFMgZubDRhdpuQJELI2Q"', secret: 'qo2XO38lxJfsYFMgZubDRhdpuQJELI2Q' },
    ],
  }),
  assignedRule({
    ...bitbucket,
    id: 'bitbucket-client-secret',
    formatSource: 'described',
    title: 'Bitbucket OAuth consumer secret',
    severity: 'high',
    rotateUrl: 'https://bitbucket.org/account/settings/',
    names: ['bitbucket'],
    value: '[A-Za-z0-9_=-]{64}',
    edge: URL_SAFE_EDGE,
    entropy: 4,
    match: [
      { text: 'BITBUCKET_CLIENT_SECRET=uitjTNDovqllK5hDFGjHxi93MjMbiqbrlEMjNNMolLmK5KblE1wO2OxwB178jI7a', secret: 'uitjTNDovqllK5hDFGjHxi93MjMbiqbrlEMjNNMolLmK5KblE1wO2OxwB178jI7a' },
      { text: "bitbucket_secret: 'uitjTNDovqllK5hDFGjHxi93MjMbiqbrlEMjNNMolLmK5KblE1wO2OxwB178jI7a'", secret: 'uitjTNDovqllK5hDFGjHxi93MjMbiqbrlEMjNNMolLmK5KblE1wO2OxwB178jI7a' },
    ],
  }),
];
