import type { SecretRule } from '../../rule.js';
import { UUID, assignedTo, prefixedToken } from './patterns.js';

const family = 'messaging';

export const rules: SecretRule[] = [
  {
    id: 'telegram-bot-token',
    formatSource: 'described',
    title: 'Telegram bot token',
    severity: 'high',
    family,
    provider: 'Telegram',
    rotateUrl: 'https://t.me/BotFather',
    // <bot id>:<35-character secret>; the secret has always started with "AA" so far. In API
    // URLs the token follows a literal "bot" (https://api.telegram.org/bot<token>/getMe). The regex
    // opens on the literal ":AA" and checks the bot id backwards (see anchoredToken).
    regex: ':AA[A-Za-z0-9_-]{33}(?![\\w-])(?<=(?:(?<=/bot)|(?<![\\w-]))(?<secret>\\d{8,10}:AA[A-Za-z0-9_-]{33}))',
    keywords: [':aa'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'TELEGRAM_BOT_TOKEN=7082389916:AAznICVf6wIikqlL6e78RXAauq1gUBvLFop', secret: '7082389916:AAznICVf6wIikqlL6e78RXAauq1gUBvLFop' },
        { text: 'curl https://api.telegram.org/bot8527852482:AA2gbOL-qTR_Riq5N5dntjclv7Y1H81jDCE/getMe', secret: '8527852482:AA2gbOL-qTR_Riq5N5dntjclv7Y1H81jDCE' },
      ],
      noMatch: ['TELEGRAM_BOT_TOKEN=123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'TELEGRAM_BOT_TOKEN=<bot-id>:<secret>'],
    },
  },
  {
    id: 'microsoft-teams-webhook-url',
    formatSource: 'described',
    title: 'Microsoft Teams incoming webhook URL',
    severity: 'medium',
    family,
    provider: 'Microsoft Teams',
    rotateUrl: 'https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
    regex: prefixedToken(
      `https://[a-z0-9-]{1,40}\\.(?:webhook\\.office\\.com/webhookb2|outlook\\.office(?:365)?\\.com/webhook)/${UUID}@${UUID}/IncomingWebhook/[a-f0-9]{32}/${UUID}(?:/[A-Za-z0-9_-]{20,80})?`,
      '\\w',
    ),
    keywords: ['webhook.office.com', 'outlook.office.com/webhook', 'outlook.office365.com/webhook'],
    examples: {
      match: [
        { text: 'TEAMS_WEBHOOK=https://contoso.webhook.office.com/webhookb2/81901ac8-aaa2-417e-a49c-16b3a049a0e2@c2327911-73bd-4556-a9d7-101c1fe34038/IncomingWebhook/263bcf5558a5c2cf8fd7943328ef5606/74bb84f2-f4d2-4be4-9a22-d2127b634594', secret: 'https://contoso.webhook.office.com/webhookb2/81901ac8-aaa2-417e-a49c-16b3a049a0e2@c2327911-73bd-4556-a9d7-101c1fe34038/IncomingWebhook/263bcf5558a5c2cf8fd7943328ef5606/74bb84f2-f4d2-4be4-9a22-d2127b634594' },
        { text: 'url: "https://contoso.webhook.office.com/webhookb2/dbedf0db-ad00-45c3-ab7c-b3c94c546d0c@982c3138-e390-4eaa-a438-b003abeb247f/IncomingWebhook/bfa5d6cebdb52ce6ffc1fdcea9a7ee01/bac48f0e-09ae-4a6c-9ea4-f138638c8941/V2ssLhYomTQnWZsRrbJ34mtV1BKq-Bg2VKtS3xDNHn"', secret: 'https://contoso.webhook.office.com/webhookb2/dbedf0db-ad00-45c3-ab7c-b3c94c546d0c@982c3138-e390-4eaa-a438-b003abeb247f/IncomingWebhook/bfa5d6cebdb52ce6ffc1fdcea9a7ee01/bac48f0e-09ae-4a6c-9ea4-f138638c8941/V2ssLhYomTQnWZsRrbJ34mtV1BKq-Bg2VKtS3xDNHn' },
      ],
      noMatch: [
        'TEAMS_WEBHOOK=https://contoso.webhook.office.com/webhookb2/<group>@<tenant>/IncomingWebhook/<id>/<owner>',
        'see https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/what-are-webhooks-and-connectors',
      ],
    },
  },
  {
    id: 'mattermost-access-token',
    formatSource: 'described',
    title: 'Mattermost personal access or bot token',
    severity: 'high',
    family,
    provider: 'Mattermost',
    regex: assignedTo('mattermost', '[a-z0-9]{26}'),
    flags: 'i',
    keywords: ['mattermost'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'MATTERMOST_TOKEN=asurjssk20iw0nmpjobsz2duv9', secret: 'asurjssk20iw0nmpjobsz2duv9' },
        { text: "mattermost_bot_token: '7623efqogqgjgmzkurxapjjwgb'", secret: '7623efqogqgjgmzkurxapjjwgb' },
      ],
      noMatch: ['MATTERMOST_TOKEN=${{ secrets.MATTERMOST_TOKEN }}', 'MATTERMOST_URL=https://chat.example.org'],
    },
  },
  {
    id: 'messagebird-api-key',
    formatSource: 'described',
    title: 'MessageBird (Bird) API access key',
    severity: 'high',
    family,
    provider: 'MessageBird',
    rotateUrl: 'https://dashboard.messagebird.com/en/developers/access',
    regex: assignedTo('message[_-]?bird|msgbird', '[A-Za-z0-9]{25}'),
    flags: 'i',
    keywords: ['messagebird', 'message_bird', 'message-bird', 'msgbird'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'MESSAGEBIRD_ACCESS_KEY=vPGNP25lIIboIvpHkOPd2VDb4', secret: 'vPGNP25lIIboIvpHkOPd2VDb4' },
        { text: "messagebird_api_key: 'VgZdBRBeEaG6GnQP9RV9Fp1df'", secret: 'VgZdBRBeEaG6GnQP9RV9Fp1df' },
      ],
      noMatch: ['MESSAGEBIRD_ACCESS_KEY=test_gshuPaZoeEG6ovbc8M79w0QyM', 'MESSAGEBIRD_ACCESS_KEY=your-access-key'],
    },
  },
  {
    id: 'messagebird-client-id',
    formatSource: 'described',
    title: 'MessageBird (Bird) OAuth client id',
    severity: 'low',
    family,
    provider: 'MessageBird',
    regex: assignedTo('message[_-]?bird|msgbird', UUID),
    flags: 'i',
    keywords: ['messagebird', 'message_bird', 'message-bird', 'msgbird'],
    entropy: 3,
    examples: {
      match: [
        { text: 'MESSAGEBIRD_CLIENT_ID=d0120790-3a42-4501-b979-e79c96ed3ac1', secret: 'd0120790-3a42-4501-b979-e79c96ed3ac1' },
        { text: 'message_bird_client_id: "26db5d5b-b356-44ec-b2bf-62483bbeb8b9"', secret: '26db5d5b-b356-44ec-b2bf-62483bbeb8b9' },
      ],
      noMatch: ['MESSAGEBIRD_CLIENT_ID=00000000-0000-0000-0000-000000000000', 'MESSAGEBIRD_CLIENT_ID=<client-id>'],
    },
  },
  {
    id: 'sendbird-api-token',
    formatSource: 'described',
    title: 'Sendbird API token',
    severity: 'high',
    family,
    provider: 'Sendbird',
    rotateUrl: 'https://dashboard.sendbird.com',
    regex: assignedTo('sendbird', '[a-f0-9]{40}'),
    flags: 'i',
    keywords: ['sendbird'],
    entropy: 3,
    examples: {
      match: [
        { text: 'SENDBIRD_API_TOKEN=9da93b4f9aa43e5d3169d1c5373eaeee3c9f6195', secret: '9da93b4f9aa43e5d3169d1c5373eaeee3c9f6195' },
        { text: "sendbird_master_api_token: 'ecf53141dbd4922861d69d02fa0381c7af5857d6'", secret: 'ecf53141dbd4922861d69d02fa0381c7af5857d6' },
      ],
      noMatch: ['SENDBIRD_API_TOKEN=0000000000000000000000000000000000000000', 'SENDBIRD_API_TOKEN='],
    },
  },
  {
    id: 'sendbird-application-id',
    formatSource: 'described',
    title: 'Sendbird application id',
    severity: 'low',
    family,
    provider: 'Sendbird',
    regex: assignedTo('sendbird', UUID),
    flags: 'i',
    keywords: ['sendbird'],
    entropy: 3,
    examples: {
      match: [
        { text: 'SENDBIRD_APP_ID=4CA88325-BCAC-4DDE-B864-A4AB36CABE32', secret: '4CA88325-BCAC-4DDE-B864-A4AB36CABE32' },
        { text: 'sendbirdAppId: "d29dc3c7-e014-4634-ace3-58e0b7ba9657"', secret: 'd29dc3c7-e014-4634-ace3-58e0b7ba9657' },
      ],
      noMatch: ['SENDBIRD_APP_ID=YOUR_APP_ID', 'SENDBIRD_APP_ID=00000000-0000-0000-0000-000000000000'],
    },
  },
  {
    id: 'matrix-access-token',
    formatSource: 'described',
    title: 'Matrix (Synapse) access token',
    severity: 'high',
    family,
    provider: 'Matrix',
    // syt_<base64 user localpart>_<20 random>_<6-char checksum>
    regex: prefixedToken('syt_[A-Za-z0-9]{2,80}_[A-Za-z0-9]{20}_[A-Za-z0-9]{6}'),
    keywords: ['syt_'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'MATRIX_ACCESS_TOKEN=syt_YWxpY2U_WLjhBM3pK028NpHN2AgU_QxhTey', secret: 'syt_YWxpY2U_WLjhBM3pK028NpHN2AgU_QxhTey' },
        { text: 'access_token: "syt_Ym90_Styruut3gtZiEtbTQ4sx_1t3DJb"', secret: 'syt_Ym90_Styruut3gtZiEtbTQ4sx_1t3DJb' },
      ],
      noMatch: ['MATRIX_ACCESS_TOKEN=syt_<user>_<random>_<crc>', { text: 'MATRIX_ACCESS_TOKEN=syt_YWxpY2U_short_abc', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    id: 'pushover-api-token',
    formatSource: 'described',
    title: 'Pushover application or user key',
    severity: 'medium',
    family,
    provider: 'Pushover',
    rotateUrl: 'https://pushover.net/apps',
    regex: assignedTo('pushover', '[a-z0-9]{30}'),
    flags: 'i',
    keywords: ['pushover'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'PUSHOVER_APP_TOKEN=95lp19wxmzt3t3wlrhnkbzl0l951o9', secret: '95lp19wxmzt3t3wlrhnkbzl0l951o9' },
        { text: "pushover_user_key: '68g3u0is6zkw95hzkgoliwij9ovqo5'", secret: '68g3u0is6zkw95hzkgoliwij9ovqo5' },
      ],
      noMatch: [{ text: 'PUSHOVER_APP_TOKEN=azGDORePK8gMaC0QOYAMyEEuzJnyUi', firedBy: ['generic-secret-config'] }, 'PUSHOVER_APP_TOKEN=<token>'],
    },
    // Pushover's documentation token.
    allow: ['^azGDORePK8gMaC0QOYAMyEEuzJnyUi$'],
  },
  {
    id: 'vonage-api-secret',
    formatSource: 'described',
    title: 'Vonage (Nexmo) API secret',
    severity: 'high',
    family,
    provider: 'Vonage',
    rotateUrl: 'https://dashboard.nexmo.com/settings',
    regex: assignedTo('vonage|nexmo', '[A-Za-z0-9]{16}'),
    flags: 'i',
    keywords: ['vonage', 'nexmo'],
    entropy: 3.3,
    examples: {
      match: [
        { text: 'VONAGE_API_SECRET=mUg0I0ELWLRFYOsZ', secret: 'mUg0I0ELWLRFYOsZ' },
        { text: "nexmo_secret: 'mkLSTm7OWuIzWVWT'", secret: 'mkLSTm7OWuIzWVWT' },
      ],
      noMatch: ['VONAGE_API_SECRET=vonage_secret_x', 'VONAGE_APPLICATION_ID=aaaaaaaaaaaaaaaa'],
    },
  },
  {
    id: 'plivo-auth-token',
    formatSource: 'described',
    title: 'Plivo auth token',
    severity: 'high',
    family,
    provider: 'Plivo',
    rotateUrl: 'https://console.plivo.com/dashboard/',
    regex: assignedTo('plivo', '[A-Za-z0-9]{40}'),
    flags: 'i',
    keywords: ['plivo'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'PLIVO_AUTH_TOKEN=BVy4tnem70tIoW3YqnR9GWgHhYWb9Jp6kB0gSMVV', secret: 'BVy4tnem70tIoW3YqnR9GWgHhYWb9Jp6kB0gSMVV' },
        { text: "plivo_auth_token: 'CRpwCq7KdiNeLRF1jWv17dQ62rbJUppz7GHhOtIJ'", secret: 'CRpwCq7KdiNeLRF1jWv17dQ62rbJUppz7GHhOtIJ' },
      ],
      noMatch: ['PLIVO_AUTH_TOKEN=<auth-token>', 'PLIVO_AUTH_ID=MA2TO8UV1TNOCEIL4MGK'],
    },
  },
  {
    id: 'zulip-api-key',
    formatSource: 'described',
    title: 'Zulip bot or user API key',
    severity: 'high',
    family,
    provider: 'Zulip',
    regex: assignedTo('zulip', '[A-Za-z0-9]{32}'),
    flags: 'i',
    keywords: ['zulip'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'ZULIP_API_KEY=TM5yR06nWjg336yQLgswxpTp4kDy8JLF', secret: 'TM5yR06nWjg336yQLgswxpTp4kDy8JLF' },
        { text: 'zulip_bot_key = "XBZvNHDexeXXPEUzZFVD7LYqZoWCyrWU"', secret: 'XBZvNHDexeXXPEUzZFVD7LYqZoWCyrWU' },
      ],
      noMatch: ['ZULIP_API_KEY=', 'ZULIP_SITE=https://zulip.example.org'],
    },
  },
];
