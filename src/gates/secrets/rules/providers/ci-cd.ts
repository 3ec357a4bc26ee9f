import type { SecretRule } from '../../rule.js';
import { UUID, assignedTo, prefixedToken } from './patterns.js';

const family = 'ci-cd';

export const rules: SecretRule[] = [
  {
    id: 'netlify-personal-access-token',
    formatSource: 'described',
    title: 'Netlify personal access token',
    severity: 'high',
    family,
    provider: 'Netlify',
    rotateUrl: 'https://app.netlify.com/user/applications#personal-access-tokens',
    regex: prefixedToken('nfp_[A-Za-z0-9]{36}'),
    keywords: ['nfp_'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'NETLIFY_AUTH_TOKEN=nfp_IT7NE7QeEqgqVcTt0rFoL6feOYeYk3N3mVYN', secret: 'nfp_IT7NE7QeEqgqVcTt0rFoL6feOYeYk3N3mVYN' },
        { text: 'netlify deploy --auth nfp_SE49udnen6Wryb8eedGmEjfRfjIg2tvzkTQG --prod', secret: 'nfp_SE49udnen6Wryb8eedGmEjfRfjIg2tvzkTQG' },
      ],
      noMatch: ['NETLIFY_AUTH_TOKEN=nfp_...', { text: 'NETLIFY_AUTH_TOKEN=nfp_HHzDI88JUsZ1', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    id: 'netlify-access-token',
    formatSource: 'described',
    title: 'Netlify access token (unprefixed)',
    severity: 'high',
    family,
    provider: 'Netlify',
    rotateUrl: 'https://app.netlify.com/user/applications#personal-access-tokens',
    // Older personal access tokens are 64 hex characters; newer ones 43 base64url characters.
    regex: assignedTo('netlify', '(?:[a-f0-9]{64}|[A-Za-z0-9_-]{40,46})'),
    flags: 'i',
    keywords: ['netlify'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'NETLIFY_AUTH_TOKEN=qRjPr1-K-JuPUT5zjF21hvSAFE5cBgzEd3B1Ut8B6IV', secret: 'qRjPr1-K-JuPUT5zjF21hvSAFE5cBgzEd3B1Ut8B6IV' },
        { text: 'netlify_token: "yt39y2QxYtO9RpnrrQ2dbh3YXJHk5T1zYucTn7hP"', secret: 'yt39y2QxYtO9RpnrrQ2dbh3YXJHk5T1zYucTn7hP' },
      ],
      noMatch: ['NETLIFY_AUTH_TOKEN=${{ secrets.NETLIFY_AUTH_TOKEN }}', 'NETLIFY_SITE_ID=b094a583-ae92-4cb4-ad2e-64597399e892'],
    },
  },
  {
    id: 'octopus-deploy-api-key',
    formatSource: 'described',
    title: 'Octopus Deploy API key',
    severity: 'high',
    family,
    provider: 'Octopus Deploy',
    // Not after a `/`: a key travels in a header, a query or an assignment, while `/API-…` in a
    // URL path is a page slug.
    regex: prefixedToken('API-[A-Z0-9]{26,32}', String.raw`\w-`, String.raw`\w/-`),
    keywords: ['api-'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'OCTOPUS_API_KEY=API-DFPFFX01OAG1SM6IJMFCM4B82F', secret: 'API-DFPFFX01OAG1SM6IJMFCM4B82F' },
        { text: 'octo push --package app.1.0.0.zip --apiKey API-R0R22763FYXDREO32NOPBRDX0C7', secret: 'API-R0R22763FYXDREO32NOPBRDX0C7' },
      ],
      noMatch: ['OCTOPUS_API_KEY=API-XXXXXXXXXXXXXXXXXXXXXXXXXX', 'X-API-VERSION: 2', 'see https://wiki.corp.internal/pages/API-7Q2KD9LX4MZ8RT3VN6BW1HC5JPY'],
    },
  },
  {
    id: 'prefect-api-key',
    formatSource: 'described',
    title: 'Prefect Cloud API key',
    severity: 'high',
    family,
    provider: 'Prefect',
    rotateUrl: 'https://app.prefect.cloud/my/api-keys',
    regex: prefixedToken('pnu_[A-Za-z0-9]{36}'),
    keywords: ['pnu_'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'PREFECT_API_KEY=pnu_ORzrkmMIFfBjvlbDfwkscBCnFQIBrLV2SNXN', secret: 'pnu_ORzrkmMIFfBjvlbDfwkscBCnFQIBrLV2SNXN' },
        { text: 'prefect cloud login --key pnu_5U8mzTmr9y4gCIoObrxksmgAFJayBLs3832w', secret: 'pnu_5U8mzTmr9y4gCIoObrxksmgAFJayBLs3832w' },
      ],
      noMatch: ['PREFECT_API_KEY=pnu_...', { text: 'PREFECT_API_KEY=pnu_cUdjgucBoa', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    id: 'pulumi-access-token',
    formatSource: 'described',
    title: 'Pulumi access token',
    severity: 'high',
    family,
    provider: 'Pulumi',
    rotateUrl: 'https://app.pulumi.com/account/tokens',
    regex: prefixedToken('pul-[a-f0-9]{40}'),
    keywords: ['pul-'],
    entropy: 3,
    examples: {
      match: [
        { text: 'PULUMI_ACCESS_TOKEN=pul-ff0f116b9d873062431bba12812faa6965f64e93', secret: 'pul-ff0f116b9d873062431bba12812faa6965f64e93' },
        { text: 'pulumi login --token pul-00c5a5d7af24d2df9d4eb080bc73755b9a945a53', secret: 'pul-00c5a5d7af24d2df9d4eb080bc73755b9a945a53' },
      ],
      noMatch: ['PULUMI_ACCESS_TOKEN=pul-0000000000000000000000000000000000000000', 'class="pul-left"'],
    },
  },
  {
    id: 'snyk-api-token',
    formatSource: 'described',
    title: 'Snyk API token',
    severity: 'high',
    family,
    provider: 'Snyk',
    rotateUrl: 'https://app.snyk.io/account',
    regex: assignedTo('snyk', UUID),
    flags: 'i',
    keywords: ['snyk'],
    entropy: 3,
    examples: {
      match: [
        { text: 'SNYK_TOKEN=e39a2650-0039-4878-a343-44a0dcd9800e', secret: 'e39a2650-0039-4878-a343-44a0dcd9800e' },
        { text: 'snyk_api_token: cde143eb-6607-4f9e-b719-4e85d9bd1158', secret: 'cde143eb-6607-4f9e-b719-4e85d9bd1158' },
      ],
      noMatch: ['SNYK_ORG_ID=$ORG', 'SNYK_TOKEN=00000000-0000-0000-0000-000000000000'],
    },
  },
  {
    id: 'sonarqube-token',
    formatSource: 'described',
    title: 'SonarQube / SonarCloud user or analysis token',
    severity: 'high',
    family,
    provider: 'SonarQube',
    // squ_ user, sqp_ project analysis, sqa_ global analysis tokens.
    regex: prefixedToken('sq[upa]_[a-f0-9]{40}'),
    keywords: ['squ_', 'sqp_', 'sqa_'],
    entropy: 3,
    examples: {
      match: [
        { text: 'SONAR_TOKEN=squ_e567b52627aeee95b2b431cf7af15ec9fbed496b', secret: 'squ_e567b52627aeee95b2b431cf7af15ec9fbed496b' },
        { text: 'sonar.login=sqp_c2ae201c2c8f2893b13dd8f35a89d55ea2823a06', secret: 'sqp_c2ae201c2c8f2893b13dd8f35a89d55ea2823a06' },
      ],
      noMatch: ['SONAR_TOKEN=squ_...', { text: 'SONAR_TOKEN=sqx_23010e8f67650250b8c70a0764e65597e8e0e203', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    id: 'sonarqube-legacy-token',
    formatSource: 'described',
    title: 'SonarQube / SonarCloud token (unprefixed)',
    severity: 'high',
    family,
    provider: 'SonarQube',
    regex: assignedTo('sonar[_.-]?(?:login|token|auth)', '[a-f0-9]{40}'),
    flags: 'i',
    keywords: ['sonar'],
    entropy: 3,
    examples: {
      match: [
        { text: 'SONAR_TOKEN=75a250f589d86925342e1db60b1be4c15b1420b4', secret: '75a250f589d86925342e1db60b1be4c15b1420b4' },
        { text: 'sonar.login=113f3aa375456a52c854061bebc466df60326a3d', secret: '113f3aa375456a52c854061bebc466df60326a3d' },
      ],
      noMatch: ['SONAR_HOST_URL=https://sonarcloud.io', 'sonar.projectKey=acme_webapp'],
    },
  },
  {
    id: 'sourcegraph-access-token',
    formatSource: 'described',
    title: 'Sourcegraph access token',
    severity: 'high',
    family: 'source-hosting',
    provider: 'Sourcegraph',
    // sgp_<instance id or "local">_<40 hex>, or the older sgp_<40 hex>. Hex in either case:
    // the prefix is what identifies the token, and copies are upper-cased as often as not.
    regex: prefixedToken('sgp_(?:(?:[a-fA-F0-9]{16}|local)_)?[a-fA-F0-9]{40}'),
    keywords: ['sgp_'],
    entropy: 3,
    examples: {
      match: [
        { text: 'SRC_ACCESS_TOKEN=sgp_f488b439095b1a2a_0617e0cccb83bfd79c804ac2b36ece466662c908', secret: 'sgp_f488b439095b1a2a_0617e0cccb83bfd79c804ac2b36ece466662c908' },
        { text: 'SRC_ACCESS_TOKEN=sgp_local_954cc8fceea55e0f2fadbb7d01f425362cc3c196', secret: 'sgp_local_954cc8fceea55e0f2fadbb7d01f425362cc3c196' },
        { text: 'src_token: "sgp_3A9F1C07D92B4E8A_6C5F0B71E94A2D8F3B65C0A4E7D19E2B7C41D8A3"', secret: 'sgp_3A9F1C07D92B4E8A_6C5F0B71E94A2D8F3B65C0A4E7D19E2B7C41D8A3' },
      ],
      noMatch: ['SRC_ACCESS_TOKEN=sgp_...', { text: 'SRC_ACCESS_TOKEN=sgp_05eb1cdbeab4d5a85822', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    id: 'sourcegraph-legacy-access-token',
    formatSource: 'described',
    title: 'Sourcegraph access token (unprefixed)',
    severity: 'high',
    family: 'source-hosting',
    provider: 'Sourcegraph',
    regex: assignedTo('sourcegraph|src_access_token', '[a-f0-9]{40}'),
    flags: 'i',
    keywords: ['sourcegraph', 'src_access_token'],
    entropy: 3,
    examples: {
      match: [
        { text: 'SRC_ACCESS_TOKEN=1ee5a351d1b7cade181312838200c480dfc8f99d', secret: '1ee5a351d1b7cade181312838200c480dfc8f99d' },
        { text: 'sourcegraph_token: "ed15e012f770402668313f259b57b4e515ca81bc"', secret: 'ed15e012f770402668313f259b57b4e515ca81bc' },
      ],
      noMatch: ['SRC_ENDPOINT=https://sourcegraph.com', 'SRC_ACCESS_TOKEN=$SRC_TOKEN'],
    },
  },
  {
    id: 'teamcity-access-token',
    formatSource: 'described',
    title: 'TeamCity access token',
    severity: 'high',
    family,
    provider: 'TeamCity',
    // The header part is always {"typ": "TCV2"}.
    regex: prefixedToken('eyJ0eXAiOiAiVENWMiJ9\\.[A-Za-z0-9_-]{20,80}\\.[A-Za-z0-9_-]{20,120}'),
    keywords: ['eyj0exaioiaivenwmij9'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'TEAMCITY_TOKEN=eyJ0eXAiOiAiVENWMiJ9.RaBRy3A50VaZ7dhHqz7jX6QHZ4NKsS3srtym.F7xQ0qAoxSr8WrOCBmleLj_df0qpImTuolvSFuOh137TwC3_', secret: 'eyJ0eXAiOiAiVENWMiJ9.RaBRy3A50VaZ7dhHqz7jX6QHZ4NKsS3srtym.F7xQ0qAoxSr8WrOCBmleLj_df0qpImTuolvSFuOh137TwC3_' },
        { text: 'Authorization: Bearer eyJ0eXAiOiAiVENWMiJ9.8EU-6eyuWGKP5T7MLt_-X6_F6qXD6cEMg5bLtktP.NV_rEDZanLLqovUi_ppTBZKhkRKLEhHJEmBVi9LhIFZpda3DlZ3hKrNNiKVZg-es', secret: 'eyJ0eXAiOiAiVENWMiJ9.8EU-6eyuWGKP5T7MLt_-X6_F6qXD6cEMg5bLtktP.NV_rEDZanLLqovUi_ppTBZKhkRKLEhHJEmBVi9LhIFZpda3DlZ3hKrNNiKVZg-es' },
      ],
      noMatch: [{ text: 'TEAMCITY_TOKEN=eyJ0eXAiOiAiVENWMiJ9.', firedBy: ['generic-secret-config'] }, { text: 'TEAMCITY_TOKEN=eyJhbGciOiJIUzI1NiJ9.zy_KzbdHX7bPGfkA6DulcDrqFUtgewrR98EU.8PWCDz8hkXmJWSdeeM-NsHyNAIy4rLiCOu85u2MML6WWGf05', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    id: 'travis-ci-access-token',
    formatSource: 'described',
    title: 'Travis CI API token',
    severity: 'high',
    family,
    provider: 'Travis CI',
    rotateUrl: 'https://app.travis-ci.com/account/preferences',
    regex: assignedTo('travis', '[A-Za-z0-9_-]{22}'),
    flags: 'i',
    keywords: ['travis'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'TRAVIS_API_TOKEN=LpUH8glZSUWOobnUzAQdTN', secret: 'LpUH8glZSUWOobnUzAQdTN' },
        { text: 'travis_token: "Z53waTrctCFDLq1s0SwO7x"', secret: 'Z53waTrctCFDLq1s0SwO7x' },
      ],
      noMatch: ['TRAVIS_BRANCH=feature/login-form-x', 'TRAVIS_API_TOKEN=$TRAVIS_TOKEN'],
    },
  },
  {
    id: 'ngrok-authtoken',
    formatSource: 'described',
    title: 'ngrok authtoken',
    severity: 'high',
    family,
    provider: 'ngrok',
    rotateUrl: 'https://dashboard.ngrok.com/get-started/your-authtoken',
    regex: assignedTo('ngrok', '[A-Za-z0-9]{25,28}_[A-Za-z0-9]{20,22}'),
    flags: 'i',
    keywords: ['ngrok'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'NGROK_AUTHTOKEN=2xpB8iRilN0hyRt4oODtPe0uay3_iYSe2U33sfRhMJiFwd79s', secret: '2xpB8iRilN0hyRt4oODtPe0uay3_iYSe2U33sfRhMJiFwd79s' },
        { text: 'ngrok:\n  authtoken: 2i8E9RshQsnl0bsC4wRVCTYQhWB_lHHdtoGbUq1UtuSBCa4Mf\nngrok_authtoken: "2wBN9pMeEpyQ9Vr0vNXE8LgwY7I_KlGUxEYXHS3Qr2lKndlD7"', secret: '2wBN9pMeEpyQ9Vr0vNXE8LgwY7I_KlGUxEYXHS3Qr2lKndlD7', alsoFiredBy: ['generic-secret-config'] },
      ],
      noMatch: ['NGROK_AUTHTOKEN=<your-authtoken>', 'NGROK_REGION=eu'],
    },
  },
];
