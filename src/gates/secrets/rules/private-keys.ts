import type { SecretRule } from '../rule.js';

// The body may be one PEM block, a JSON string with `\n` escapes, or lines spread over JSON
// array items / concatenated string literals, so quotes, commas and `+` are body characters.
// A dash is one only when it does not start `-----`, so the body stops at the next armour
// line and a BEGIN without END costs one bounded scan.
const BODY = `(?:\\\\[nr]|[\\s"',+A-Za-z0-9/=:]|-(?!----)){64,16384}?`;
/** What stands between the armour lines and the key itself: line breaks, `\n` escapes, quotes, commas, `+`. */
const GAP = `(?:\\\\[nr]|[\\s"',+]){0,64}`;

const rsa = [
  'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u',
  '+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQz',
  'uVaE8AkAFmxZzow3x+VJYKdjykkJ0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdgcKWTjpBP',
].join('\n');
const OPENSSH = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACB9x1sXqLeYvN2CkUu7Ro0gZkPz8m';

/** The opening of two keystores made for these examples (openssl pkcs12 -export, throwaway keys), base64. */
const PFX_AES = 'MIIJ7wIBAzCCCaUGCSqGSIb3DQEHAaCCCZYEggmSMIIJjjCCBAIGCSqGSIb3DQEHBqCCA/MwggPvAgEAMIID6AYJKoZIhvcNAQcBMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAi2+2QtwkAn5QICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEBSt2lS1KhgaMWVK7qkBDF+AggOAESEgbXweD/2i2ds02sywG6TllqjUy5LMvpkaIOCDDvQvZYpLdP8F5M+UBookdhz/Q01IA+w9zpV3aabTXa6t1p+We8bTUeNaUI7bWUvIkQJNmMpG0HwyVj9MsJj0sT/ZYoil2ptTgo87RHPpYVf/YOjUFs+lQqmpiBcC5uqNliSdASE+';
const PFX_LEGACY = 'MIIJWQIBAzCCCR8GCSqGSIb3DQEHAaCCCRAEggkMMIIJCDCCA78GCSqGSIb3DQEHBqCCA7AwggOsAgEAMIIDpQYJKoZIhvcNAQcBMBwGCiqGSIb3DQEMAQYwDgQIfgxKsdHzGvcCAggAgIIDeJK54mGAGkkCsYMDWVG8E/d2wCrw/FZfOH5kNZJ/ZQZMH+J6Kg3i73Ufim/Mov6LkW4oPezMmBdX8aB60KtrYvJEtTB/+vV+eJ31rJq5lDIdq0pbG9/ic6o/nVzL1iGkEuj4wLbdRJXqF7AP6qkZTSF6Gh9oCe7/RB93upgHlrlgoGPRwNp1+7VfolDMXONPUlG6tZtj75jHlIw1M9aJXYSW';

