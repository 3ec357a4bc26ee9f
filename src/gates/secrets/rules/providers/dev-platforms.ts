import type { SecretRule } from '../../rule.js';
import { assignedRule, prefixedRule } from './builders.js';

// Keys of developer platforms that need no file of their own: uptime and error monitoring,
// browser testing, package hosting, code quality, managed data services. Each is a fixed-length
// value recognised only when bound to a name mentioning the provider (grammar.ts). Formats follow
// the providers' key formats as peer scanners describe them (trufflehog's detector definitions);
// none has been checked against a live key (`formatSource: 'described'`).

/** Every rule here: a key format as described, never checked against a live key. */
const described = { family: 'dev-platform', formatSource: 'described' } as const;

/** Developer platform keys: monitoring, testing, package hosting, code quality, managed data. */
export const rules: SecretRule[] = [
  assignedRule({
    ...described,
    id: 'betterstack-api-token',
    title: 'Better Stack (Better Uptime) API token',
    severity: 'high',
    provider: 'Better Stack',
    names: ['betterstack', 'betteruptime'],
    value: String.raw`[0-9a-zA-Z]{24}`,
    entropy: 3.5,
    match: [
      { text: '  "betterstackToken": "ciIVQrFstQRcVMa0fmJkPIpl",', secret: 'ciIVQrFstQRcVMa0fmJkPIpl' },
      { text: 'betteruptimeToken := "aR8VCIa3qLRtt5lDsnfZ0HbF"', secret: 'aR8VCIa3qLRtt5lDsnfZ0HbF' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'bugsnag-auth-token',
    title: 'Bugsnag personal auth token',
    severity: 'high',
    provider: 'Bugsnag',
    names: ['bugsnag'],
    value: String.raw`[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}`,
    entropy: 3,
    match: [
      { text: 'bugsnagToken := "8b29a872-163e-6b7b-d5ba-06c83219e3d0"', secret: '8b29a872-163e-6b7b-d5ba-06c83219e3d0' },
      { text: 'bugsnag_token = "77d60fd9-05cf-da9b-d2c7-7925cbff8bcf"', secret: '77d60fd9-05cf-da9b-d2c7-7925cbff8bcf' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'browserstack-access-key',
    title: 'BrowserStack access key',
    severity: 'high',
    provider: 'BrowserStack',
    names: ['browserstack'],
    value: String.raw`[0-9a-zA-Z]{20}`,
    entropy: 3.5,
    match: [
      { text: 'browserstackAccess_key := "eJ4m4p35hVEBil1CoVeO"', secret: 'eJ4m4p35hVEBil1CoVeO' },
      { text: 'export BROWSERSTACK_ACCESSKEY="0N6OaGdR48HB2KfGmW6s"', secret: '0N6OaGdR48HB2KfGmW6s' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'cloudsmith-api-key',
    title: 'Cloudsmith API key',
    severity: 'high',
    provider: 'Cloudsmith',
    names: ['cloudsmith'],
    value: String.raw`[0-9a-f]{40}`,
    entropy: 3,
    match: [
      { text: 'CLOUDSMITH_KEY=bb2c561f5e7d16afe6a0b69a525d6a130cc4cb71', secret: 'bb2c561f5e7d16afe6a0b69a525d6a130cc4cb71' },
      { text: 'cloudsmith_key = "c1d9160f42b9c434c3dda30a129e92a1341b4bf9"', secret: 'c1d9160f42b9c434c3dda30a129e92a1341b4bf9' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'codeclimate-api-token',
    title: 'Code Climate API token',
    severity: 'high',
    provider: 'Code Climate',
    names: ['codeclimate', 'code_climate'],
    value: String.raw`[a-f0-9]{40}`,
    entropy: 3,
    match: [
      { text: 'codeclimate_token = "f8645b060fb72a3cfdf720eb1f2d8cab823d7364"', secret: 'f8645b060fb72a3cfdf720eb1f2d8cab823d7364' },
      { text: '  "codeClimateToken": "f7585e187b28b28aab5fedc587b77f3258e44255",', secret: 'f7585e187b28b28aab5fedc587b77f3258e44255' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'aiven-api-token',
    title: 'Aiven API token',
    severity: 'high',
    provider: 'Aiven',
    names: ['aiven'],
    value: String.raw`[a-zA-Z0-9/+=]{372}`,
    edge: String.raw`\w/+=-`,
    entropy: 4,
    match: [
      { text: 'aiven_token: "icWFQXBoeV5piZ3OPn+K2IQ4mAbAJkY9iWVbCgWSQVSJ6OTkAhR2maKsWWtQ/dewsjBIFhlONb4Vw9No80f/DcUS7JiBinYH8q3qITh0d7Sv+LVzSYXa7GFevNuLcGlroYzpjfI150nTyOrwqFrYm1CsT6Wu+ZjSqyTvLIkJcsEgk+wDucPPAFwD9gq4+YK6Ink/aTKdXgWo78bH7fEbakp4eWZTzC24AYLOShymvISdFztGkC4lW8fEV4w6oTJFkmLdkk4dSfzSWeVF/5tvvtDVpFOzuJ5Tqx29cXtt3oxoToL9i2a/roeZrTjoca/KJKGF38q+TPP/GN1sYtAwlKR2+8ef3gU9HBnXqYaEGpEsCM6wfnc3"', secret: 'icWFQXBoeV5piZ3OPn+K2IQ4mAbAJkY9iWVbCgWSQVSJ6OTkAhR2maKsWWtQ/dewsjBIFhlONb4Vw9No80f/DcUS7JiBinYH8q3qITh0d7Sv+LVzSYXa7GFevNuLcGlroYzpjfI150nTyOrwqFrYm1CsT6Wu+ZjSqyTvLIkJcsEgk+wDucPPAFwD9gq4+YK6Ink/aTKdXgWo78bH7fEbakp4eWZTzC24AYLOShymvISdFztGkC4lW8fEV4w6oTJFkmLdkk4dSfzSWeVF/5tvvtDVpFOzuJ5Tqx29cXtt3oxoToL9i2a/roeZrTjoca/KJKGF38q+TPP/GN1sYtAwlKR2+8ef3gU9HBnXqYaEGpEsCM6wfnc3' },
      { text: '<add key="aivenToken" value="CJqW64JCetXE5k1K+M8jnGMh/27l30eKratB0StyhGxeMRnwAQvNuBtFQXi2xiHTKJIjYFotuMKYDpk0RwxcnmPzvTLK2ygeio+/wJQ3QwLPTMhUjc/hRPNNruTgD0NaruhKjByvH0M02w+EwIE7ypScf9JZpIEn7PEOln1PzC+DU6ol78AvVqdl/ZtXHuNcttbc6FCiVjjL7Squ7/rNCjFEdCMWjrwUw7stQ53LRdwkts6RLMT/t4IkiPTxiHQsErYZZn1xDOBEwDUrkZMYWRBNlrLkZRJgKGxccwF+Ov2A2zG6gxKELQ9CN/F+wZL/48OXKxZ5rJDl+6EiIKxJ950xx6Po3Zkc4kKr8lcdT33Js2HWi0Hh" />', secret: 'CJqW64JCetXE5k1K+M8jnGMh/27l30eKratB0StyhGxeMRnwAQvNuBtFQXi2xiHTKJIjYFotuMKYDpk0RwxcnmPzvTLK2ygeio+/wJQ3QwLPTMhUjc/hRPNNruTgD0NaruhKjByvH0M02w+EwIE7ypScf9JZpIEn7PEOln1PzC+DU6ol78AvVqdl/ZtXHuNcttbc6FCiVjjL7Squ7/rNCjFEdCMWjrwUw7stQ53LRdwkts6RLMT/t4IkiPTxiHQsErYZZn1xDOBEwDUrkZMYWRBNlrLkZRJgKGxccwF+Ov2A2zG6gxKELQ9CN/F+wZL/48OXKxZ5rJDl+6EiIKxJ950xx6Po3Zkc4kKr8lcdT33Js2HWi0Hh' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'airbrake-user-key',
    title: 'Airbrake user API key',
    severity: 'high',
    provider: 'Airbrake',
    names: ['airbrake'],
    value: String.raw`[a-zA-Z0-9-]{40}`,
    entropy: 3.5,
    match: [
      { text: '  "airbrakeKey": "KAdO2NOj4fLWte0YvyHeV4WjrMq7S3MTOmxFcdDC",', secret: 'KAdO2NOj4fLWte0YvyHeV4WjrMq7S3MTOmxFcdDC' },
      { text: 'airbrakeKey := "7HLoL4l3fV9sRjKdRkYBLH2cfYbT4U0VinQSXSC1"', secret: '7HLoL4l3fV9sRjKdRkYBLH2cfYbT4U0VinQSXSC1' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'honeycomb-api-key',
    title: 'Honeycomb API key',
    severity: 'high',
    provider: 'Honeycomb',
    names: ['honeycomb'],
    value: String.raw`[0-9a-f]{32}|[0-9a-zA-Z]{22}`,
    entropy: 3.5,
    match: [
      { text: 'const honeycombKey = \'1ZEKcoUmaoCGt9OvidZJhs\';', secret: '1ZEKcoUmaoCGt9OvidZJhs' },
      { text: '  "honeycombKey": "M0DvDnlJhC18Y8WAoiEQ8v",', secret: 'M0DvDnlJhC18Y8WAoiEQ8v' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'logzio-api-token',
    title: 'Logz.io API token',
    severity: 'high',
    provider: 'Logz.io',
    names: ['logz'],
    value: String.raw`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`,
    entropy: 3,
    match: [
      { text: 'logz_token: "a6c898ae-e143-7f4e-67ae-65ad84d2be64"', secret: 'a6c898ae-e143-7f4e-67ae-65ad84d2be64' },
      { text: 'export LOGZ_TOKEN="b9af81e0-4c57-9894-faa1-756464a92359"', secret: 'b9af81e0-4c57-9894-faa1-756464a92359' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'mux-token-secret',
    title: 'Mux access token secret',
    severity: 'high',
    provider: 'Mux',
    names: ['mux'],
    value: String.raw`[0-9A-Za-z/+]{75}`,
    edge: String.raw`\w/+=-`,
    entropy: 4,
    match: [
      { text: 'const muxToken_secret = \'cX3N1yTFbogXR1+hNkHzQY/PkaQQsm/BgdZLCmaIhQE9rfFp92zWxZ2WJjv+S1GD9+Q0vcdsnlZ\';', secret: 'cX3N1yTFbogXR1+hNkHzQY/PkaQQsm/BgdZLCmaIhQE9rfFp92zWxZ2WJjv+S1GD9+Q0vcdsnlZ' },
      { text: 'MUX_TOKENSECRET=pjFhCE7xsgQKOzMIS37Dewq5/Frnlj+NXk4BAdcZLhpvqgqQOHJsduqKNEI1VBRgB2qarIrSrHS', secret: 'pjFhCE7xsgQKOzMIS37Dewq5/Frnlj+NXk4BAdcZLhpvqgqQOHJsduqKNEI1VBRgB2qarIrSrHS' },
    ],
  }),
  prefixedRule({
    ...described,
    id: 'saladcloud-api-key',
    title: 'SaladCloud API key',
    severity: 'high',
    provider: 'SaladCloud',
    prefix: 'salad_cloud_',
    body: String.raw`[0-9A-Za-z]{1,7}_[0-9A-Za-z]{7,235}`,
    entropy: 3.5,
    match: [
      { text: 'salad_key = "salad_cloud_user_BrLHYtSumgxeRYp8CFCzLc1jWFVMLt14"', secret: 'salad_cloud_user_BrLHYtSumgxeRYp8CFCzLc1jWFVMLt14' },
      { text: 'const saladKey = \'salad_cloud_user_DEEfYwEDgkwnyS4W1FT1krxR9aT6neMu\';', secret: 'salad_cloud_user_DEEfYwEDgkwnyS4W1FT1krxR9aT6neMu' },
    ],
  }),
  prefixedRule({
    ...described,
    id: 'endorlabs-api-key',
    title: 'Endor Labs API key or secret',
    severity: 'high',
    provider: 'Endor Labs',
    prefix: 'endr+',
    body: String.raw`[a-zA-Z0-9]{12,128}`,
    entropy: 3.5,
    match: [
      { text: '  "endorKey": "endr+nVGLIM0FAnbSepxFO8ZnwqhU",', secret: 'endr+nVGLIM0FAnbSepxFO8ZnwqhU' },
      { text: 'endorKey := "endr+6f5XaJejPLkOLjZJpvW8hjR4"', secret: 'endr+6f5XaJejPLkOLjZJpvW8hjR4' },
    ],
  }),
  prefixedRule({
    ...described,
    id: 'nightfall-api-key',
    title: 'Nightfall API key',
    severity: 'high',
    provider: 'Nightfall',
    prefix: 'NF-',
    body: String.raw`[a-zA-Z0-9]{32}`,
    entropy: 3.5,
    match: [
      { text: '<add key="nightfallKey" value="NF-5Qv0WkijYbIwRcNoH7TTyk1msNAQw6Ta" />', secret: 'NF-5Qv0WkijYbIwRcNoH7TTyk1msNAQw6Ta' },
      { text: 'export NIGHTFALL_KEY="NF-Lwv7TOasqhr32X7oSAErudzmtnyeFYaQ"', secret: 'NF-Lwv7TOasqhr32X7oSAErudzmtnyeFYaQ' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'bitly-access-token',
    title: 'Bitly access token',
    severity: 'high',
    provider: 'Bitly',
    names: ['bitly'],
    value: String.raw`[a-zA-Z0-9]{40}`,
    entropy: 3.5,
    match: [
      { text: 'bitly_token: "M9foW2dm7LWh5yCIPalxeyluRXDriM5R2P4VU3OK"', secret: 'M9foW2dm7LWh5yCIPalxeyluRXDriM5R2P4VU3OK' },
      { text: '<add key="bitlyToken" value="yfHMEZEFIcD9U3g0ERjWpLV7VtSRA7yM2P2tW4Ae" />', secret: 'yfHMEZEFIcD9U3g0ERjWpLV7VtSRA7yM2P2tW4Ae' },
    ],
  }),
];
