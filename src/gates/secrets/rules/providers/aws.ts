import type { SecretRule } from '../../rule.js';
import { anyCase, anyCaseOf, assignedToName, PLACEHOLDERS, standalone } from './patterns.js';

const aws = {
  provider: 'AWS',
  family: 'cloud',
  rotateUrl: 'https://console.aws.amazon.com/iam/home#/security_credentials',
} as const;

/** Amazon Web Services: IAM keys, STS session credentials, Bedrock and AppSync API keys, Login with Amazon. */
export const rules: SecretRule[] = [
  {
    ...aws,
    id: 'aws-access-key-id',
    formatSource: 'described',
    title: 'AWS access key ID (long-term IAM user key)',
    severity: 'critical',
    regex: standalone('(?:AKIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}'),
    keywords: ['akia', 'abia', 'acca', 'a3t'],
    entropy: 3,
    allow: [...PLACEHOLDERS, 'EXAMPLE$'],
    examples: {
      match: [
        { text: 'AWS_ACCESS_KEY_ID=AKIA7YVVVG44XUPDSXMI', secret: 'AKIA7YVVVG44XUPDSXMI' },
        { text: 'aws_access_key_id = AKIASULJOS6FCDJ5EKNE', secret: 'AKIASULJOS6FCDJ5EKNE' },
        { text: '{"AccessKeyId": "ABIAO2V3O4JZJV4PJMLD"}', secret: 'ABIAO2V3O4JZJV4PJMLD' },
      ],
      noMatch: [
        'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
        'key = AKIAXXXXXXXXXXXXXXXX',
        'AKIA7YVVVG44XUPDSXMIQ3 (21 chars)',
        'const tag = "MAKIA7YVVVG44XUPDSXMI";',
      ],
    },
  },
  {
    ...aws,
    id: 'aws-temporary-access-key-id',
    formatSource: 'described',
    title: 'AWS temporary access key ID (STS)',
    severity: 'high',
    regex: standalone('ASIA[A-Z0-9]{16}'),
    keywords: ['asia'],
    entropy: 3,
    allow: [...PLACEHOLDERS, 'EXAMPLE$'],
    examples: {
      match: [
        { text: 'export AWS_ACCESS_KEY_ID=ASIALA63JQVXUFBCSGXD', secret: 'ASIALA63JQVXUFBCSGXD' },
        { text: '"AccessKeyId": "ASIAQ7MZ2KD5TNW4UCVB",', secret: 'ASIAQ7MZ2KD5TNW4UCVB' },
      ],
      noMatch: ['TODAYINASIAASACKOFRICE', 'key: ASIAXXXXXXXXXXXXXXXX', 'ASIAIOSFODNN7EXAMPLE'],
    },
  },
  {
    ...aws,
    id: 'aws-secret-access-key',
    formatSource: 'described',
    title: 'AWS secret access key',
    // AWS documents the secret access key as exactly 40 characters: under these names a value
    // of another length (an encrypted or KMS-wrapped one) is no key, for the generic rules too.
    ownsName: true,
    severity: 'critical',
    regex: assignedToName(
      anyCaseOf('secret_access_key', 'secretaccesskey', 'secret-access-key', 'secret.access.key'),
      '[A-Za-z0-9/+]{40}',
      String.raw`\w/+=`,
    ),
    keywords: ['secret_access_key', 'secretaccesskey', 'secret-access-key', 'secret.access.key'],
    entropy: 4,
    allow: [...PLACEHOLDERS, 'EXAMPLE'],
    examples: {
      match: [
        { text: 'aws_secret_access_key = Y9lAQ6g6Onq7yYJSJ2I1DfepkqsEBszHCNWaotIb', secret: 'Y9lAQ6g6Onq7yYJSJ2I1DfepkqsEBszHCNWaotIb' },
        { text: 'AWS_SECRET_ACCESS_KEY="wAtLdciSLpEkecooBagU0Zrxoixu/VUbMOIVVLlW"', secret: 'wAtLdciSLpEkecooBagU0Zrxoixu/VUbMOIVVLlW' },
        { text: "new Credentials({ accessKeyId: id, secretAccessKey: 'hkNIiGJLGrhxc+8sI2nobFLD1RaQGuVW4rutwX4R' })", secret: 'hkNIiGJLGrhxc+8sI2nobFLD1RaQGuVW4rutwX4R' },
      ],
      noMatch: [
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        'AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}',
        'aws_secret_access_key = Y9lAQ6g6Onq7yYJSJ2I1DfepkqsEBszHCNWaotIbZZ',
        'secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY',
      ],
    },
  },
  {
    ...aws,
    id: 'aws-session-token',
    formatSource: 'described',
    title: 'AWS STS session token',
    severity: 'high',
    regex: standalone('(?:FwoGZXIvYXdz|IQoJb3JpZ2lu)[A-Za-z0-9+/]{100,4000}={0,2}', String.raw`\w+/=`),
    keywords: ['fwogzxivyxdz', 'iqojb3jpz2lu'],
    entropy: 4,
    examples: {
      match: [
        { text: 'aws_session_token = FwoGZXIvYXdzE8gXisR6RlwRjNRscJXKfz0C64LR4ix3DzrZl8lkN6n9SCOaSt4n05omj1v/ddrduBVhLFFbXVNorhAVv6zNuCUxpK6sVBbzVjTGNJRhHf5anVRYhMHd4B7zRqUrVbVK+EC+vTgLuyi0nExuYTpODU1NxUX/baHuCYDtMR+LjVCsfz+Krbrev', secret: 'FwoGZXIvYXdzE8gXisR6RlwRjNRscJXKfz0C64LR4ix3DzrZl8lkN6n9SCOaSt4n05omj1v/ddrduBVhLFFbXVNorhAVv6zNuCUxpK6sVBbzVjTGNJRhHf5anVRYhMHd4B7zRqUrVbVK+EC+vTgLuyi0nExuYTpODU1NxUX/baHuCYDtMR+LjVCsfz+Krbrev' },
        { text: '"SessionToken": "IQoJb3JpZ2luX2VjEBxza5XdE8KxMp7pT6y1ECdnXjBbffrXN/HmnWOxP7PirZdlOfwi0U9RZ6MSav7bR35Sil7wv6SEb99tfVR2g49UJHzYmMP84EUzNjfj8JE7US639VsZf7EO0dRNXQYgQxFpWOADLNFO+/PFBbtDQiUULZ8XcIAECxTx4mjnCo4z9JoPOUjzG4ANTSuOEMPGNRav26ZWx+PyTiktm1JARtqjCQy/XQH9qecWPB2YU8HIibsGBv98YmLXrqbYPfb9qQ/eE4tLH04RClIuLqS/zaVoDoKg+/4Fx9Q2te5CUaEq8"', secret: 'IQoJb3JpZ2luX2VjEBxza5XdE8KxMp7pT6y1ECdnXjBbffrXN/HmnWOxP7PirZdlOfwi0U9RZ6MSav7bR35Sil7wv6SEb99tfVR2g49UJHzYmMP84EUzNjfj8JE7US639VsZf7EO0dRNXQYgQxFpWOADLNFO+/PFBbtDQiUULZ8XcIAECxTx4mjnCo4z9JoPOUjzG4ANTSuOEMPGNRav26ZWx+PyTiktm1JARtqjCQy/XQH9qecWPB2YU8HIibsGBv98YmLXrqbYPfb9qQ/eE4tLH04RClIuLqS/zaVoDoKg+/4Fx9Q2te5CUaEq8' },
      ],
      noMatch: ['aws_session_token = FwoGZXIvYXdzEXAMPLE', 'AWS_SESSION_TOKEN=${{ secrets.AWS_SESSION_TOKEN }}'],
    },
  },
  {
    ...aws,
    id: 'aws-account-id',
    formatSource: 'described',
    title: 'AWS account ID',
    severity: 'low',
    regex: assignedToName(anyCase('aws') + '[_.-]?' + anyCase('account') + '(?:[_.-]?' + anyCase('id') + ')?', String.raw`\d{4}-?\d{4}-?\d{4}`, String.raw`\w-`),
    // The whole name, not `aws`: that alone occurs ~90,000 times in the AWS SDK's 60 MB.
    keywords: ['awsaccount', 'aws_account', 'aws-account', 'aws.account'],
    entropy: 2.5,
    allow: ['^123456789012$', '^1234-5678-9012$', ...PLACEHOLDERS],
    examples: {
      match: [
        { text: 'AWS_ACCOUNT_ID=493817265420', secret: '493817265420' },
        { text: 'aws_account_id: "7710-2943-8856"', secret: '7710-2943-8856' },
      ],
      noMatch: ['AWS_ACCOUNT_ID=123456789012', 'aws_account_id: 000000000000', 'account_id = 493817265420'],
    },
  },
  {
    ...aws,
    id: 'aws-bedrock-long-term-api-key',
    formatSource: 'described',
    title: 'Amazon Bedrock long-term API key',
    severity: 'high',
    regex: standalone('ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{50,400}={0,2}', String.raw`\w+/=`),
    keywords: ['abskqmvkcm9ja0fqsutles'],
    entropy: 4,
    examples: {
      match: [
        { text: 'AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleSrf7D7nuacyQXm9RH6THUB0Dzjyh5fzJmbXc25Qn1hkyizjuybP2iB4ZusrSfAMLW1Gsd8is8ejx2hWmqQv8eT2lX/h1zImjAddJZ', secret: 'ABSKQmVkcm9ja0FQSUtleSrf7D7nuacyQXm9RH6THUB0Dzjyh5fzJmbXc25Qn1hkyizjuybP2iB4ZusrSfAMLW1Gsd8is8ejx2hWmqQv8eT2lX/h1zImjAddJZ' },
        { text: 'bedrock_key: "ABSKQmVkcm9ja0FQSUtleS7kPq2Wz9YbN4xR1vT8mLc3Hs6GfJ0aDuE5oIyK2nBw9XrS4tVz7QpLm1C8hGjF3dN6eA0sUiO5yTkR2wZxMv"', secret: 'ABSKQmVkcm9ja0FQSUtleS7kPq2Wz9YbN4xR1vT8mLc3Hs6GfJ0aDuE5oIyK2nBw9XrS4tVz7QpLm1C8hGjF3dN6eA0sUiO5yTkR2wZxMv' },
      ],
      noMatch: ['ABSKQmVkcm9ja0FQSUtleS', { text: 'token = "ABSKQmVkcm9ja0FQSUtleSshort"', firedBy: ['generic-secret'] }],
    },
  },
  {
    ...aws,
    id: 'aws-bedrock-short-term-api-key',
    formatSource: 'described',
    title: 'Amazon Bedrock short-term API key',
    severity: 'high',
    regex: standalone('bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/]{50,4000}={0,2}', String.raw`\w+/=`),
    keywords: ['bedrock-api-key-'],
    entropy: 4,
    examples: {
      match: [
        { text: 'AWS_BEARER_TOKEN_BEDROCK=bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tXsZXCE6qEjlmkTlGdAVoSJs7AItQ8N7JZA8mJ9HaAOBaQYTvXvwn+zWOmyoRx32uvXA70u2bVxPoJ8AW5j9qve/sGR/FGrzsZkxWCihnlW98oJx9RPeXGNRIfAVZsMRfptl80ar1JDvtGepfYOsIoBAJBmcHNDBMPZtJNjPscSkxhMPa5peS3ST7q90SxQChm/QRpri9', secret: 'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tXsZXCE6qEjlmkTlGdAVoSJs7AItQ8N7JZA8mJ9HaAOBaQYTvXvwn+zWOmyoRx32uvXA70u2bVxPoJ8AW5j9qve/sGR/FGrzsZkxWCihnlW98oJx9RPeXGNRIfAVZsMRfptl80ar1JDvtGepfYOsIoBAJBmcHNDBMPZtJNjPscSkxhMPa5peS3ST7q90SxQChm/QRpri9' },
        { text: "token = 'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tL3Qm9Xc4Rk2Zb7NvH1sJdY5gE0aTfW3uPiC8oK6lBnMx2QyR7tVzA4jSe1DhG9wU'", secret: 'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tL3Qm9Xc4Rk2Zb7NvH1sJdY5gE0aTfW3uPiC8oK6lBnMx2QyR7tVzA4jSe1DhG9wU' },
      ],
      noMatch: ['prefix is bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t', 'bedrock-api-key-${TOKEN}'],
    },
  },
  {
    ...aws,
    id: 'aws-appsync-api-key',
    formatSource: 'described',
    title: 'AWS AppSync GraphQL API key',
    severity: 'medium',
    regex: standalone('da2-[a-z0-9]{26}'),
    keywords: ['da2-'],
    entropy: 3,
    examples: {
      match: [
        { text: 'aws_appsync_apiKey: "da2-gsinyjxhgdrlvqvfmuwwbeflol"', secret: 'da2-gsinyjxhgdrlvqvfmuwwbeflol' },
        { text: 'x-api-key: da2-tf3vzpoh676ixm1kwcmxlohde5', secret: 'da2-tf3vzpoh676ixm1kwcmxlohde5' },
      ],
      noMatch: ['da2-aaaaaaaaaaaaaaaaaaaaaaaaaa', { text: 'apiKey: "da2-tf3vzpoh676ixm1kwcmxlohde5xyz"', firedBy: ['generic-secret'] }],
    },
  },
  {
    family: 'cloud',
    id: 'amazon-mws-auth-token',
    formatSource: 'described',
    title: 'Amazon Marketplace Web Service auth token',
    severity: 'high',
    provider: 'Amazon',
    regex: standalone(String.raw`amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`),
    keywords: ['amzn.mws.'],
    examples: {
      match: [
        { text: 'MWS_AUTH_TOKEN=amzn.mws.86d7c01e-3b58-b5bb-5893-83596963eba8', secret: 'amzn.mws.86d7c01e-3b58-b5bb-5893-83596963eba8' },
        { text: '"mwsAuthToken": "amzn.mws.4f1a9c27-90de-4b3a-8e55-0c7d2b1f6a93"', secret: 'amzn.mws.4f1a9c27-90de-4b3a-8e55-0c7d2b1f6a93' },
      ],
      noMatch: ['amzn.mws.XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX', 'amzn.mws.86d7c01e-3b58'],
    },
  },
  {
    family: 'cloud',
    id: 'amazon-lwa-client-secret',
    formatSource: 'described',
    title: 'Login with Amazon (LWA) client secret',
    severity: 'high',
    provider: 'Amazon',
    rotateUrl: 'https://developer.amazon.com/settings/console/securityprofile/overview.html',
    regex: standalone(String.raw`amzn1\.oa2-cs\.v1\.[a-f0-9]{64}`),
    keywords: ['amzn1.oa2-cs.v1.'],
    entropy: 3,
    examples: {
      match: [
        { text: 'LWA_CLIENT_SECRET=amzn1.oa2-cs.v1.c6a67e49bdc84af6233b0d711cb8c665ec25560993e48c719e2548c654a1d6dc', secret: 'amzn1.oa2-cs.v1.c6a67e49bdc84af6233b0d711cb8c665ec25560993e48c719e2548c654a1d6dc' },
        { text: 'clientSecret: "amzn1.oa2-cs.v1.0b9e3f7a21c44d58a6e9f0c1b2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1"', secret: 'amzn1.oa2-cs.v1.0b9e3f7a21c44d58a6e9f0c1b2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1' },
      ],
      noMatch: ['amzn1.oa2-cs.v1.<your-secret>', 'amzn1.oa2-cs.v1.0000000000000000000000000000000000000000000000000000000000000000'],
    },
  },
];
