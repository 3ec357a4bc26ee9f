import type { SecretRule } from '../../rule.js';
import { anyCase, assignedToName, PLACEHOLDERS, standalone } from './patterns.js';

const gcp = { provider: 'Google Cloud', family: 'cloud', rotateUrl: 'https://console.cloud.google.com/apis/credentials' } as const;
const URL_SAFE_EDGE = String.raw`\w-`;
const PEM_BODY = String.raw`kRA6gZsDjFkKpftA5tDA/AjiKnvGC30aRSIUCIoYpF0WBR61hI4kB2rMeAgs6pOc\nIRLWlowGHRDZMxU7Kv87iIxwsGR0UeJ+TF8sqoCxbsJfBLAAvfEnfS6pol00czmk\nndrVHQwGqk2Qb1CzcQ/AjT7i7yim3mtg2fqDXGFZ4RYAVDSPvrODQRWwnHc5o9PU\nUmHh6p2yVMtYW/NnQEW0v26AV/b0mGWTP/9bUvTClJ83vQFbcWBfRHl4U+szlCOo`;

/** A JSON quote, escaped once or twice when the key file is a string inside another document. */
const KEY_Q = String.raw`\\{0,3}"`;
/** White space between JSON tokens, written or escaped (`\n`, `\t`). */
const KEY_WS = String.raw`(?:\s|\\{1,2}[nrt]){0,24}`;
/** A line break in the PEM text: escaped in JSON (`\n`, `\\n`) or real. */
const KEY_NL = String.raw`(?:\\{1,2}n|\r?\n)`;

/** `"type": "service_account"`, written or escaped: the mark of a service-account key file. */
const GCP_SA_TYPE = String.raw`${KEY_Q}type${KEY_Q}${KEY_WS}:${KEY_WS}${KEY_Q}service_account${KEY_Q}`;
/** `"type": "authorized_user"`: a user's application default credentials. */
const GCP_USER_TYPE = String.raw`${KEY_Q}type${KEY_Q}${KEY_WS}:${KEY_WS}${KEY_Q}authorized_user${KEY_Q}`;
/** A whole PKCS#8 PEM key (64+ body characters between the armour lines), as the private-key rules report it. */
const GCP_WHOLE_PEM = String.raw`-----BEGIN PRIVATE KEY-----${KEY_NL}?[A-Za-z0-9+/]{16}[A-Za-z0-9+/=\\\r\n]{48,8000}-----END PRIVATE KEY-----`;

