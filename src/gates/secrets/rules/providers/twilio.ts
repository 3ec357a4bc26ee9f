import type { SecretRule } from '../../rule.js';
import { assignedTo, prefixedToken } from './patterns.js';

const provider = 'Twilio';
const rotateUrl = 'https://console.twilio.com/us1/account/keys-credentials/api-keys';
const family = 'messaging';

export const rules: SecretRule[] = [
  {
    id: 'twilio-api-key-sid',
    formatSource: 'described',
    title: 'Twilio API key SID',
    severity: 'medium',
    family,
    provider,
    rotateUrl,
    regex: prefixedToken('SK[0-9a-f]{32}'),
    // `SK` and its first hex digit: `sk` alone is in every `task`, `mask` and `disk`.
    keywords: [...'0123456789abcdef'].map((digit) => `sk${digit}`),
    entropy: 3,
    examples: {
      match: [
        { text: 'TWILIO_API_KEY=SKdfc0539d9eadb5309d4d27e566395b2e', secret: 'SKdfc0539d9eadb5309d4d27e566395b2e' },
        { text: "client = Client('SKc9e11e137cfac7b90f6f1271633560bc', api_secret, account_sid)", secret: 'SKc9e11e137cfac7b90f6f1271633560bc' },
      ],
      noMatch: ['TWILIO_API_KEY=SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'TWILIO_API_KEY=SK00000000000000000000000000000000'],
    },
  },
  {
    id: 'twilio-auth-token',
    formatSource: 'described',
    title: 'Twilio auth token or API key secret',
    severity: 'high',
    family,
    provider,
    rotateUrl: 'https://console.twilio.com/us1/account/keys-credentials/api-keys',
    regex: assignedTo('twilio', '[A-Za-z0-9]{32}'),
    flags: 'i',
    keywords: ['twilio'],
    entropy: 3.3,
    examples: {
      match: [
        { text: 'TWILIO_AUTH_TOKEN=aa3a869ec541243c329fb99be0173f20', secret: 'aa3a869ec541243c329fb99be0173f20' },
        { text: "twilio_api_secret: 'dtZ4nEAJNwnlK5rk5JPMChNdH6jb4DEj'", secret: 'dtZ4nEAJNwnlK5rk5JPMChNdH6jb4DEj' },
      ],
      noMatch: ['TWILIO_AUTH_TOKEN=your_auth_token', 'TWILIO_AUTH_TOKEN=00000000000000000000000000000000'],
    },
  },
];
