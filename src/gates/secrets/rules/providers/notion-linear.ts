import type { SecretRule } from '../../rule.js';
import { assignedTo, prefixedToken } from './patterns.js';

export const rules: SecretRule[] = [
  {
    id: 'notion-integration-token',
    formatSource: 'described',
    title: 'Notion integration token',
    severity: 'high',
    family: 'saas',
    provider: 'Notion',
    rotateUrl: 'https://www.notion.so/my-integrations',
    // ntn_ + 11 digits + 35 alphanumerics (format since September 2024).
    regex: prefixedToken('ntn_\\d{11}[A-Za-z0-9]{35}'),
    keywords: ['ntn_'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'NOTION_TOKEN=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', secret: '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' },
        { text: 'const notion = new Client({ auth: "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" });', secret: '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' },
      ],
      noMatch: ['NOTION_TOKEN=ntn_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', { text: 'NOTION_TOKEN=ntn_30293396015N4jwoiOqZ9x04XhRZtu1', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    id: 'notion-legacy-integration-token',
    formatSource: 'described',
    title: 'Notion integration token (legacy secret_ format)',
    severity: 'high',
    family: 'saas',
    provider: 'Notion',
    rotateUrl: 'https://www.notion.so/my-integrations',
    // `secret_` alone is too common a prefix: require a Notion name nearby.
    regex: assignedTo('notion', 'secret_[A-Za-z0-9]{43}'),
    flags: 'i',
    keywords: ['notion'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'NOTION_API_KEY=secret_qCxq8Z0qYNshG0ST9hhgpfdQQE6f7wtvjU7yOUyxwqu', secret: 'secret_qCxq8Z0qYNshG0ST9hhgpfdQQE6f7wtvjU7yOUyxwqu' },
        { text: 'notionToken: "secret_jGJ7vWNpDQz5lGU7tTvWi5u5MIfJel5PTYSWIEFvOkm"', secret: 'secret_jGJ7vWNpDQz5lGU7tTvWi5u5MIfJel5PTYSWIEFvOkm' },
      ],
      noMatch: ['NOTION_API_KEY=secret_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', { text: 'client_secret = "secret_nEN1w0i50BAPjxaSJLXim4gO0ipee8c1BJM2NJWcH2z"', firedBy: ['generic-secret'] }],
    },
  },
  {
    id: 'linear-api-key',
    formatSource: 'described',
    title: 'Linear API key',
    severity: 'high',
    family: 'saas',
    provider: 'Linear',
    rotateUrl: 'https://linear.app/settings/account/security',
    regex: prefixedToken('lin_api_[A-Za-z0-9]{40}'),
    keywords: ['lin_api_'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'LINEAR_API_KEY=lin_api_aWngDNsAr4fZvD9lyvvztvKpDUnuI9GVu1S4VnnM', secret: 'lin_api_aWngDNsAr4fZvD9lyvvztvKpDUnuI9GVu1S4VnnM' },
        { text: "const linear = new LinearClient({ apiKey: 'lin_api_3dgL4OmkEsmSJnIFAHcYVp3YNbeBPzQXhdSXwR8q' });", secret: 'lin_api_3dgL4OmkEsmSJnIFAHcYVp3YNbeBPzQXhdSXwR8q' },
      ],
      noMatch: ['LINEAR_API_KEY=lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', { text: 'LINEAR_API_KEY=lin_api_z1rp9XLaJE47wY8xBWDI', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    id: 'linear-oauth-client-secret',
    formatSource: 'described',
    title: 'Linear OAuth client secret',
    severity: 'high',
    family: 'saas',
    provider: 'Linear',
    rotateUrl: 'https://linear.app/settings/api/applications',
    regex: assignedTo('linear', '[a-f0-9]{32}'),
    flags: 'i',
    keywords: ['linear'],
    entropy: 3,
    examples: {
      match: [
        { text: 'LINEAR_CLIENT_SECRET=3fa1340816395e72e4669a97490216f1', secret: '3fa1340816395e72e4669a97490216f1' },
        { text: 'linear_client_secret: "c33b6d6064671891b491356810182dac"', secret: 'c33b6d6064671891b491356810182dac' },
      ],
      noMatch: ['LINEAR_CLIENT_SECRET=00000000000000000000000000000000', 'linearGradient = "ffffffffffffffffffffffffffffffff"'],
    },
  },
];
