import type { SecretRule } from '../../rule.js';
import { UUID, anchoredToken, assignedTo, prefixedToken } from './patterns.js';

const family = 'messaging';
const mailgunKeys = 'https://app.mailgun.com/settings/api_security';

export const rules: SecretRule[] = [
  {
    id: 'mailchimp-api-key',
    title: 'Mailchimp Marketing API key',
    severity: 'high',
    family,
    provider: 'Mailchimp',
    rotateUrl: 'https://admin.mailchimp.com/account/api/',
    // 32 hex characters, then the data-center suffix (-us6, -us21 …) that makes it distinctive.
    regex: anchoredToken('[a-f0-9]{32}', '-us', '\\d{1,2}'),
    keywords: ['-us'],
    entropy: 3,
    examples: {
      match: [
        { text: 'MAILCHIMP_API_KEY=0da52a63953831db79b2194729162907-us21', secret: '0da52a63953831db79b2194729162907-us21' },
        { text: "mailchimp.setConfig({ apiKey: 'c308df8a57c4e5933adf1fcd9f38f254-us6', server: 'us6' });", secret: 'c308df8a57c4e5933adf1fcd9f38f254-us6' },
      ],
      noMatch: ['MAILCHIMP_API_KEY=00000000000000000000000000000000-us21', 'locale: en-us1'],
    },
  },
  {
    id: 'mandrill-api-key',
    title: 'Mailchimp Transactional (Mandrill) API key',
    severity: 'high',
    family,
    provider: 'Mailchimp',
    rotateUrl: 'https://mandrillapp.com/settings',
    regex: prefixedToken('md-[A-Za-z0-9_-]{22}'),
    keywords: ['md-'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'MANDRILL_API_KEY=md-TobBb6vMpuGvngollLaG9G', secret: 'md-TobBb6vMpuGvngollLaG9G' },
        { text: "mailchimpTx = require('@mailchimp/mailchimp_transactional')('md-k4O7iJUmS7usI5Pg0XKx4S');", secret: 'md-k4O7iJUmS7usI5Pg0XKx4S' },
      ],
      noMatch: ['MANDRILL_API_KEY=md-xxxxxxxxxxxxxxxxxxxxxx', 'class="md-toolbar-section-end-wide"'],
    },
  },
  {
    id: 'mailgun-private-api-key',
    title: 'Mailgun private API key (legacy key- format)',
    severity: 'high',
    family,
    provider: 'Mailgun',
    rotateUrl: mailgunKeys,
    regex: prefixedToken('key-[a-f0-9]{32}'),
    keywords: ['key-'],
    entropy: 3,
    examples: {
      match: [
        { text: 'MAILGUN_API_KEY=key-aa9c905aa4f2bd76f47be881400ef0e2', secret: 'key-aa9c905aa4f2bd76f47be881400ef0e2' },
        { text: "mailgun.client({ username: 'api', key: 'key-b568571bfeae949bdb66253637f55d7a' });", secret: 'key-b568571bfeae949bdb66253637f55d7a' },
      ],
      noMatch: ['MAILGUN_API_KEY=key-00000000000000000000000000000000', 'cacheKey = "key-" + hash.slice(0, 8);'],
    },
  },
  {
    id: 'mailgun-api-key',
    title: 'Mailgun API key or webhook signing key',
    severity: 'high',
    family,
    provider: 'Mailgun',
    rotateUrl: mailgunKeys,
    regex: assignedTo('mailgun', '[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}'),
    flags: 'i',
    keywords: ['mailgun'],
    entropy: 3,
    examples: {
      match: [
        { text: 'MAILGUN_API_KEY=9d8d4e1bd0957b5d9c642560914b3e8a-00d54ee7-c8b504e9', secret: '9d8d4e1bd0957b5d9c642560914b3e8a-00d54ee7-c8b504e9' },
        { text: 'mailgun_webhook_signing_key: "7ea2612b0e63af88f4262d510d9c09a3-ba7e2703-8f35c2cb"', secret: '7ea2612b0e63af88f4262d510d9c09a3-ba7e2703-8f35c2cb' },
      ],
      noMatch: ['MAILGUN_API_KEY=${MAILGUN_KEY}', 'request_id = "019ccf4b663a8c49d6676caace817c4d-c740d032-548f155d"'],
    },
  },
  {
    id: 'mailgun-public-validation-key',
    title: 'Mailgun public validation key',
    severity: 'low',
    family,
    provider: 'Mailgun',
    rotateUrl: mailgunKeys,
    regex: prefixedToken('pubkey-[a-f0-9]{32}'),
    keywords: ['pubkey-'],
    entropy: 3,
    examples: {
      match: [
        { text: 'MAILGUN_PUBLIC_KEY=pubkey-03d594677dda640252f4126017dfc3df', secret: 'pubkey-03d594677dda640252f4126017dfc3df' },
        { text: "validate('pubkey-7433168ac087a6c5e748c6ab5e363d47', address)", secret: 'pubkey-7433168ac087a6c5e748c6ab5e363d47' },
      ],
      noMatch: ['MAILGUN_PUBLIC_KEY=pubkey-00000000000000000000000000000000', 'MAILGUN_PUBLIC_KEY=pubkey-abc123'],
    },
  },
  {
    id: 'mailjet-api-secret',
    title: 'Mailjet API key or secret',
    severity: 'high',
    family,
    provider: 'Mailjet',
    rotateUrl: 'https://app.mailjet.com/account/apikeys',
    regex: assignedTo('mailjet|mj_apikey|mj_api', '[a-f0-9]{32}'),
    flags: 'i',
    keywords: ['mailjet', 'mj_api'],
    entropy: 3,
    examples: {
      match: [
        { text: 'MAILJET_API_SECRET=610c2cf0fcf78b5efd8c2d0d01ef6d7b', secret: '610c2cf0fcf78b5efd8c2d0d01ef6d7b' },
        { text: 'MJ_APIKEY_PRIVATE=9507132d5d1f3a136df3c2f9a8201d67', secret: '9507132d5d1f3a136df3c2f9a8201d67' },
      ],
      noMatch: ['MAILJET_API_SECRET=<secret>', 'MJ_APIKEY_PRIVATE=ffffffffffffffffffffffffffffffff'],
    },
  },
  {
    id: 'postmark-server-token',
    title: 'Postmark server or account API token',
    severity: 'high',
    family,
    provider: 'Postmark',
    rotateUrl: 'https://account.postmarkapp.com/api_tokens',
    regex: assignedTo('postmark', UUID),
    flags: 'i',
    keywords: ['postmark'],
    entropy: 3,
    examples: {
      match: [
        { text: 'POSTMARK_SERVER_TOKEN=408a6800-2f41-4726-8efb-70e7bf7ec203', secret: '408a6800-2f41-4726-8efb-70e7bf7ec203' },
        { text: "const client = new postmark.ServerClient('0fb45414-fa42-4db6-8d2b-b972bd6ab0ea');", secret: '0fb45414-fa42-4db6-8d2b-b972bd6ab0ea' },
      ],
      noMatch: ['POSTMARK_SERVER_TOKEN=00000000-0000-0000-0000-000000000000', 'POSTMARK_SERVER_TOKEN=POSTMARK_API_TEST'],
    },
  },
  {
    id: 'resend-api-key',
    title: 'Resend API key',
    severity: 'high',
    family,
    provider: 'Resend',
    rotateUrl: 'https://resend.com/api-keys',
    regex: prefixedToken('re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}'),
    keywords: ['re_'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'RESEND_API_KEY=re_2wVXRw8f_OguQ1DMlZi1Am5FfueALM0Mo', secret: 're_2wVXRw8f_OguQ1DMlZi1Am5FfueALM0Mo' },
        { text: "const resend = new Resend('re_fv2w8qPB_HRLtjzIxrIcgOqnTYofbontb');", secret: 're_fv2w8qPB_HRLtjzIxrIcgOqnTYofbontb' },
      ],
      noMatch: ['RESEND_API_KEY=re_123456789', 'def re_compile_pattern_cache_for_module(): pass'],
    },
  },
  {
    id: 'sendinblue-api-key',
    title: 'Brevo (Sendinblue) API key',
    severity: 'high',
    family,
    provider: 'Sendinblue (Brevo)',
    rotateUrl: 'https://app.brevo.com/settings/keys/api',
    regex: prefixedToken('xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}'),
    keywords: ['xkeysib-'],
    entropy: 3,
    examples: {
      match: [
        { text: 'BREVO_API_KEY=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', secret: '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' },
        { text: "apiKey.apiKey = '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';", secret: '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' },
      ],
      noMatch: ['BREVO_API_KEY=xkeysib-...', { text: 'BREVO_API_KEY=xkeysib-0b43c5995ab2d4f7e284b8b6f60dc585', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    id: 'sendinblue-smtp-key',
    title: 'Brevo (Sendinblue) SMTP key',
    severity: 'high',
    family,
    provider: 'Sendinblue (Brevo)',
    rotateUrl: 'https://app.brevo.com/settings/keys/smtp',
    regex: prefixedToken('xsmtpsib-[a-f0-9]{64}-[A-Za-z0-9]{16}'),
    keywords: ['xsmtpsib-'],
    entropy: 3,
    examples: {
      match: [
        { text: 'SMTP_PASSWORD=xsmtpsib-37e0018bb21c5222fcee081f26c893e5dfecaaf4239dd122dd3b23c85d7bf654-sSQkKlxtOPsVIAxM', secret: 'xsmtpsib-37e0018bb21c5222fcee081f26c893e5dfecaaf4239dd122dd3b23c85d7bf654-sSQkKlxtOPsVIAxM' },
        { text: 'pass: "xsmtpsib-7b0403cccba7ba06e3d1841c947245acd592a9be15b1f967efcab59e01d42503-uvocqLAQ9ZsDQpXa"', secret: 'xsmtpsib-7b0403cccba7ba06e3d1841c947245acd592a9be15b1f967efcab59e01d42503-uvocqLAQ9ZsDQpXa' },
      ],
      noMatch: ['SMTP_PASSWORD=xsmtpsib-<key>', { text: 'pass: "xsmtpsib-fa992f60f25be04de0a902bbb1cfb496a5edf491d3ef5c9f11781aef63a435a9"', firedBy: ['generic-password'] }],
    },
  },
  {
    id: 'sparkpost-api-key',
    title: 'SparkPost API key',
    severity: 'high',
    family,
    provider: 'SparkPost',
    rotateUrl: 'https://app.sparkpost.com/account/api-keys',
    regex: assignedTo('sparkpost', '[a-f0-9]{40}'),
    flags: 'i',
    keywords: ['sparkpost'],
    entropy: 3,
    examples: {
      match: [
        { text: 'SPARKPOST_API_KEY=0983c3a1cca51158d50955ba14f32af62688aef4', secret: '0983c3a1cca51158d50955ba14f32af62688aef4' },
        { text: "sparkpost_key: '0fd0e7fe3e930485396b6e5e505c0d5ca89bef8d'", secret: '0fd0e7fe3e930485396b6e5e505c0d5ca89bef8d' },
      ],
      noMatch: ['SPARKPOST_API_KEY=', 'sparkpost_commit: "0000000000000000000000000000000000000000"'],
    },
  },
];
