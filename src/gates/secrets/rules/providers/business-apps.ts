import type { SecretRule } from '../../rule.js';
import { assignedRule } from './builders.js';

// Keys of business applications: product and CRM tools, marketing and social publishing,
// analytics, design, localisation. Most are fixed-length values recognised only when bound to a
// name mentioning the provider (grammar.ts); those with a prefix of their own say so. Formats
// follow the providers' key formats as peer scanners describe them (trufflehog's detector
// definitions); none has been checked against a live key (`formatSource: 'described'`).

/** Every rule here: a key format as described, never checked against a live key. */
const described = { family: 'business-saas', formatSource: 'described' } as const;

/** Business application keys: CRM, product, marketing, analytics, design and localisation tools. */
export const rules: SecretRule[] = [
  assignedRule({
    ...described,
    id: 'aha-api-key',
    title: 'Aha! API key',
    severity: 'high',
    provider: 'Aha!',
    names: ['aha'],
    value: String.raw`[0-9a-f]{64}`,
    entropy: 3,
    match: [
      { text: 'const ahaToken = \'c08441eaf00e5b07a97c855a41565eb9a449b4d80dc8693baa822e788c45046f\';', secret: 'c08441eaf00e5b07a97c855a41565eb9a449b4d80dc8693baa822e788c45046f' },
      { text: 'AHA_TOKEN=e0db1017fd8b23a6f17b0bf07e53f25b8e81b91fe55a2b395d8e272419e080f8', secret: 'e0db1017fd8b23a6f17b0bf07e53f25b8e81b91fe55a2b395d8e272419e080f8' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'airship-api-token',
    title: 'Airship (Urban Airship) bearer token',
    severity: 'high',
    provider: 'Airship',
    names: ['airship'],
    value: String.raw`[0-9a-zA-Z]{91}`,
    entropy: 3.5,
    match: [
      { text: 'AIRSHIP_TOKEN=r0rKXWY7xZCcfTqpD0ZXc1BTFlydJ1ODyKQjImgbHkXjl8Sh3dIzYOmowYC8jq6C1XzZ1aNDka68najxqNctvoTv6cK', secret: 'r0rKXWY7xZCcfTqpD0ZXc1BTFlydJ1ODyKQjImgbHkXjl8Sh3dIzYOmowYC8jq6C1XzZ1aNDka68najxqNctvoTv6cK' },
      { text: 'export AIRSHIP_TOKEN="2gAYkRJe5PQlxr4zZEKcKpb4iNFDoiEzLpZMtU8bklERlHCC7SY2JpuIvf40TTaHLutrOnq5gRzEqj7gkj4Nnz74gR4"', secret: '2gAYkRJe5PQlxr4zZEKcKpb4iNFDoiEzLpZMtU8bklERlHCC7SY2JpuIvf40TTaHLutrOnq5gRzEqj7gkj4Nnz74gR4' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'amplitude-api-key',
    title: 'Amplitude API key or secret key',
    severity: 'high',
    provider: 'Amplitude',
    names: ['amplitude'],
    value: String.raw`[0-9a-f]{32}`,
    entropy: 3,
    match: [
      { text: '<add key="amplitudeKey" value="9705b6a87b0de1f8824f144b4ba270ae" />', secret: '9705b6a87b0de1f8824f144b4ba270ae' },
      { text: 'AMPLITUDE_KEY=355850511d9f487ce3d3e0338d5faddd', secret: '355850511d9f487ce3d3e0338d5faddd' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'autodesk-client-id',
    title: 'Autodesk Platform Services client ID',
    severity: 'medium',
    provider: 'Autodesk',
    names: ['autodesk'],
    value: String.raw`[0-9A-Za-z]{32}`,
    entropy: 3.5,
    match: [
      { text: 'autodesk_client_id = "Hui8mxXaFn7z4STTyZs4zgu7hWkXbvpO"', secret: 'Hui8mxXaFn7z4STTyZs4zgu7hWkXbvpO' },
      { text: 'autodesk_clientId: "ocefIAd0O7YIkbzJbMrcE087ohS9iiEM"', secret: 'ocefIAd0O7YIkbzJbMrcE087ohS9iiEM' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'autodesk-client-secret',
    title: 'Autodesk Platform Services client secret',
    severity: 'high',
    provider: 'Autodesk',
    names: ['autodesk'],
    value: String.raw`[0-9A-Za-z]{16}`,
    entropy: 3.2,
    match: [
      { text: 'AUTODESK_SECRET=oUeZviZDKGLVHpDj', secret: 'oUeZviZDKGLVHpDj' },
      { text: 'const autodeskSecret = \'SgAYwOp9rZ87iYTP\';', secret: 'SgAYwOp9rZ87iYTP' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'bannerbear-api-key',
    title: 'Bannerbear API key',
    severity: 'high',
    provider: 'Bannerbear',
    names: ['bannerbear'],
    value: String.raw`[0-9a-zA-Z]{22}tt`,
    entropy: 3.5,
    match: [
      { text: 'bannerbearKey := "ga3uXsl1F1paiVZivRzez8tt"', secret: 'ga3uXsl1F1paiVZivRzez8tt' },
      { text: '  "bannerbearKey": "n1oboeRNdl5dO8aEXUmIJUtt",', secret: 'n1oboeRNdl5dO8aEXUmIJUtt' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'abyssale-api-key',
    title: 'Abyssale API key',
    severity: 'high',
    provider: 'Abyssale',
    names: ['abyssale'],
    value: String.raw`[a-z0-9A-Z]{40}`,
    entropy: 3.5,
    match: [
      { text: 'const abyssaleKey = \'tStrVr3bGsl7Wl8E2lvyZGMQA5dv562u4I2Cz6wq\';', secret: 'tStrVr3bGsl7Wl8E2lvyZGMQA5dv562u4I2Cz6wq' },
      { text: '  "abyssaleKey": "RXlRKeF07rhNgObuRfXp4U3YNUwUpaMmxWBm3SAR",', secret: 'RXlRKeF07rhNgObuRfXp4U3YNUwUpaMmxWBm3SAR' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'ayrshare-api-key',
    title: 'Ayrshare API key',
    severity: 'high',
    provider: 'Ayrshare',
    names: ['ayrshare'],
    value: String.raw`[A-Z0-9]{8}-[A-Z0-9]{8}-[A-Z0-9]{8}-[A-Z0-9]{8}`,
    entropy: 3,
    match: [
      { text: 'ayrshareKey := "GA94JIJA-D23412SL-0D9LY83X-31RBKW03"', secret: 'GA94JIJA-D23412SL-0D9LY83X-31RBKW03' },
      { text: 'export AYRSHARE_KEY="UA93PUMQ-VBU65BGT-CBZOM4FL-6SIW7GHP"', secret: 'UA93PUMQ-VBU65BGT-CBZOM4FL-6SIW7GHP' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'chartmogul-api-key',
    title: 'ChartMogul API key',
    severity: 'high',
    provider: 'ChartMogul',
    names: ['chartmogul'],
    value: String.raw`[a-z0-9]{32}`,
    entropy: 3,
    match: [
      { text: '<add key="chartmogulKey" value="jgj0mn9gd97mpmbd8fa0ik8y5tduwx4c" />', secret: 'jgj0mn9gd97mpmbd8fa0ik8y5tduwx4c' },
      { text: 'const chartmogulKey = \'zfk5avvrm9uulbt2nuk68fgjnfpv51j1\';', secret: 'zfk5avvrm9uulbt2nuk68fgjnfpv51j1' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'crowdin-personal-access-token',
    title: 'Crowdin personal access token',
    severity: 'high',
    provider: 'Crowdin',
    names: ['crowdin'],
    value: String.raw`[0-9A-Za-z]{80}`,
    entropy: 3.5,
    match: [
      { text: 'crowdin_token: "eK60HfJmBgSf4fvJLQkqfH5e0Xf6s9fUxott8W1nUNH6QgSDbWo6uNfAmG2aU4YV5MwpDRDt5V6fW3pm"', secret: 'eK60HfJmBgSf4fvJLQkqfH5e0Xf6s9fUxott8W1nUNH6QgSDbWo6uNfAmG2aU4YV5MwpDRDt5V6fW3pm' },
      { text: '  "crowdinToken": "vOvPgbsu7sHsighS12lJyfAMFGPiPTLQAm9eGuz4D0ew2GQtZWCgd1K3DSKuZAKFgz4bnGYnELQUqlZL",', secret: 'vOvPgbsu7sHsighS12lJyfAMFGPiPTLQAm9eGuz4D0ew2GQtZWCgd1K3DSKuZAKFgz4bnGYnELQUqlZL' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'boostnote-api-token',
    title: 'Boost Note API token',
    severity: 'high',
    provider: 'Boost Note',
    names: ['boostnote'],
    value: String.raw`[0-9a-f]{64}`,
    entropy: 3,
    match: [
      { text: 'boostnote_token = "f0ed6781f20d71f5ee029a376dbda60408970a30dc2412f981d0200e47c625e8"', secret: 'f0ed6781f20d71f5ee029a376dbda60408970a30dc2412f981d0200e47c625e8' },
      { text: 'BOOSTNOTE_TOKEN=745e02e171ea664e4bfeb1b44c3323fa21ccfd03aeb3d83b566612e9ad708ce4', secret: '745e02e171ea664e4bfeb1b44c3323fa21ccfd03aeb3d83b566612e9ad708ce4' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'agora-app-secret',
    title: 'Agora customer secret or app certificate',
    severity: 'high',
    provider: 'Agora',
    names: ['agora'],
    value: String.raw`[a-z0-9]{32}`,
    entropy: 3,
    match: [
      { text: '<add key="agoraSecret" value="rn315tra5jwsw0co70e4r74xsfv21n59" />', secret: 'rn315tra5jwsw0co70e4r74xsfv21n59' },
      { text: 'export AGORA_SECRET="6855h8jm3brvnpsxcgkd0xl1m53pprp9"', secret: '6855h8jm3brvnpsxcgkd0xl1m53pprp9' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'clickup-personal-token',
    title: 'ClickUp personal API token',
    severity: 'high',
    provider: 'ClickUp',
    names: ['clickup'],
    value: String.raw`pk_[0-9]{7,8}_[0-9A-Z]{32}`,
    entropy: 3.5,
    match: [
      { text: '  "clickupToken": "pk_74545614_JNXYMV1569GTNQM571CO221D5MQ49SFY",', secret: 'pk_74545614_JNXYMV1569GTNQM571CO221D5MQ49SFY' },
      { text: 'export CLICKUP_TOKEN="pk_30389725_GFAIMJXMLTKLY4AEFWAZHA33A5ZE4EIO"', secret: 'pk_30389725_GFAIMJXMLTKLY4AEFWAZHA33A5ZE4EIO' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'courier-api-key',
    title: 'Courier API key',
    severity: 'high',
    provider: 'Courier',
    names: ['courier'],
    value: String.raw`pk_[a-zA-Z0-9]{1,20}_[a-zA-Z0-9]{28}`,
    entropy: 3.5,
    match: [
      { text: 'export COURIER_KEY="pk_prod_Et9e1FCvCl4BqjIsIzEPaNr7Nufj"', secret: 'pk_prod_Et9e1FCvCl4BqjIsIzEPaNr7Nufj' },
      { text: 'const courierKey = \'pk_prod_AciYrvIuDXREHEDyaMQpr8dBAwQj\';', secret: 'pk_prod_AciYrvIuDXREHEDyaMQpr8dBAwQj' },
    ],
  }),
];
