import type { SecretRule } from '../../../rule.js';
import { anyCase, anyCaseOf, assignedTo, PLACEHOLDERS } from './pattern.js';
import { prefixedRule } from './builders.js';

const datadog = { family: 'observability', provider: 'Datadog', rotateUrl: 'https://app.datadoghq.com/organization-settings/api-keys' } as const;
const grafana = { family: 'observability', provider: 'Grafana', rotateUrl: 'https://grafana.com/orgs' } as const;
const B64_EDGE = String.raw`\w+/=`;
// `datadog…` or the agent's own `DD_` names, followed by which kind of key it is.
const DATADOG_NAME = String.raw`(?:${anyCase('datadog')}[\w.-]{0,20}?|${anyCase('dd')}[_.-]?)`;

/** Observability A-K: Datadog, Dynatrace, Grafana. */
export const rules: SecretRule[] = [
  {
    ...datadog,
    id: 'datadog-api-key',
    title: 'Datadog API key',
    severity: 'high',
    regex: assignedTo(DATADOG_NAME + anyCaseOf('api_key', 'apikey', 'api-key', 'api.key'), '[a-f0-9]{32}'),
    keywords: ['datadog', 'dd_api', 'dd-api', 'dd.api', 'ddapi'],
    entropy: 3,
    allow: PLACEHOLDERS,
    examples: {
      match: [
        { text: 'DD_API_KEY=d01e9eadfd537ebbadc21091e3f67e8e', secret: 'd01e9eadfd537ebbadc21091e3f67e8e' },
        { text: 'datadog:\n  datadog_api_key: "e888339a5385db482caae544fecc5a0d"', secret: 'e888339a5385db482caae544fecc5a0d' },
        { text: '"datadogApiKey": "e888339a5385db482caae544fecc5a0d"', secret: 'e888339a5385db482caae544fecc5a0d' },
      ],
      noMatch: ['DD_API_KEY=${DD_API_KEY}', 'DD_API_KEY=00000000000000000000000000000000', 'DD_SITE=datadoghq.eu', 'DD_API_KEY=d01e9eadfd537ebbadc21091e3f67e8e99'],
    },
  },
  {
    ...datadog,
    id: 'datadog-application-key',
    title: 'Datadog application key',
    severity: 'high',
    rotateUrl: 'https://app.datadoghq.com/organization-settings/application-keys',
    regex: assignedTo(DATADOG_NAME + anyCaseOf('app_key', 'appkey', 'app-key', 'application_key', 'applicationkey', 'application-key'), '[a-f0-9]{40}'),
    keywords: ['datadog', 'dd_app', 'dd-app', 'dd.app', 'ddapp'],
    entropy: 3,
    allow: PLACEHOLDERS,
    examples: {
      match: [
        { text: 'DD_APP_KEY=38fda3b4b69e3c3ff220d3a8ca4c8aecabb1c130', secret: '38fda3b4b69e3c3ff220d3a8ca4c8aecabb1c130' },
        { text: "datadog_application_key = 'c7ca1de77113422ba10251525bcff48437b52f46'", secret: 'c7ca1de77113422ba10251525bcff48437b52f46' },
      ],
      noMatch: ['DD_APP_KEY=${{ secrets.DD_APP_KEY }}', 'DD_APP_KEY=38fda3b4b69e3c3ff220d3a8ca4c8aecabb1c1'],
    },
  },
  prefixedRule({
    id: 'dynatrace-api-token',
    title: 'Dynatrace API or platform token',
    severity: 'high',
    family: 'observability',
    provider: 'Dynatrace',
    rotateUrl: 'https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens',
    prefix: ['dt0c01.', 'dt0s01.', 'dt0s02.', 'dt0s16.'],
    body: String.raw`[A-Z0-9]{24}\.[A-Z0-9]{64}`,
    entropy: 3.5,
    match: [
      { text: 'DT_API_TOKEN=dt0c01.IWRUCOWKMKZ6694UA5230NJJ.BQT4VTN2X1Y502YWBH46QPDKOS6A09PF7RNIBFN8ARB3TC4MVN2KD4W8FMKB87IK', secret: 'dt0c01.IWRUCOWKMKZ6694UA5230NJJ.BQT4VTN2X1Y502YWBH46QPDKOS6A09PF7RNIBFN8ARB3TC4MVN2KD4W8FMKB87IK' },
      { text: 'Authorization: Api-Token dt0c01.RRXW4KM1J05XWG757V52JFL3.VEBH7TU71693DIBHW228XAISGBJ7OW3HI8F7UVOBTJ6BJSAQIIMLR4QF91MWUTT7', secret: 'dt0c01.RRXW4KM1J05XWG757V52JFL3.VEBH7TU71693DIBHW228XAISGBJ7OW3HI8F7UVOBTJ6BJSAQIIMLR4QF91MWUTT7' },
    ],
  }),
  prefixedRule({
    ...grafana,
    id: 'grafana-cloud-api-token',
    title: 'Grafana Cloud access policy / API token',
    severity: 'high',
    prefix: 'glc_',
    body: '[A-Za-z0-9+/]{32,400}={0,2}',
    edge: B64_EDGE,
    entropy: 4,
    match: [
      { text: 'GRAFANA_CLOUD_TOKEN=glc_eyJRsGIy34UHNX91MpQ8cj+iOfLmEGLewb698jl7XGgpHKrE/4nC1KwIUlghFcGhjJ5Xuf+l4pEe5QpS3Sano2Hx81rH/qaB+Em5VZO6MF9UhQoMWVMW3QFdLUd', secret: 'glc_eyJRsGIy34UHNX91MpQ8cj+iOfLmEGLewb698jl7XGgpHKrE/4nC1KwIUlghFcGhjJ5Xuf+l4pEe5QpS3Sano2Hx81rH/qaB+Em5VZO6MF9UhQoMWVMW3QFdLUd' },
      { text: 'password: "glc_eyJPo0m4sR030UKgru4W7SMGaJnK2x73Nwi3fxWzIZHkBWylqPhawKJOaEVK6/CNFtW8iN/YZ8n6vuWHL2y="', secret: 'glc_eyJPo0m4sR030UKgru4W7SMGaJnK2x73Nwi3fxWzIZHkBWylqPhawKJOaEVK6/CNFtW8iN/YZ8n6vuWHL2y=' },
    ],
  }),
  prefixedRule({
    ...grafana,
    id: 'grafana-service-account-token',
    title: 'Grafana service account token',
    severity: 'high',
    prefix: 'glsa_',
    body: '[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}',
    entropy: 3.5,
    match: [
      { text: 'GRAFANA_TOKEN=glsa_iK8ZynRrLh1jPaH61n5BSmMPoL2rY0uF_5c3b01dc', secret: 'glsa_iK8ZynRrLh1jPaH61n5BSmMPoL2rY0uF_5c3b01dc' },
      { text: 'Authorization: Bearer glsa_hvG8RvfioeLrwaZVAO7MoDqTeO1N9WjI_9f73c56c', secret: 'glsa_hvG8RvfioeLrwaZVAO7MoDqTeO1N9WjI_9f73c56c' },
    ],
  }),
  prefixedRule({
    ...grafana,
    id: 'grafana-api-key',
    title: 'Grafana API key (legacy base64 JSON format)',
    severity: 'high',
    prefix: 'eyJrIjoi',
    body: '[A-Za-z0-9]{70,400}={0,2}',
    edge: B64_EDGE,
    entropy: 4,
    match: [
      { text: 'GRAFANA_API_KEY=eyJrIjoiFFnkDmkEL7Wq5QuZI9Ab0wFCvgWuKvyGlF4CiTrwk4NWslelsxzGd7uolpiecAhzjKsoB7NbceNkWdkK', secret: 'eyJrIjoiFFnkDmkEL7Wq5QuZI9Ab0wFCvgWuKvyGlF4CiTrwk4NWslelsxzGd7uolpiecAhzjKsoB7NbceNkWdkK' },
      { text: "headers = {'Authorization': 'Bearer eyJrIjoiuBZ0tJvJ7sIaZd7WEBYDs5eO1StMNQ2wdqRifWSthDn04OLff11xhSFJLx3KOmScgZW1B7AHm8PTLXV1owokKvsovp=='}", secret: 'eyJrIjoiuBZ0tJvJ7sIaZd7WEBYDs5eO1StMNQ2wdqRifWSthDn04OLff11xhSFJLx3KOmScgZW1B7AHm8PTLXV1owokKvsovp==' },
    ],
  }),
];