/** Google: Cloud API keys and service-account key files, OAuth client secrets and tokens, Firebase, reCAPTCHA. */
export const rules: SecretRule[] = [
  {
    ...gcp,
    id: 'gcp-api-key',
    formatSource: 'described',
    title: 'Google API key (Cloud, Maps, Firebase, Gemini)',
    severity: 'high',
    regex: standalone(String.raw`AIza[\w-]{35}`, URL_SAFE_EDGE),
    keywords: ['aiza'],
    entropy: 4,
    allow: PLACEHOLDERS,
    examples: {
      match: [
        { text: 'GOOGLE_API_KEY=AIzaSysBPxodrw6JZZr3fD6gRZ-ACzSbp398hFm', secret: 'AIzaSysBPxodrw6JZZr3fD6gRZ-ACzSbp398hFm' },
        { text: 'firebaseConfig = { apiKey: "AIzaQtcWhIv2GnrWerK5ZB_sX3bCr5Wkpn6tE0l" };', secret: 'AIzaQtcWhIv2GnrWerK5ZB_sX3bCr5Wkpn6tE0l' },
      ],
      noMatch: [
        'apiKey: "AIzaSyabcdefghijklmnopqrstuvwxyz1234567"',
        'apiKey: "AIzaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"',
        'key=AIzaSysBPxodrw6JZZr3fD6gRZ-ACzSbp398hFmQQ',
        'AIZASYSBPXODRW6JZZR3FD6GRZ-ACZSBP398HFM',
      ],
    },
  },
  {
    ...gcp,
    id: 'gcp-service-account-key',
    formatSource: 'described',
    title: 'Google Cloud service-account key file (private key)',
    severity: 'critical',
    // The key file as written, or embedded as an escaped JSON string in another document
    // (`{"credentials": "{\n  \"type\": …"}`), with or without a line break after BEGIN.
    regex:
      String.raw`${KEY_Q}private_key_id${KEY_Q}${KEY_WS}:${KEY_WS}${KEY_Q}[a-f0-9]{40}${KEY_Q}${KEY_WS},${KEY_WS}${KEY_Q}private_key${KEY_Q}${KEY_WS}:${KEY_WS}${KEY_Q}` +
      String.raw`-----BEGIN PRIVATE KEY-----${KEY_NL}?(?<secret>[A-Za-z0-9+/=][A-Za-z0-9+/=\\\n]{62,7998}[A-Za-z0-9+/=])${KEY_NL}-----END PRIVATE KEY-----`,
    keywords: ['private_key_id'],
    examples: {
      match: [
        {
          text: `{"type": "service_account", "project_id": "acme-prod", "private_key_id": "46941e7c3f1ae4c67c1836c038cd1c991457da23", "private_key": "-----BEGIN PRIVATE KEY-----\\n${PEM_BODY}\\n-----END PRIVATE KEY-----\\n", "client_email": "ci@acme-prod.iam.gserviceaccount.com"}`,
          secret: PEM_BODY,
        },
        {
          text: `{\n  "type": "service_account",\n  "private_key_id": "efda1a8d06593b249155d56af61930aedb8960f8",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n${PEM_BODY}\\n-----END PRIVATE KEY-----\\n"\n}`,
          secret: PEM_BODY,
        },
        {
          text: `{"credentials": "{\\n  \\"type\\": \\"service_account\\",\\n  \\"private_key_id\\": \\"7c2e9a41f0b83d6e5a1c4f7b9d2e8a0c3f6b1d94\\",\\n  \\"private_key\\": \\"-----BEGIN PRIVATE KEY-----\\\\n${PEM_BODY}\\\\n-----END PRIVATE KEY-----\\\\n\\"\\n}"}`,
          secret: PEM_BODY,
        },
        {
          text: `{\n  "type": "service_account",\n  "private_key_id": "3b8e1f6a9c0d2e7b4a5f8c1d6e9b2a0f7c3d5e8a",\n  "private_key": "-----BEGIN PRIVATE KEY-----${PEM_BODY}\\n-----END PRIVATE KEY-----\\n"\n}`,
          secret: PEM_BODY,
        },
      ],
      noMatch: [
        { text: '{"type": "service_account", "private_key_id": "46941e7c3f1ae4c67c1836c038cd1c991457da23", "client_email": "ci@acme.iam.gserviceaccount.com"}', firedBy: ['gcp-service-account-key-file'] },
        '{"private_key_id": "46941e7c3f1ae4c67c1836c038cd1c991457da23", "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"}',
      ],
    },
  },
  {
    ...gcp,
    id: 'gcp-service-account-key-file',
    formatSource: 'described',
    title: 'Google Cloud service-account key file (key ID of a key file whose private key is elided or elsewhere)',
    severity: 'high',
    // The key ID alone grants nothing: the file says a downloaded key exists and its key may
    // have been cut, masked or moved beside it.
    confidence: 'medium',
    // A key file as Google writes it (`gcloud iam service-accounts keys create`, the console's
    // JSON download): one flat JSON object whose `type` is `service_account`, with
    // `private_key_id` (40 hex digits, the key's ID), `private_key` (PKCS#8 PEM), `client_email`,
    // `client_id` and the OAuth URIs. When the object holds a whole PEM key, that key is the
    // finding (gcp-service-account-key or private-key) and this rule stays silent: one
    // finding per file. `external_account` (workload identity federation) and
    // `authorized_user` objects are not key files.
    regex:
      String.raw`${KEY_Q}private_key_id${KEY_Q}${KEY_WS}:${KEY_WS}${KEY_Q}(?<secret>[a-f0-9]{40})${KEY_Q}` +
      String.raw`(?:(?<=${GCP_SA_TYPE}[^{}]{0,4000})|(?=[^{}]{0,4000}?${GCP_SA_TYPE}))` +
      String.raw`(?<!${GCP_WHOLE_PEM}[^{}]{0,4000})(?![^{}]{0,4000}?${GCP_WHOLE_PEM})`,
    keywords: ['private_key_id'],
    entropy: 3,
    examples: {
      match: [
        {
          text: '{\n  "type": "service_account",\n  "project_id": "ledger-prod",\n  "private_key_id": "9c41d7e2b08f5a36c1e4d9b27f0a8c53e6b1d4f9",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n<redacted>\\n-----END PRIVATE KEY-----\\n",\n  "client_email": "deployer@ledger-prod.iam.gserviceaccount.com"\n}',
          secret: '9c41d7e2b08f5a36c1e4d9b27f0a8c53e6b1d4f9',
        },
        {
          text: '{"client_email": "etl@warehouse-7.iam.gserviceaccount.com", "client_id": "104857203948571029384", "private_key_id": "e07b3c9a5d21f84c6a0e9b7d3f15c28a4e6d0b91", "project_id": "warehouse-7", "type": "service_account"}',
          secret: 'e07b3c9a5d21f84c6a0e9b7d3f15c28a4e6d0b91',
        },
        {
          text: 'GOOGLE_CREDENTIALS="{\\"type\\": \\"service_account\\", \\"private_key_id\\": \\"5f2a8d1c7e4b09a63d5c8e1f7b2a4d06c9e3b518\\", \\"client_email\\": \\"ci@build-3.iam.gserviceaccount.com\\"}"',
          secret: '5f2a8d1c7e4b09a63d5c8e1f7b2a4d06c9e3b518',
        },
      ],
      noMatch: [
        // The whole key is there: gcp-service-account-key reports it, once.
        {
          text: `{"type": "service_account", "private_key_id": "46941e7c3f1ae4c67c1836c038cd1c991457da23", "private_key": "-----BEGIN PRIVATE KEY-----\\n${PEM_BODY}\\n-----END PRIVATE KEY-----\\n"}`,
          firedBy: ['gcp-service-account-key'],
        },
        // Keys sorted (jq -S): the PEM comes first and the private-key rule reports it, once.
        {
          text: `{"client_email": "a@b-1.iam.gserviceaccount.com", "private_key": "-----BEGIN PRIVATE KEY-----\\n${PEM_BODY}\\n-----END PRIVATE KEY-----\\n", "private_key_id": "46941e7c3f1ae4c67c1836c038cd1c991457da23", "type": "service_account"}`,
          firedBy: ['private-key'],
        },
        // Workload identity federation: a token exchange recipe, no key.
        '{"type": "external_account", "audience": "//iam.googleapis.com/projects/4471/locations/global/workloadIdentityPools/ci/providers/gh", "subject_token_type": "urn:ietf:params:oauth:token-type:jwt", "service_account_impersonation_url": "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/ci@p.iam.gserviceaccount.com:generateAccessToken", "private_key_id": "46941e7c3f1ae4c67c1836c038cd1c991457da23"}',
        // A template, and a type union in code that only names the string.
        '{"type": "service_account", "project_id": "your-project", "private_key_id": "your-private-key-id", "private_key": "your-private-key"}',
        "type CredentialType = 'service_account' | 'authorized_user';\nconst private_key_id: string = keyFile.private_key_id;",
      ],
    },
  },
  {
    ...gcp,
    id: 'gcp-authorized-user-credentials',
    formatSource: 'described',
    title: 'Google application default credentials of a user (refresh token)',
    severity: 'high',
    // What `gcloud auth application-default login` writes
    // (application_default_credentials.json): one JSON object with `client_id`, `client_secret`,
    // `refresh_token` and `type: authorized_user`. The refresh token mints access tokens as the
    // user; it is the finding (the client secret of gcloud's own OAuth client is public).
    regex:
      String.raw`${KEY_Q}refresh_token${KEY_Q}${KEY_WS}:${KEY_WS}${KEY_Q}(?<secret>[\w./-]{20,512})${KEY_Q}` +
      String.raw`(?:(?<=${GCP_USER_TYPE}[^{}]{0,4000})|(?=[^{}]{0,4000}?${GCP_USER_TYPE}))`,
    keywords: ['authorized_user'],
    entropy: 3.5,
    allow: PLACEHOLDERS,
    examples: {
      match: [
        {
          text: '{\n  "client_id": "204518769931-r5m0k2q8v7c1x9d4j6h3b0n2s8t5p7w1.apps.googleusercontent.com",\n  "client_secret": "Hq7mK2xP9vLr4tWn8ZbC3dFj",\n  "refresh_token": "1/Zx8Wq2Lm7Rk4Tn9Vb3Hy6Jc1Pd5Sf0Gk8Ew2Qx7Mz4",\n  "type": "authorized_user"\n}',
          secret: '1/Zx8Wq2Lm7Rk4Tn9Vb3Hy6Jc1Pd5Sf0Gk8Ew2Qx7Mz4',
          alsoFiredBy: ['generic-secret', 'google-oauth-client-id'],
        },
        {
          text: '{"type": "authorized_user", "quota_project_id": "billing-2", "refresh_token": "Rk4Tn9Vb3Hy6Jc1Pd5Sf0Gk8Ew2Qx7Mz4Zx8Wq2Lm7", "client_id": "1.apps.googleusercontent.com"}',
          secret: 'Rk4Tn9Vb3Hy6Jc1Pd5Sf0Gk8Ew2Qx7Mz4Zx8Wq2Lm7',
        },
      ],
      noMatch: [
        '{"client_id": "1.apps.googleusercontent.com", "client_secret": "s", "refresh_token": "<refresh-token>", "type": "authorized_user"}',
        { text: '{"refresh_token": "Rk4Tn9Vb3Hy6Jc1Pd5Sf0Gk8Ew2Qx7Mz4Zx8Wq2Lm7", "type": "bearer"}', firedBy: ['generic-secret'] },
        // Another object's token beside a user-credentials object.
        { text: '[{"type": "authorized_user", "account": "a@corp.example"}, {"refresh_token": "Rk4Tn9Vb3Hy6Jc1Pd5Sf0Gk8Ew2Qx7Mz4Zx8Wq2Lm7"}]', firedBy: ['generic-secret'] },
      ],
    },
  },
  {
    ...gcp,
    id: 'google-oauth-client-secret',
    formatSource: 'described',
    title: 'Google OAuth client secret',
    severity: 'high',
    regex: standalone(String.raw`GOCSPX-[\w-]{28}`, URL_SAFE_EDGE),
    keywords: ['gocspx-'],
    entropy: 3.5,
    allow: PLACEHOLDERS,
    examples: {
      match: [
        { text: 'GOOGLE_CLIENT_SECRET=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', secret: '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' },
        { text: '"client_secret":"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"', secret: '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' },
      ],
      noMatch: ['GOOGLE_CLIENT_SECRET=GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx', { text: 'GOOGLE_CLIENT_SECRET=GOCSPX-BTCAuI57ljWm2cXsgFvV8hxe', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    ...gcp,
    id: 'google-oauth-client-id',
    formatSource: 'described',
    title: 'Google OAuth client ID',
    severity: 'low',
    regex: standalone(String.raw`\d{12}-[a-z0-9]{32}\.apps\.googleusercontent\.com`),
    keywords: ['apps.googleusercontent.com'],
    examples: {
      match: [
        { text: 'GOOGLE_CLIENT_ID=655805777399-ozxok0s1drhl892e31a342s3x1cl2yu3.apps.googleusercontent.com', secret: '655805777399-ozxok0s1drhl892e31a342s3x1cl2yu3.apps.googleusercontent.com' },
        { text: '"client_id":"204518769931-r5m0k2q8v7c1x9d4j6h3b0n2s8t5p7w1.apps.googleusercontent.com"', secret: '204518769931-r5m0k2q8v7c1x9d4j6h3b0n2s8t5p7w1.apps.googleusercontent.com' },
      ],
      noMatch: ['GOOGLE_CLIENT_ID=<id>.apps.googleusercontent.com', 'client_id: 1234-abc.apps.googleusercontent.com'],
    },
  },
  {
    ...gcp,
    id: 'google-oauth-access-token',
    formatSource: 'described',
    title: 'Google OAuth access token',
    severity: 'high',
    regex: standalone(String.raw`ya29\.[\w-]{30,2048}`, URL_SAFE_EDGE),
    keywords: ['ya29.'],
    entropy: 4,
    examples: {
      match: [
        { text: 'Authorization: Bearer ya29.n7hzwFmwP-EKaQLrfQElqT1QyBcu68TxGksSbNseHdkX5Rkz-JjAN2xUN8ID_GZH4pBMX70r4YJQVCFM0hgJMmk4Yoa_KZ6h_fLwMO5g09rzQrQ3X11LBSvbHqYfpa5J3Tiukk3VEIhptTHAHg9l3-', secret: 'ya29.n7hzwFmwP-EKaQLrfQElqT1QyBcu68TxGksSbNseHdkX5Rkz-JjAN2xUN8ID_GZH4pBMX70r4YJQVCFM0hgJMmk4Yoa_KZ6h_fLwMO5g09rzQrQ3X11LBSvbHqYfpa5J3Tiukk3VEIhptTHAHg9l3-' },
        { text: '{"access_token": "ya29.a0bCXV_VUuU0TYATjAxq-jbfEJzo-WOCJIt9oKsSJE-LoAUkmYqNEGpe1k97MDciKKZK9AeI26zAbJulXqcARXt7GFXJRtl5CG6QXn7zUNODK0eNQsiXVBeAK5"}', secret: 'ya29.a0bCXV_VUuU0TYATjAxq-jbfEJzo-WOCJIt9oKsSJE-LoAUkmYqNEGpe1k97MDciKKZK9AeI26zAbJulXqcARXt7GFXJRtl5CG6QXn7zUNODK0eNQsiXVBeAK5' },
      ],
      noMatch: ['Authorization: Bearer ya29.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'token = "ya29.${ACCESS_TOKEN}"'],
    },
  },
  {
    ...gcp,
    id: 'google-oauth-refresh-token',
    formatSource: 'described',
    title: 'Google OAuth refresh token',
    severity: 'high',
    regex: standalone(String.raw`1//0[\w-]{40,512}`, URL_SAFE_EDGE),
    keywords: ['1//0'],
    entropy: 4,
    examples: {
      match: [
        { text: 'GOOGLE_REFRESH_TOKEN=1//0slSEyFj4jSXq9BvQoFPvTJGrZ6jfFhurnlujONqWwm1yIhx6U6y-cWzeOyPWTGH6kBYovC4LRp0SSoUTkJdPYicQrI9Q2IlV_hS3', secret: '1//0slSEyFj4jSXq9BvQoFPvTJGrZ6jfFhurnlujONqWwm1yIhx6U6y-cWzeOyPWTGH6kBYovC4LRp0SSoUTkJdPYicQrI9Q2IlV_hS3' },
        { text: '"refresh_token": "1//0TuFW45XCZrLKC0kCs8ui_LriEXrv7qtBDzMhKvj79DXlrgRyRWLK9u--poTf"', secret: '1//0TuFW45XCZrLKC0kCs8ui_LriEXrv7qtBDzMhKvj79DXlrgRyRWLK9u--poTf' },
      ],
      noMatch: ['x = 1//0  # floor division by zero', 'refresh_token: "1//0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"'],
    },
  },
  {
    id: 'firebase-cloud-messaging-server-key',
    formatSource: 'described',
    title: 'Firebase Cloud Messaging legacy server key',
    severity: 'high',
    family: 'messaging',
    provider: 'Firebase',
    rotateUrl: 'https://console.firebase.google.com/',
    regex: standalone(String.raw`AAAA[\w-]{7}:APA91b[\w-]{130,140}`, URL_SAFE_EDGE),
    keywords: ['apa91b'],
    entropy: 4,
    examples: {
      match: [
        { text: 'FCM_SERVER_KEY=AAAApGNUWJ7:APA91bWKPNeU9q_UpPUbRKfdVVk3llwxLWt9l3qyI0W-O89UBcspW9xODK3Qr4qSka-h28-faG-kQ6-_KSahxirYpc9WuT1McIYZD1akxF3BrN4uZdWLu90ElgGFjtuuTVfE1OwM4ufq', secret: 'AAAApGNUWJ7:APA91bWKPNeU9q_UpPUbRKfdVVk3llwxLWt9l3qyI0W-O89UBcspW9xODK3Qr4qSka-h28-faG-kQ6-_KSahxirYpc9WuT1McIYZD1akxF3BrN4uZdWLu90ElgGFjtuuTVfE1OwM4ufq' },
        { text: "headers: { Authorization: 'key=AAAAhzjU9_F:APA91bLmNpg4kNzb1Mcip0ijzwet6cw1_5CMcXENruNtmAvtJdUcYCcGuXivQtV585K17RhT6OCycqq80kuC-6zWNdPcUdSHGvR2G9WKrxWZL2H-ahxng2ylon3xByR1rKppPGoesdPQ' }", secret: 'AAAAhzjU9_F:APA91bLmNpg4kNzb1Mcip0ijzwet6cw1_5CMcXENruNtmAvtJdUcYCcGuXivQtV585K17RhT6OCycqq80kuC-6zWNdPcUdSHGvR2G9WKrxWZL2H-ahxng2ylon3xByR1rKppPGoesdPQ' },
      ],
      noMatch: ['FCM_SERVER_KEY=AAAApGNUWJ7:APA91b...', 'registration id APA91bWKPNeU9q_UpPUbRKfdVVk3llwxLWt9l3qyI0W'],
    },
  },
  {
    id: 'google-recaptcha-secret-key',
    formatSource: 'described',
    title: 'Google reCAPTCHA secret key',
    severity: 'medium',
    family: 'saas',
    provider: 'Google reCAPTCHA',
    rotateUrl: 'https://www.google.com/recaptcha/admin',
    regex: assignedToName(anyCase('recaptcha') + String.raw`[\w.-]{0,20}?` + anyCase('secret'), String.raw`6L[\w-]{38}`, URL_SAFE_EDGE),
    keywords: ['recaptcha'],
    entropy: 3.5,
    // Google's published test secret, which always passes verification.
    allow: ['^6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe$'],
    examples: {
      match: [
        { text: 'RECAPTCHA_SECRET_KEY=6LUG_AKtiiYHieZ2_hPDG7PeXVeoX1wD1RBFxdHS', secret: '6LUG_AKtiiYHieZ2_hPDG7PeXVeoX1wD1RBFxdHS' },
        { text: "'recaptcha_secret' => '6L44lBWChUilK_KDyKF-WZ_lO1SQmE3FvIkjwmLm',", secret: '6L44lBWChUilK_KDyKF-WZ_lO1SQmE3FvIkjwmLm' },
      ],
      noMatch: [{ text: 'RECAPTCHA_SITE_KEY=6LUG_AKtiiYHieZ2_hPDG7PeXVeoX1wD1RBFxdHS', firedBy: ['generic-secret-config'] }, { text: 'RECAPTCHA_SECRET_KEY=6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe', firedBy: ['generic-secret-config'] }],
    },
  },
];
