import type { SecretRule } from '../../rule.js';
import { anyCase, anyCaseOf, assignedToName, PLACEHOLDERS, standalone } from './patterns.js';

const github = { provider: 'GitHub', family: 'source-hosting', rotateUrl: 'https://github.com/settings/tokens' } as const;
const githubApps = { ...github, rotateUrl: 'https://github.com/settings/apps' } as const;
// The sample token GitHub's REST API reference uses in its response examples.
const GITHUB_DOCS_SAMPLES = [...PLACEHOLDERS, '16C7e42F292c6912E7710c838347Ae178B4a'];

/** GitHub: classic and fine-grained PATs, OAuth, GitHub App tokens, OAuth app client secrets. */
export const rules: SecretRule[] = [
  {
    ...github,
    id: 'github-classic-pat',
    formatSource: 'described',
    title: 'GitHub personal access token (classic)',
    severity: 'critical',
    regex: standalone('ghp_[A-Za-z0-9]{36}'),
    keywords: ['ghp_'],
    entropy: 3,
    allow: GITHUB_DOCS_SAMPLES,
    examples: {
      match: [
        { text: 'GITHUB_TOKEN=ghp_ooIS5nTDVCuel9aU3vGjsWMWQ9uYwD5wbijn', secret: 'ghp_ooIS5nTDVCuel9aU3vGjsWMWQ9uYwD5wbijn' },
        { text: 'git clone https://ghp_iWPXIPD8XhoxGJ2uRpB9xeCzishYZRl12JcA@github.com/acme/app.git', secret: 'ghp_iWPXIPD8XhoxGJ2uRpB9xeCzishYZRl12JcA' },
      ],
      noMatch: ['GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', { text: 'token: ghp_ooIS5nTDVCuel9aU3vGjsWMWQ9uYwD5w', firedBy: ['generic-secret-config'] }, 'GITHUB_TOKEN=ghp_${{ secrets.PAT }}'],
    },
  },
  {
    ...github,
    id: 'github-fine-grained-pat',
    formatSource: 'described',
    title: 'GitHub fine-grained personal access token',
    severity: 'critical',
    // GitHub writes github_pat_<22>_<59>; gitleaks reads any 82 word characters after the
    // prefix, which also takes copies whose inner underscore moved or was dropped.
    regex: standalone('github_pat_\\w{82}'),
    keywords: ['github_pat_'],
    entropy: 3,
    allow: GITHUB_DOCS_SAMPLES,
    examples: {
      match: [
        { text: 'GH_TOKEN=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', secret: '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' },
        { text: '"token": "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"', secret: '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' },
        { text: 'gh_token = "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"', secret: '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' },
      ],
      noMatch: [{ text: 'GH_TOKEN=github_pat_11XNW77XR0HZ9R2NGOES4U_NPW5oBoHxJamqajOuViMeN', firedBy: ['generic-secret-config'] }, 'GH_TOKEN=github_pat_<your-token>'],
    },
  },
  {
    ...github,
    id: 'github-oauth-access-token',
    formatSource: 'described',
    title: 'GitHub OAuth access token',
    severity: 'critical',
    regex: standalone('gho_[A-Za-z0-9]{36}'),
    keywords: ['gho_'],
    entropy: 3,
    allow: GITHUB_DOCS_SAMPLES,
    examples: {
      match: [
        { text: 'oauth_token: gho_zZHkaFCpN0IC3jYflx7AlKsoSkTHCMFJp9LP', secret: 'gho_zZHkaFCpN0IC3jYflx7AlKsoSkTHCMFJp9LP' },
        { text: '{"access_token":"gho_PV6y2jQMAw6B55kisDmtcirRgHv0TfXfCCuR","token_type":"bearer"}', secret: 'gho_PV6y2jQMAw6B55kisDmtcirRgHv0TfXfCCuR' },
      ],
      noMatch: ['oauth_token: gho_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', { text: 'oauth_token: gho_zZHkaFCpN0IC3jYflx7AlKsoSkTHCMFJp9LPzz', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    ...githubApps,
    id: 'github-app-user-token',
    formatSource: 'described',
    title: 'GitHub App user-to-server token',
    severity: 'high',
    regex: standalone('ghu_[A-Za-z0-9]{36}'),
    keywords: ['ghu_'],
    entropy: 3,
    allow: GITHUB_DOCS_SAMPLES,
    examples: {
      match: [
        { text: 'token = "ghu_UuPguWFz7rnzXtaafvndZKK3mYvHoZTzLGWv"', secret: 'ghu_UuPguWFz7rnzXtaafvndZKK3mYvHoZTzLGWv' },
        { text: 'Authorization: token ghu_0ZzDOYnd3MRVYwx854N1vTHjvWl939CBxPzl', secret: 'ghu_0ZzDOYnd3MRVYwx854N1vTHjvWl939CBxPzl' },
      ],
      noMatch: ['token = "ghu_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', { text: 'token = "ghu_UuPguWFz7rnzXtaafvndZKK3"', firedBy: ['generic-secret'] }],
    },
  },
  {
    ...githubApps,
    id: 'github-app-installation-token',
    formatSource: 'described',
    title: 'GitHub App installation (server-to-server) token',
    severity: 'high',
    regex: standalone('ghs_[A-Za-z0-9]{36}'),
    keywords: ['ghs_'],
    entropy: 3,
    allow: GITHUB_DOCS_SAMPLES,
    examples: {
      match: [
        { text: 'GITHUB_TOKEN=ghs_lMALiQkVzG1ledAJKbH8ChaYfbPjXgBdWO8W', secret: 'ghs_lMALiQkVzG1ledAJKbH8ChaYfbPjXgBdWO8W' },
        { text: 'x-access-token:ghs_WuJHrwNPfgtzU1xEv24IhqzK9UKt7MJXxCKq@github.com', secret: 'ghs_WuJHrwNPfgtzU1xEv24IhqzK9UKt7MJXxCKq' },
      ],
      noMatch: ['GITHUB_TOKEN=ghs_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', { text: 'GITHUB_TOKEN=ghs_lMALiQkVzG1ledAJKbH8ChaYfbPjXgBdWO8W_extra', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    ...githubApps,
    id: 'github-app-installation-token-jwt',
    formatSource: 'described',
    title: 'GitHub App installation token (signed, JWT-shaped format)',
    severity: 'high',
    regex: standalone(String.raw`ghs_\d{1,20}_[\w-]{10,1000}\.[\w-]{10,4000}\.[\w-]{10,1000}`, String.raw`\w.-`),
    keywords: ['ghs_'],
    entropy: 4,
    examples: {
      match: [
        { text: 'GITHUB_TOKEN=ghs_01474270_eyJC5vNHfKrYarhlvt2CFqXseLAEQpCOC9njuhZuFJ_.eyJFYxnr-LypAIt3KfdTZMgi3i-0uQVJPWxcvYlVG29w70-zq5xxOzlM3lGTG9N.Wy3sVNLRKVZsFjArIXb81B5XtRSK8yjxcWqaYhkFrcH', secret: 'ghs_01474270_eyJC5vNHfKrYarhlvt2CFqXseLAEQpCOC9njuhZuFJ_.eyJFYxnr-LypAIt3KfdTZMgi3i-0uQVJPWxcvYlVG29w70-zq5xxOzlM3lGTG9N.Wy3sVNLRKVZsFjArIXb81B5XtRSK8yjxcWqaYhkFrcH' },
        { text: 'token: ghs_92837465_eyJ0eXAiOiJKV1QiLCJhbGci.eyJpc3MiOiIxMjM0NTYiLCJpbnN0YWxsYXRpb24iOjk4NzY1fQ.Qm9yZGVyQ29sbGllUnVuc0Zhc3RPdmVyRmllbGRz', secret: 'ghs_92837465_eyJ0eXAiOiJKV1QiLCJhbGci.eyJpc3MiOiIxMjM0NTYiLCJpbnN0YWxsYXRpb24iOjk4NzY1fQ.Qm9yZGVyQ29sbGllUnVuc0Zhc3RPdmVyRmllbGRz' },
      ],
      noMatch: ['ghs_123_abc.def.ghi', 'ghs_01474270_<header>.<payload>.<signature>'],
    },
  },
  {
    ...github,
    id: 'github-refresh-token',
    formatSource: 'described',
    title: 'GitHub refresh token',
    severity: 'high',
    regex: standalone('ghr_[A-Za-z0-9]{36,76}'),
    keywords: ['ghr_'],
    entropy: 3,
    allow: GITHUB_DOCS_SAMPLES,
    examples: {
      match: [
        { text: 'refresh_token=ghr_gJGUDvVhxkX2JyIRF31NWPVXsnuQDWPAiMTh', secret: 'ghr_gJGUDvVhxkX2JyIRF31NWPVXsnuQDWPAiMTh' },
        { text: '"refresh_token": "ghr_W9cf0o45ju7t9mM8BDe3mtKxGbxjwIZgfYyBGMtBMIr4FNI01G8aWpHirjlHhBBf0WxCq1e6m2Xf"', secret: 'ghr_W9cf0o45ju7t9mM8BDe3mtKxGbxjwIZgfYyBGMtBMIr4FNI01G8aWpHirjlHhBBf0WxCq1e6m2Xf' },
      ],
      noMatch: ['refresh_token=ghr_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', { text: 'refresh_token=ghr_gJGUDvVhxkX2', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    ...githubApps,
    id: 'github-oauth-client-secret',
    formatSource: 'described',
    title: 'GitHub OAuth / GitHub App client secret',
    severity: 'high',
    regex: assignedToName(anyCase('github') + String.raw`[\w.-]{0,20}?` + anyCase('secret'), '[a-f0-9]{40}'),
    keywords: ['github'],
    entropy: 3,
    allow: GITHUB_DOCS_SAMPLES,
    examples: {
      match: [
        { text: 'GITHUB_CLIENT_SECRET=46941e7c3f1ae4c67c1836c038cd1c991457da23', secret: '46941e7c3f1ae4c67c1836c038cd1c991457da23' },
        { text: "githubClientSecret: 'efda1a8d06593b249155d56af61930aedb8960f8'", secret: 'efda1a8d06593b249155d56af61930aedb8960f8' },
      ],
      noMatch: ['GITHUB_SHA=46941e7c3f1ae4c67c1836c038cd1c991457da23', 'GITHUB_CLIENT_SECRET=${{ secrets.GITHUB_CLIENT_SECRET }}'],
    },
  },
  {
    ...github,
    id: 'github-legacy-token',
    formatSource: 'described',
    title: 'GitHub token in the legacy 40-hex format',
    severity: 'high',
    regex: assignedToName(anyCase('github') + String.raw`[\w.-]{0,20}?` + anyCaseOf('token', 'pat', 'oauth'), '[a-f0-9]{40}'),
    keywords: ['github'],
    entropy: 3,
    allow: GITHUB_DOCS_SAMPLES,
    examples: {
      match: [
        { text: 'export GITHUB_TOKEN=af52d5558e09ab1778c221b6b33d7b78ddcc182e', secret: 'af52d5558e09ab1778c221b6b33d7b78ddcc182e' },
        { text: 'github.oauth-token: "bac95eb80a58d5ac8a51c4b4c2add9028835d138"', secret: 'bac95eb80a58d5ac8a51c4b4c2add9028835d138' },
      ],
      noMatch: ['GITHUB_SHA=af52d5558e09ab1778c221b6b33d7b78ddcc182e', 'GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}', 'github_token = 0000000000000000000000000000000000000000'],
    },
  },
  {
    ...github,
    id: 'github-token-in-oauth-basic-url',
    formatSource: 'described',
    title: 'GitHub token in an x-oauth-basic clone URL',
    severity: 'critical',
    regex: String.raw`https?://(?<secret>[\w-]{20,255}):x-oauth-basic@github\.com`,
    keywords: ['x-oauth-basic'],
    entropy: 3,
    examples: {
      match: [
        { text: 'git clone https://af52d5558e09ab1778c221b6b33d7b78ddcc182e:x-oauth-basic@github.com/acme/app.git', secret: 'af52d5558e09ab1778c221b6b33d7b78ddcc182e' },
        // A prefixed token here (ghp_…) is reported by its own rule, which comes first; this rule is for the rest.
        { text: 'url = "https://4f9c2b1e7a0d5c83b6e2f19a7d40c5e8b3a1f62d:x-oauth-basic@github.com/acme/lib"', secret: '4f9c2b1e7a0d5c83b6e2f19a7d40c5e8b3a1f62d' },
      ],
      noMatch: ['https://<token>:x-oauth-basic@github.com/acme/app.git', 'https://TOKEN:x-oauth-basic@github.com/'],
    },
  },
];
