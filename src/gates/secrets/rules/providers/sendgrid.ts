import type { SecretRule } from '../../rule.js';
import { prefixedToken } from './patterns.js';

export const rules: SecretRule[] = [
  {
    id: 'sendgrid-api-key',
    formatSource: 'described',
    title: 'SendGrid API key',
    severity: 'high',
    family: 'messaging',
    provider: 'SendGrid',
    rotateUrl: 'https://app.sendgrid.com/settings/api_keys',
    // SG.<22-char key id>.<43-char secret>, 69 characters in all.
    regex: prefixedToken('SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}'),
    keywords: ['sg.'],
    entropy: 4,
    examples: {
      match: [
        { text: 'SENDGRID_API_KEY=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', secret: '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' },
        { text: "sgMail.setApiKey('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');", secret: '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' },
      ],
      noMatch: ['SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'SENDGRID_API_KEY=SG.Z8Aj_lragm0uC6aq7j6ozv.xEXfquMtnJkGrXB9C7do'],
    },
  },
];
