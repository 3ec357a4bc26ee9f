import type { SecretRule } from '../../rule.js';
import { anchoredToken, anyCase, anyCaseOf, assignedTo, assignedToName, PLACEHOLDERS, prefixedToken, UUID } from './patterns.js';
import { prefixedRule } from './builders.js';

const datadog = { family: 'observability', provider: 'Datadog', rotateUrl: 'https://app.datadoghq.com/organization-settings/api-keys' } as const;
const grafana = { family: 'observability', provider: 'Grafana', rotateUrl: 'https://grafana.com/orgs' } as const;
const B64_EDGE = String.raw`\w+/=`;
// `datadog…` or the agent's own `DD_` names, followed by which kind of key it is.
const DATADOG_NAME = String.raw`(?:${anyCase('datadog')}[\w.-]{0,20}?|${anyCase('dd')}[_.-]?)`;

const family = 'observability';
const newRelicKeys = 'https://one.newrelic.com/api-keys';
const sentryTokens = 'https://sentry.io/settings/account/api/auth-tokens/';

/** Observability, logging and alerting: Datadog, Dynatrace, Grafana, New Relic, Sentry, Splunk, PagerDuty and others. */
export const rules: SecretRule[] = [
  {
    ...datadog,
    id: 'datadog-api-key',
    title: 'Datadog API key',
    severity: 'high',
    regex: assignedToName(DATADOG_NAME + anyCaseOf('api_key', 'apikey', 'api-key', 'api.key'), '[a-f0-9]{32}'),
    keywords: ['datadog', 'dd_api', 'dd-api', 'dd.api', 'ddapi'],
    entropy: 3,
    allow: PLACEHOLDERS,
    examples: {
      match: [
        { text: 'DD_API_KEY=d01e9eadfd537ebbadc21091e3f67e8e', secret: 'd01e9eadfd537ebbadc21091e3f67e8e' },
        { text: 'datadog:\n  datadog_api_key: "e888339a5385db482caae544fecc5a0d"', secret: 'e888339a5385db482caae544fecc5a0d' },
        { text: '"datadogApiKey": "e888339a5385db482caae544fecc5a0d"', secret: 'e888339a5385db482caae544fecc5a0d' },
      ],
      noMatch: ['DD_API_KEY=${DD_API_KEY}', 'DD_API_KEY=00000000000000000000000000000000', 'DD_SITE=datadoghq.eu', { text: 'DD_API_KEY=d01e9eadfd537ebbadc21091e3f67e8e99', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    ...datadog,
    id: 'datadog-application-key',
    title: 'Datadog application key',
    severity: 'high',
    rotateUrl: 'https://app.datadoghq.com/organization-settings/application-keys',
    regex: assignedToName(DATADOG_NAME + anyCaseOf('app_key', 'appkey', 'app-key', 'application_key', 'applicationkey', 'application-key'), '[a-f0-9]{40}'),
    keywords: ['datadog', 'dd_app', 'dd-app', 'dd.app', 'ddapp'],
    entropy: 3,
    allow: PLACEHOLDERS,
    examples: {
      match: [
        { text: 'DD_APP_KEY=38fda3b4b69e3c3ff220d3a8ca4c8aecabb1c130', secret: '38fda3b4b69e3c3ff220d3a8ca4c8aecabb1c130' },
        { text: "datadog_application_key = 'c7ca1de77113422ba10251525bcff48437b52f46'", secret: 'c7ca1de77113422ba10251525bcff48437b52f46' },
      ],
      noMatch: ['DD_APP_KEY=${{ secrets.DD_APP_KEY }}', { text: 'DD_APP_KEY=38fda3b4b69e3c3ff220d3a8ca4c8aecabb1c1', firedBy: ['generic-secret-config'] }],
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
    cutShortFiredBy: ['generic-secret-config'],
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
  {
    id: 'new-relic-user-api-key',
    title: 'New Relic user API key',
    severity: 'high',
    family,
    provider: 'New Relic',
    rotateUrl: newRelicKeys,
    regex: prefixedToken('NRAK-[A-Z0-9]{27}'),
    keywords: ['nrak-'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'NEW_RELIC_API_KEY=NRAK-QDL8BN9WL4AAFK0U7MG8T83C179', secret: 'NRAK-QDL8BN9WL4AAFK0U7MG8T83C179' },
        { text: 'newrelic_user_key: "NRAK-L0RDZZLBJYQ4P66YERG8IREUCSV"', secret: 'NRAK-L0RDZZLBJYQ4P66YERG8IREUCSV' },
      ],
      noMatch: ['NEW_RELIC_API_KEY=NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX', { text: 'NEW_RELIC_API_KEY=NRAK-992BX86CZCEA', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    id: 'new-relic-admin-api-key',
    title: 'New Relic admin API key (legacy)',
    severity: 'critical',
    family,
    provider: 'New Relic',
    rotateUrl: newRelicKeys,
    regex: prefixedToken('NRAA-[A-Za-z0-9]{27}'),
    keywords: ['nraa-'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'NEW_RELIC_ADMIN_KEY=NRAA-obtcQcPd7r2lRQINGdTu2aIeKas', secret: 'NRAA-obtcQcPd7r2lRQINGdTu2aIeKas' },
        { text: "admin_key = 'NRAA-7nng61l1n4wrqnqgt6c9f2yk6k0'", secret: 'NRAA-7nng61l1n4wrqnqgt6c9f2yk6k0' },
      ],
      noMatch: ['NEW_RELIC_ADMIN_KEY=NRAA-...', 'NEW_RELIC_ADMIN_KEY=NRAA-00000000000000000000000000'],
    },
  },
  {
    id: 'new-relic-insert-key',
    title: 'New Relic Insights insert key',
    severity: 'high',
    family,
    provider: 'New Relic',
    rotateUrl: newRelicKeys,
    regex: prefixedToken('NRII-[A-Za-z0-9_-]{32}'),
    keywords: ['nrii-'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'NEW_RELIC_INSERT_KEY=NRII-AA7LhZ1--Z6Mw0ZX82VvWj7vHnMnAUj7', secret: 'NRII-AA7LhZ1--Z6Mw0ZX82VvWj7vHnMnAUj7' },
        { text: '"insertKey": "NRII-UEGa7nYuKpPQ6dEjojT8FD9tMoyCn0hE"', secret: 'NRII-UEGa7nYuKpPQ6dEjojT8FD9tMoyCn0hE' },
      ],
      noMatch: ['NEW_RELIC_INSERT_KEY=NRII-<insert-key>', { text: 'NEW_RELIC_INSERT_KEY=NRII-Sov4nq8COTIFBZIp', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    id: 'new-relic-query-key',
    title: 'New Relic Insights query key',
    severity: 'medium',
    family,
    provider: 'New Relic',
    rotateUrl: newRelicKeys,
    regex: prefixedToken('NRIQ-[A-Za-z0-9_-]{32}'),
    keywords: ['nriq-'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'NEW_RELIC_QUERY_KEY=NRIQ-JhHoq4HXUkRWpvXV73zkWQAhP56zaxbI', secret: 'NRIQ-JhHoq4HXUkRWpvXV73zkWQAhP56zaxbI' },
        { text: 'query_key: NRIQ-qwIsgWbo1HISKMOC4ENs4mttMvgYvlwI', secret: 'NRIQ-qwIsgWbo1HISKMOC4ENs4mttMvgYvlwI' },
      ],
      noMatch: ['NEW_RELIC_QUERY_KEY=NRIQ-', 'query_key: NRIQ-wuZrM3YSzP9u1r9vbQXBxSeO9vYKhidL3CZcqxyb'],
    },
  },
  {
    id: 'new-relic-license-key',
    title: 'New Relic ingest license key',
    severity: 'high',
    family,
    provider: 'New Relic',
    rotateUrl: newRelicKeys,
    // 40 characters whose last four are "NRAL".
    regex: anchoredToken('[a-f0-9]{36}', 'NRAL', ''),
    keywords: ['nral'],
    entropy: 3,
    examples: {
      match: [
        { text: 'NEW_RELIC_LICENSE_KEY=ee711d9eb52d20aade215b8c58ee56af4fc8NRAL', secret: 'ee711d9eb52d20aade215b8c58ee56af4fc8NRAL' },
        { text: "license_key: '88f1b937d95dd914f0a940ef070fe3d17088NRAL'", secret: '88f1b937d95dd914f0a940ef070fe3d17088NRAL' },
      ],
      noMatch: ['NEW_RELIC_LICENSE_KEY=000000000000000000000000000000000000NRAL', { text: 'NEW_RELIC_LICENSE_KEY=c2d0880d9660fa558db87c3a56fe0a564723578e', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    id: 'new-relic-browser-api-key',
    title: 'New Relic browser ingest key',
    severity: 'low',
    family,
    provider: 'New Relic',
    rotateUrl: newRelicKeys,
    regex: prefixedToken('NRJS-[a-f0-9]{19}'),
    keywords: ['nrjs-'],
    entropy: 3,
    examples: {
      match: [
        { text: 'NEW_RELIC_BROWSER_KEY=NRJS-03e347159c34e41c27c', secret: 'NRJS-03e347159c34e41c27c' },
        { text: 'licenseKey:"NRJS-4eeb6f092f3e8b6477d",applicationID:"1234567"', secret: 'NRJS-4eeb6f092f3e8b6477d' },
      ],
      noMatch: ['NEW_RELIC_BROWSER_KEY=NRJS-0000000000000000000', { text: 'NEW_RELIC_BROWSER_KEY=NRJS-76e3448b04', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    id: 'sentry-user-auth-token',
    title: 'Sentry user auth token',
    severity: 'high',
    family,
    provider: 'Sentry',
    rotateUrl: sentryTokens,
    regex: prefixedToken('sntryu_[a-f0-9]{64}'),
    keywords: ['sntryu_'],
    entropy: 3,
    examples: {
      match: [
        { text: 'SENTRY_AUTH_TOKEN=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', secret: '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' },
        { text: 'authToken: "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"', secret: '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' },
      ],
      noMatch: ['SENTRY_AUTH_TOKEN=sntryu_...', { text: 'SENTRY_AUTH_TOKEN=sntryu_2e49734c03ca0bac462f9485b7b04faa', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    id: 'sentry-org-auth-token',
    title: 'Sentry organization auth token',
    severity: 'high',
    family,
    provider: 'Sentry',
    rotateUrl: 'https://sentry.io/settings/auth-tokens/',
    // sntrys_ + base64 of a JSON claim set (opens with {"iat":) + _ + a 43-character secret.
    regex: prefixedToken('sntrys_eyJpYXQiO[A-Za-z0-9+/]{30,500}={0,2}_[A-Za-z0-9+/]{43}', '\\w+/=', '\\w+/'),
    keywords: ['sntrys_eyjpyxqio'],
    entropy: 4,
    examples: {
      match: [
        { text: 'SENTRY_AUTH_TOKEN=sntrys_eyJpYXQiOHh1/HCRm3c2gV/K7PQcYzAVx3oAzQ7jTJwsEsUcCgOXKMX5CjMUD2nslB8ruDESuHTmWYIY7It35Ih3WG66LfPIEOjc/IHFt9aFaRzcpKVEJT4J3auQToCLJbqH6pez4qYKJJZ2wEb5pa8I5qDvvwrOTxiR8iY/9AtFlOFS4H/PGMVHdJJQ4_0jek0YFJ1PK3gxmS7GflxV21EZtqZjLqgR0Jhn6J1KD', secret: 'sntrys_eyJpYXQiOHh1/HCRm3c2gV/K7PQcYzAVx3oAzQ7jTJwsEsUcCgOXKMX5CjMUD2nslB8ruDESuHTmWYIY7It35Ih3WG66LfPIEOjc/IHFt9aFaRzcpKVEJT4J3auQToCLJbqH6pez4qYKJJZ2wEb5pa8I5qDvvwrOTxiR8iY/9AtFlOFS4H/PGMVHdJJQ4_0jek0YFJ1PK3gxmS7GflxV21EZtqZjLqgR0Jhn6J1KD' },
        { text: 'auth_token = "sntrys_eyJpYXQiOgABdH4SPgYsxSJRLWhig4+SvRBR6WXJ/d5HNTjJU16b/7oV+2a8zRD23N2jzVJbB+mFXRH1QAVaM2msFLvpRpreM/CCJbR8cjs/RL6iWwJTdrOQdhQcMp4yto4QlF41gEHNEAFDgeCbCU2okgJZ96f==_8FWtUxlS3bgCcdRGA7MmotNrKPxHIb6EJZ30BR8urDq"', secret: 'sntrys_eyJpYXQiOgABdH4SPgYsxSJRLWhig4+SvRBR6WXJ/d5HNTjJU16b/7oV+2a8zRD23N2jzVJbB+mFXRH1QAVaM2msFLvpRpreM/CCJbR8cjs/RL6iWwJTdrOQdhQcMp4yto4QlF41gEHNEAFDgeCbCU2okgJZ96f==_8FWtUxlS3bgCcdRGA7MmotNrKPxHIb6EJZ30BR8urDq' },
      ],
      noMatch: [{ text: 'SENTRY_AUTH_TOKEN=sntrys_eyJpYXQiO', firedBy: ['generic-secret-config'] }, 'SENTRY_AUTH_TOKEN=sntrys_<org token>'],
    },
  },
  {
    id: 'sentry-legacy-auth-token',
    title: 'Sentry auth token (legacy format)',
    severity: 'high',
    family,
    provider: 'Sentry',
    rotateUrl: sentryTokens,
    regex: assignedTo('sentry', '[a-f0-9]{64}'),
    flags: 'i',
    keywords: ['sentry'],
    entropy: 3,
    examples: {
      match: [
        { text: 'SENTRY_AUTH_TOKEN=cb7c5c2f3be0c194b9cae675eaa0eb01724e692f3cafb6c88ca86c98fdf6a7e1', secret: 'cb7c5c2f3be0c194b9cae675eaa0eb01724e692f3cafb6c88ca86c98fdf6a7e1' },
        { text: 'sentry_token=6bc13df882b864c1c669c4a31ee8c71e4f9100ad197b68db7acf9bf1c8b9d118', secret: '6bc13df882b864c1c669c4a31ee8c71e4f9100ad197b68db7acf9bf1c8b9d118' },
      ],
      noMatch: ['SENTRY_AUTH_TOKEN=${{ secrets.SENTRY_AUTH_TOKEN }}', 'SENTRY_RELEASE=27c48af424ad433420f438dc235a7ea3c13b72ce'],
    },
  },
  {
    id: 'sumologic-access-id',
    title: 'Sumo Logic access id',
    severity: 'medium',
    family,
    provider: 'Sumo Logic',
    rotateUrl: 'https://service.sumologic.com/ui/#/preferences',
    // `SUMO_…`, `sumo…`, `Sumo…`, `sumologic…` as a word of the name, never the `sumO` of
    // `sumOfValues`/`sumObj` (no `i` flag: the case of the name's next letter tells them apart).
    regex: assignedTo('(?:SUMO|[sS]umo)(?![a-z])|(?:SUMO|[sS]umo)(?:LOGIC|[lL]ogic)', 'su[A-Za-z0-9]{12}'),
    keywords: ['sumo'],
    entropy: 3,
    examples: {
      match: [
        { text: 'SUMO_ACCESS_ID=suxCOKvMUGMUZm', secret: 'suxCOKvMUGMUZm' },
        { text: 'sumologic_access_id: "suGZlrx1gAxthh"', secret: 'suGZlrx1gAxthh' },
        { text: 'sumoAccessId = "suR4kWq8nLz2Vb"', secret: 'suR4kWq8nLz2Vb' },
      ],
      noMatch: ['SUMO_ACCESS_ID=su_access_id', 'SUMO_ACCESS_ID=suaaaaaaaaaaaa', 'sumOfSquares = sumOfSquares;', 'sumObj = suQk7Lm2Xv9Rt4'],
    },
  },
  {
    id: 'sumologic-access-key',
    title: 'Sumo Logic access key',
    severity: 'high',
    family,
    provider: 'Sumo Logic',
    rotateUrl: 'https://service.sumologic.com/ui/#/preferences',
    regex: assignedTo('sumo', '[A-Za-z0-9]{64}'),
    flags: 'i',
    keywords: ['sumo'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'SUMO_ACCESS_KEY=37X0idghH0z0z5gbm1TWGoZ6JMMmVaUjFq8P7ZHAkAjnHpE8wN8OFPFNto72x8le', secret: '37X0idghH0z0z5gbm1TWGoZ6JMMmVaUjFq8P7ZHAkAjnHpE8wN8OFPFNto72x8le' },
        { text: "sumologic_access_key: 'gjgXtiq0z8LW088ApTiLyfvH3j84cKfTmFQvPFxVG81kmi26aG9ODq8dCMV8aSIZ'", secret: 'gjgXtiq0z8LW088ApTiLyfvH3j84cKfTmFQvPFxVG81kmi26aG9ODq8dCMV8aSIZ' },
      ],
      noMatch: ['SUMO_ACCESS_KEY=<access-key>', { text: 'SUMO_ACCESS_KEY=sQJ52pVnz8gQIOTWUOFJyeT1iXkJwuE7', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    id: 'splunk-hec-token',
    title: 'Splunk HTTP Event Collector token',
    severity: 'high',
    family,
    provider: 'Splunk',
    regex: assignedTo('splunk|hec[_.-]?token', UUID),
    flags: 'i',
    keywords: ['splunk', 'hec_token', 'hec-token', 'hec.token', 'hectoken'],
    entropy: 3,
    examples: {
      match: [
        { text: 'SPLUNK_HEC_TOKEN=1AF4C8E8-6803-4AC1-A6DE-16FBB186DE43', secret: '1AF4C8E8-6803-4AC1-A6DE-16FBB186DE43' },
        { text: 'hec_token: "79d0dd03-93b3-4667-9e92-1bc81c1f468b"', secret: '79d0dd03-93b3-4667-9e92-1bc81c1f468b' },
      ],
      noMatch: ['SPLUNK_HEC_TOKEN=00000000-0000-0000-0000-000000000000', 'SPLUNK_HEC_URL=https://splunk.internal:8088'],
    },
  },
  {
    id: 'rollbar-access-token',
    title: 'Rollbar access token',
    severity: 'medium',
    family,
    provider: 'Rollbar',
    rotateUrl: 'https://rollbar.com/settings/accounts/',
    regex: assignedTo('rollbar', '[a-f0-9]{32}'),
    flags: 'i',
    keywords: ['rollbar'],
    entropy: 3,
    examples: {
      match: [
        { text: 'ROLLBAR_ACCESS_TOKEN=88aca881a3324ccb70478ac15fbeb3ab', secret: '88aca881a3324ccb70478ac15fbeb3ab' },
        { text: "rollbarAccessToken: '2f862f6af1ece7cff5d726315b7bbb02',", secret: '2f862f6af1ece7cff5d726315b7bbb02' },
      ],
      noMatch: ['ROLLBAR_ACCESS_TOKEN=POST_SERVER_ITEM_ACCESS_TOKEN', 'ROLLBAR_ENV=production'],
    },
  },
  {
    id: 'pagerduty-api-key',
    title: 'PagerDuty REST API key',
    severity: 'high',
    family,
    provider: 'PagerDuty',
    rotateUrl: 'https://support.pagerduty.com/main/docs/api-access-keys',
    regex: assignedTo('pager_?duty', '[A-Za-z0-9_+-]{20}'),
    flags: 'i',
    keywords: ['pagerduty', 'pager_duty'],
    entropy: 3.5,
    // PagerDuty's documentation key.
    allow: ['^y_NbAkKc66ryYTWUXYEu$'],
    examples: {
      match: [
        { text: 'PAGERDUTY_API_KEY=u+qU3qOtbfyDYM6yuaWY', secret: 'u+qU3qOtbfyDYM6yuaWY' },
        { text: "pagerduty_token: 'SKkgm-19YKinPdFyl75G'", secret: 'SKkgm-19YKinPdFyl75G' },
      ],
      noMatch: [{ text: 'PAGERDUTY_API_KEY=y_NbAkKc66ryYTWUXYEu', firedBy: ['generic-secret-config'] }, 'PAGERDUTY_SERVICE=PEJ6MQD'],
    },
  },
  {
    id: 'opsgenie-api-key',
    title: 'Opsgenie API key',
    severity: 'high',
    family,
    provider: 'Opsgenie',
    regex: assignedTo('opsgenie|ops_genie', UUID),
    flags: 'i',
    keywords: ['opsgenie', 'ops_genie'],
    entropy: 3,
    examples: {
      match: [
        { text: 'OPSGENIE_API_KEY=1acda073-1ca2-49a0-a393-3d3b8a4c26d3', secret: '1acda073-1ca2-49a0-a393-3d3b8a4c26d3' },
        { text: 'opsgenie_api_key: "8319b3e8-07c8-4110-846b-29f77177d6d7"', secret: '8319b3e8-07c8-4110-846b-29f77177d6d7' },
      ],
      noMatch: ['OPSGENIE_API_KEY=00000000-0000-0000-0000-000000000000', 'OPSGENIE_API_URL=https://api.eu.opsgenie.com'],
    },
  },
  {
    id: 'loggly-customer-token',
    title: 'Loggly customer token',
    severity: 'medium',
    family,
    provider: 'Loggly',
    regex: assignedTo('loggly', UUID),
    flags: 'i',
    keywords: ['loggly'],
    entropy: 3,
    examples: {
      match: [
        { text: 'LOGGLY_TOKEN=dedbbbd0-def5-4932-a7b3-0d01355366d8', secret: 'dedbbbd0-def5-4932-a7b3-0d01355366d8' },
        { text: 'loggly_customer_token: "0a0e3b52-aa42-4ced-9aad-634159694866"', secret: '0a0e3b52-aa42-4ced-9aad-634159694866' },
      ],
      noMatch: ['LOGGLY_TOKEN=TOKEN', 'LOGGLY_SUBDOMAIN=acme'],
    },
  },
  {
    id: 'mixpanel-api-secret',
    title: 'Mixpanel API secret',
    severity: 'medium',
    family,
    provider: 'Mixpanel',
    regex: assignedTo('mixpanel[\\w.-]{0,20}?(?:secret|password)', '[a-f0-9]{32}'),
    flags: 'i',
    keywords: ['mixpanel'],
    entropy: 3,
    examples: {
      match: [
        { text: 'MIXPANEL_API_SECRET=90c61ccb7b9fb01025ce0175291231e9', secret: '90c61ccb7b9fb01025ce0175291231e9' },
        { text: 'mixpanel_service_account_secret: "4df4dbc6a0eaa4ef9501d0f4c241a2fb"', secret: '4df4dbc6a0eaa4ef9501d0f4c241a2fb' },
      ],
      noMatch: [{ text: 'MIXPANEL_PROJECT_TOKEN=ba160752c6dde3d2d3df3b4bdc15ca5a', firedBy: ['generic-secret-config'] }, 'MIXPANEL_API_SECRET=<secret>'],
    },
  },
  {
    id: 'posthog-personal-api-key',
    title: 'PostHog personal API key',
    severity: 'high',
    family,
    provider: 'PostHog',
    rotateUrl: 'https://app.posthog.com/settings/user-api-keys',
    regex: prefixedToken('phx_[A-Za-z0-9]{43}'),
    keywords: ['phx_'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'POSTHOG_PERSONAL_API_KEY=phx_TwkqpBXyS4hWJD10B986LY3F4GWZuQPoXMtop7rV5Un', secret: 'phx_TwkqpBXyS4hWJD10B986LY3F4GWZuQPoXMtop7rV5Un' },
        { text: "personalApiKey: 'phx_qN5nwW9xMDFw5DXRhlFBtAIMn12HQaqoUWtuVueqojK'", secret: 'phx_qN5nwW9xMDFw5DXRhlFBtAIMn12HQaqoUWtuVueqojK' },
      ],
      noMatch: ['POSTHOG_PERSONAL_API_KEY=phx_...', { text: 'POSTHOG_PROJECT_KEY=phc_IGKqFLpk6sYdn3levas7Rnz8rrWtePj6VC4NwRMJzHE', firedBy: ['generic-secret-config'] }],
    },
  },
];