export const rules: SecretRule[] = [
  {
    id: 'private-key',
    formatSource: 'specified',
    title: 'Private key (PEM: RSA, EC, DSA, OpenSSH, PGP, PKCS#8, encrypted)',
    severity: 'critical',
    family: 'private-key',
    // The secret is the key alone: from its first base64 character to its last, gaps and quotes left out.
    regex: `-----BEGIN[ A-Z0-9]{0,30}PRIVATE KEY(?: BLOCK)?-----${GAP}(?<secret>[A-Za-z0-9+/]${BODY}[A-Za-z0-9+/=])${GAP}-----END[ A-Z0-9]{0,30}PRIVATE KEY`,
    keywords: ['private key-----', 'private key block-----'],
    window: 0,
    entropy: 4.2,
    examples: {
      match: [
        { text: `-----BEGIN RSA PRIVATE KEY-----\n${rsa}\n-----END RSA PRIVATE KEY-----\n`, secret: rsa },
        {
          text: `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n${rsa.replaceAll('\n', '\\n')}\\n-----END PRIVATE KEY-----\\n"}`,
          secret: rsa.replaceAll('\n', '\\n'),
        },
        {
          text: `key: [\n  "-----BEGIN EC PRIVATE KEY-----",\n  "${rsa.split('\n').join('",\n  "')}",\n  "-----END EC PRIVATE KEY-----"\n]`,
          secret: rsa.split('\n').join('",\n  "'),
        },
        {
          text: `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F17F5316E2BAC89\n\n${rsa}\n-----END RSA PRIVATE KEY-----`,
          secret: `Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F17F5316E2BAC89\n\n${rsa}`,
        },
        {
          text: `-----BEGIN OPENSSH PRIVATE KEY-----\n${OPENSSH}\n-----END OPENSSH PRIVATE KEY-----`,
          secret: OPENSSH,
        },
      ],
      noMatch: [
        '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n-----END PUBLIC KEY-----',
        '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
        'const header = "-----BEGIN PRIVATE KEY-----"; const footer = "-----END PRIVATE KEY-----";',
        '-----BEGIN PRIVATE KEY-----\n<your private key here, base64 encoded, sixty-four characters or more>\n-----END PRIVATE KEY-----',
      ],
    },
  },
  {
    id: 'putty-private-key',
    formatSource: 'specified',
    title: 'PuTTY private key',
    severity: 'critical',
    family: 'private-key',
    regex: 'PuTTY-User-Key-File-[23]: [\\w@.-]{3,60}\\r?\\n(?:[^\\n]{0,200}\\n){0,40}?Private-Lines: \\d{1,3}\\r?\\n(?<secret>[A-Za-z0-9+/=]{16,200}(?:\\r?\\n[A-Za-z0-9+/=]{1,200}){0,40})(?![A-Za-z0-9+/=:-])',
    keywords: ['putty-user-key-file'],
    window: 0,
    entropy: 4.5,
    examples: {
      match: [
        { text: 'PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: deploy\nPublic-Lines: 1\nAAAAB3NzaC1yc2E\nPrivate-Lines: 2\nAAABAQCTm4kQ9ZkY3vU2m1LwqR7xN0sH5dJ8pB6tF2yG+\nc1Vb8Zq3nK4wE7rT9uI0oP2aS5dF6gH8jK1lZ3xC7vB9nM4q\nPrivate-MAC: 5b3c', secret: "AAABAQCTm4kQ9ZkY3vU2m1LwqR7xN0sH5dJ8pB6tF2yG+\nc1Vb8Zq3nK4wE7rT9uI0oP2aS5dF6gH8jK1lZ3xC7vB9nM4q" },
        { text: 'PuTTY-User-Key-File-3: ssh-ed25519\r\nEncryption: none\r\nComment: ci\r\nPublic-Lines: 2\r\nAAAAC3NzaC1lZDI1NTE5\r\nAAAAIPq\r\nPrivate-Lines: 1\r\nAAAAIFh2Rk9pQ3xW7mZ1tB8yN4cV6eK0jL5sA9dG2hT3uY7o\r\nPrivate-MAC: 1f', secret: "AAAAIFh2Rk9pQ3xW7mZ1tB8yN4cV6eK0jL5sA9dG2hT3uY7o" },
      ],
      noMatch: [
        'PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: x\nPublic-Lines: 1\nAAAAB3NzaC1yc2E\n',
        'Convert the key with puttygen; the file starts with PuTTY-User-Key-File-3: and holds Private-Lines.',
      ],
    },
  },
  {
    id: 'pkcs12-keystore',
    formatSource: 'specified',
    title: 'PKCS#12 keystore (.p12/.pfx: a private key and its certificate)',
    severity: 'high',
    family: 'private-key',
    // A PFX (RFC 7292) is SEQUENCE { version 3, authSafe ContentInfo (pkcs7-data) … }: in
    // base64 that is MII…IBAzCC…GCSqGSIb3DQEHAaCC whatever its size, as it is pasted into app
    // settings and CI variables. A keystore committed as a binary file is keystore-file's
    // (keystore.ts: binary files are judged on their bytes, not by the text rules).
    regex: '(?<![A-Za-z0-9+/])(?<secret>MII[A-Za-z0-9+/]{3}IBAzCC[A-Za-z0-9+/]{3}GCSqGSIb3DQEHAaCC[A-Za-z0-9+/]{100,16384}={0,2})(?![A-Za-z0-9+/=])',
    keywords: ['gcsqgsib3dqehaacc'],
    examples: {
      match: [
        { text: `AZURE_CLIENT_CERTIFICATE_PFX=${PFX_AES}`, secret: PFX_AES },
        { text: `  "certificateData": "${PFX_LEGACY}",`, secret: PFX_LEGACY },
      ],
      noMatch: [
        // A DER certificate (public) and a keystore's opening alone.
        'CERT_DER=MIIDFzCCAf+gAwIBAgIUCzW7nXbroD7YRISwjwHpm5orCoUwDQYJKoZIhvcNAQELBQAwGzEZMBcGA1UEAwwQbWFkZS11cC5pbnRlcm5hbDAeFw0yNjEyMDIwNzQwMDBa',
        `PFX=${PFX_AES.slice(0, 60)}`,
      ],
    },
  },
];
