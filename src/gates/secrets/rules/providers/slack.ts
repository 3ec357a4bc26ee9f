import type { SecretRule } from '../../rule.js';
import { prefixedToken } from './patterns.js';

const provider = 'Slack';
const rotateUrl = 'https://api.slack.com/apps';
const family = 'messaging';

export const rules: SecretRule[] = [
  {
    id: 'slack-bot-token',
    formatSource: 'described',
    title: 'Slack bot token',
    severity: 'high',
    family,
    provider,
    rotateUrl,
    // Current bot tokens carry team id, bot id and a secret; legacy ones only one number.
    regex: prefixedToken('xoxb-\\d{8,14}-(?:\\d{8,14}-)?[A-Za-z0-9]{18,40}'),
    keywords: ['xoxb-'],
    entropy: 3,
    examples: {
      match: [
        { text: 'SLACK_BOT_TOKEN=xoxb-172860575209-1619520847105-dcT34XdwB3GpKC4yLUTMjHqF', secret: 'xoxb-172860575209-1619520847105-dcT34XdwB3GpKC4yLUTMjHqF' },
        { text: 'slack: { token: "xoxb-88004710905-SI1OdjxB6ND86sNt69JahBF8" }', secret: 'xoxb-88004710905-SI1OdjxB6ND86sNt69JahBF8' },
      ],
      noMatch: [
        'SLACK_BOT_TOKEN=xoxb-your-bot-token-here',
        'token: xoxb-xxxxxxxxxxxx-xxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'slack-user-token',
    formatSource: 'described',
    title: 'Slack user token',
    severity: 'high',
    family,
    provider,
    rotateUrl,
    // The last part is hex as Slack issues it; gitleaks reads 28-34 alphanumerics there.
    regex: prefixedToken('xoxp-\\d{8,14}-\\d{8,14}-\\d{8,14}-[a-zA-Z0-9]{28,34}'),
    keywords: ['xoxp-'],
    entropy: 3,
    examples: {
      match: [
        { text: 'export SLACK_USER_TOKEN="xoxp-236560696906-653618646613-1457891138706-8ee4fd336c30cf5ac3620de9bfcd3784"', secret: 'xoxp-236560696906-653618646613-1457891138706-8ee4fd336c30cf5ac3620de9bfcd3784' },
        { text: '  "userToken": "xoxp-8821411201-12217586605-5809790548993-8f1c945c9f769491536e23c3669300fa",', secret: 'xoxp-8821411201-12217586605-5809790548993-8f1c945c9f769491536e23c3669300fa' },
        { text: 'slack_user = "xoxp-4718293056-61829304751-7392018465123-Kq7Wz2Lm9Xv4Rt8Bn3Hp6Ys1Df5Gj0Ca"', secret: 'xoxp-4718293056-61829304751-7392018465123-Kq7Wz2Lm9Xv4Rt8Bn3Hp6Ys1Df5Gj0Ca' },
      ],
      noMatch: [
        'SLACK_USER_TOKEN=xoxp-0000000000-0000000000-0000000000-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'const prefix = "xoxp-"; // user tokens start with this',
      ],
    },
  },
  {
    id: 'slack-app-level-token',
    formatSource: 'described',
    title: 'Slack app-level token',
    severity: 'high',
    family,
    provider,
    rotateUrl,
    regex: prefixedToken('xapp-\\d-[A-Z0-9]{9,12}-\\d{10,14}-[a-f0-9]{64}'),
    keywords: ['xapp-'],
    entropy: 3,
    examples: {
      match: [
        { text: 'SLACK_APP_TOKEN=xapp-1-A6IRDZIZVGE-4057040630096-3869b15e54718387bf9508cabaf956bbd6901dd6a970b93e83e3de58a106445a', secret: 'xapp-1-A6IRDZIZVGE-4057040630096-3869b15e54718387bf9508cabaf956bbd6901dd6a970b93e83e3de58a106445a' },
        { text: 'app_token: "xapp-1-A3V3G0E11NB-5353573068266-8d3ee691e7473198afc9fb6ecc98ebe477aea1e103cae093148e16e77bdb0ea9"', secret: 'xapp-1-A3V3G0E11NB-5353573068266-8d3ee691e7473198afc9fb6ecc98ebe477aea1e103cae093148e16e77bdb0ea9' },
      ],
      noMatch: ['SLACK_APP_TOKEN=xapp-1-AXXXXXXXXXX-0000000000000-xxxx', 'see https://api.slack.com/authentication/token-types#app for xapp- tokens'],
    },
  },
  {
    id: 'slack-configuration-token',
    formatSource: 'described',
    title: 'Slack app configuration access token',
    severity: 'high',
    family,
    provider,
    rotateUrl,
    regex: prefixedToken('xoxe\\.xox[bp]-\\d-[A-Za-z0-9]{140,180}'),
    keywords: ['xoxe.xoxb-', 'xoxe.xoxp-'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'SLACK_CONFIG_TOKEN=xoxe.xoxp-1-qLJYaPx9diyM2EbZ1tTcFsUaQOpG6LQIMo1gUwkWTPtY6wC136qdhuVrWSpRWlK2VrqPC9NeSfJcPJliLiQcwIEGAYIKdEcHnfOgvrdvNu6vOWnzcIQz1OTaquGGPAlHQI4RVrnHOxDzBql0ZFJ0BqqZkBz153SldP3', secret: 'xoxe.xoxp-1-qLJYaPx9diyM2EbZ1tTcFsUaQOpG6LQIMo1gUwkWTPtY6wC136qdhuVrWSpRWlK2VrqPC9NeSfJcPJliLiQcwIEGAYIKdEcHnfOgvrdvNu6vOWnzcIQz1OTaquGGPAlHQI4RVrnHOxDzBql0ZFJ0BqqZkBz153SldP3' },
        { text: 'config_token = "xoxe.xoxb-1-7ostXbCbtwaZRi9gAFs7CCRCOHYJmsFVJrI3NaYsoui9VndXT0AcI6Wctr5YucsrDGrsLPwhvg8LBwzGNRscRBZDMXF29lyHrxHJMiX6SGliY754Illwl0l00K1TMI8OrWImIW48waNkTNA5L0MRaGVSiix0byt5fX2LR"', secret: 'xoxe.xoxb-1-7ostXbCbtwaZRi9gAFs7CCRCOHYJmsFVJrI3NaYsoui9VndXT0AcI6Wctr5YucsrDGrsLPwhvg8LBwzGNRscRBZDMXF29lyHrxHJMiX6SGliY754Illwl0l00K1TMI8OrWImIW48waNkTNA5L0MRaGVSiix0byt5fX2LR' },
      ],
      noMatch: ['SLACK_CONFIG_TOKEN=xoxe.xoxp-1-REPLACE_ME', { text: 'token = "xoxe.xoxp-1-fLId0eczyNKx3T2Z3XCwhclWarf9mzhBrNbopXvH"', firedBy: ['generic-secret'] }],
    },
  },
  {
    id: 'slack-configuration-refresh-token',
    formatSource: 'described',
    title: 'Slack app configuration refresh token',
    severity: 'high',
    family,
    provider,
    rotateUrl,
    regex: prefixedToken('xoxe-\\d-[A-Za-z0-9]{140,160}'),
    keywords: ['xoxe-'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'SLACK_CONFIG_REFRESH_TOKEN=xoxe-1-kz5FfIeTC6LPEzQkpcmcCVLD5bP0rIfv9ka2ejuoCWRN79nfyTCOhrzzRlFZo9c5dRSbyTVdTNFkTZCE69gRBKwYJl0Z3X17FAPyYMFNYWVdHWGExxHjpn2Ahe84L5J2UaEmnhUxLghllcRKIb', secret: 'xoxe-1-kz5FfIeTC6LPEzQkpcmcCVLD5bP0rIfv9ka2ejuoCWRN79nfyTCOhrzzRlFZo9c5dRSbyTVdTNFkTZCE69gRBKwYJl0Z3X17FAPyYMFNYWVdHWGExxHjpn2Ahe84L5J2UaEmnhUxLghllcRKIb' },
        { text: '"refresh_token": "xoxe-1-ELb8okyfqMgjKFjZqAjGqlL4ijYmwNTmxXnwpTaomZF4csKM56pqfVomED8NGb2iOhqfowSQ20UodAcHT4ZNM2EjxGlpGjxlkxKcw21Zf1A2c9wvh73qKSrNp6lalDCXf7drViZqSscCLfAncE"', secret: 'xoxe-1-ELb8okyfqMgjKFjZqAjGqlL4ijYmwNTmxXnwpTaomZF4csKM56pqfVomED8NGb2iOhqfowSQ20UodAcHT4ZNM2EjxGlpGjxlkxKcw21Zf1A2c9wvh73qKSrNp6lalDCXf7drViZqSscCLfAncE' },
      ],
      noMatch: ['SLACK_CONFIG_REFRESH_TOKEN=xoxe-1-<refresh-token>', 'refresh: xoxe-1-0Cj45svdCsiGDhjTcObuYNuRiEuWCg'],
    },
  },
  {
    id: 'slack-workspace-token',
    formatSource: 'described',
    title: 'Slack legacy workspace access or refresh token',
    severity: 'high',
    family,
    provider,
    rotateUrl,
    regex: prefixedToken('xox[ar]-(?:\\d-)?[A-Za-z0-9]{8,48}(?:-[A-Za-z0-9]{8,64}){0,4}'),
    keywords: ['xoxa-', 'xoxr-'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'SLACK_WORKSPACE_TOKEN=xoxa-2-165280259221-590285273940-499793146626-6c92df4d4ed5ebad0bc2a0d6b602a073d91a041654c451db6f1915f7acbf2459', secret: 'xoxa-2-165280259221-590285273940-499793146626-6c92df4d4ed5ebad0bc2a0d6b602a073d91a041654c451db6f1915f7acbf2459' },
        { text: 'refresh = "xoxr-79dMzbR4gDSpVDm4nLzpO4EeATdFgYaDWJM3pMIi"', secret: 'xoxr-79dMzbR4gDSpVDm4nLzpO4EeATdFgYaDWJM3pMIi' },
      ],
      noMatch: ['SLACK_WORKSPACE_TOKEN=xoxa-2-xxxxxxxxxxxx', 'token = "xoxr-aaaaaaaaaaaaaaaa"'],
    },
  },
  {
    id: 'slack-legacy-token',
    formatSource: 'described',
    title: 'Slack legacy test or session token',
    severity: 'high',
    family,
    provider,
    rotateUrl,
    regex: prefixedToken('xox[os]-\\d{6,14}-\\d{6,14}-\\d{6,14}-[a-f0-9]{10,64}'),
    keywords: ['xoxo-', 'xoxs-'],
    entropy: 3,
    examples: {
      match: [
        { text: 'SLACK_LEGACY_TOKEN=xoxs-0880281922-24535694408-497440720369-267f3d8c2d18c1c61a97984454a63235e908c94a50baead9c5c72d56850a2712', secret: 'xoxs-0880281922-24535694408-497440720369-267f3d8c2d18c1c61a97984454a63235e908c94a50baead9c5c72d56850a2712' },
        { text: "token: 'xoxo-4323055283-77275972104-710110733293-acccbdc09d2c882181c88a81812db01d'", secret: 'xoxo-4323055283-77275972104-710110733293-acccbdc09d2c882181c88a81812db01d' },
      ],
      noMatch: ['SLACK_LEGACY_TOKEN=xoxs-0000000000-0000000000-0000000000-xxxxxxxx', 'legacy tokens look like xoxs-<team>-<user>-<id>-<hex>'],
    },
  },
  {
    id: 'slack-webhook-url',
    formatSource: 'described',
    title: 'Slack incoming webhook URL',
    severity: 'medium',
    family,
    provider,
    rotateUrl,
    // Slack documents the path as T<team>/B<hook>/<secret>; gitleaks and secretlint read any
    // 43–56 characters of base64 alphabet there, and the scheme is often left off in configs
    // and chat pastes. The host and path say what the URL is; what follows is opaque.
    regex: prefixedToken('(?:https?://)?hooks\\.slack\\.com/services/(?:T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{23,25}|[A-Za-z0-9+/]{43,56})', '\\w'),
    keywords: ['hooks.slack.com'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'notify_url = hooks.slack.com/services/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', secret: 'hooks.slack.com/services/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' },
        { text: 'post to https://hooks.slack.com/services/Kq7Wz2Lm9Xv4Rt8Bn3Hp6Ys1Df5Gj0Ca2Ev8QwTy4Ui7 on failure', secret: 'https://hooks.slack.com/services/Kq7Wz2Lm9Xv4Rt8Bn3Hp6Ys1Df5Gj0Ca2Ev8QwTy4Ui7' },
        { text: 'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/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', secret: 'https://hooks.slack.com/services/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' },
        { text: 'webhook: "https://hooks.slack.com/services/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"', secret: 'https://hooks.slack.com/services/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' },
      ],
      noMatch: [
        'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
        'curl -X POST https://hooks.slack.com/services/$TEAM/$HOOK/$SECRET',
        'see https://hooks.slack.com/services/ for the incoming-webhook docs',
      ],
    },
    allow: ['/X{20,}$'],
  },
  {
    id: 'slack-workflow-webhook-url',
    formatSource: 'described',
    title: 'Slack workflow or trigger webhook URL',
    severity: 'medium',
    family,
    provider,
    rotateUrl,
    // As for incoming webhooks: the scheme is optional and the path after the host is opaque
    // to every peer that reads it (43-56 characters of base64 alphabet in gitleaks' reading).
    regex: prefixedToken('(?:https?://)?hooks\\.slack\\.com/(?:workflows|triggers)/(?:T[A-Z0-9]{8,12}/A[A-Z0-9]{8,12}/\\d{12,20}/[A-Za-z0-9]{24,32}|[A-Za-z0-9+/]{43,56})', '\\w'),
    keywords: ['hooks.slack.com/workflows', 'hooks.slack.com/triggers'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'SLACK_WORKFLOW_URL=https://hooks.slack.com/workflows/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', secret: 'https://hooks.slack.com/workflows/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' },
        { text: 'url: https://hooks.slack.com/triggers/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', secret: 'https://hooks.slack.com/triggers/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' },
        { text: 'trigger = "hooks.slack.com/triggers/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"', secret: 'hooks.slack.com/triggers/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' },
      ],
      noMatch: [
        'url: https://hooks.slack.com/workflows/TXXXXXXXX/AXXXXXXXX/000000000000000000/XXXXXXXXXXXXXXXXXXXXXXXX',
        'docs: https://hooks.slack.com/triggers/<team>/<app>/<id>/<secret>',
      ],
    },
  },
];
