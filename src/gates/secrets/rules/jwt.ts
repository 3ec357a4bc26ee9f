import type { SecretRule } from '../rule.js';

export const rules: SecretRule[] = [
  {
    id: 'jwt',
    formatSource: 'specified',
    confidence: 'medium',
    title: 'JSON Web Token',
    severity: 'medium',
    family: 'jwt',
    // Header and payload are base64url JSON objects, so both start `eyJ` (`{"`); a signature is
    // required: unsigned tokens (`alg: none`) grant nothing.
    regex: '(?<![\\w-])(?<secret>eyJ[A-Za-z0-9_-]{8,4096}\\.eyJ[A-Za-z0-9_-]{4,16384}\\.[A-Za-z0-9_-]{16,2048})(?![\\w-])',
    keywords: ['eyj'],
    window: 0,
    entropy: 4.0,
    // jwt.io's documented sample token.
    allow: ['SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c$'],
    examples: {
      match: [
        { text: 'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfOTQxMiIsInJvbGUiOiJhZG1pbiIsImlhdCI6MTcxNjIzOTAyMn0.kR2vH8c1YtQw7pN3xZs5Lm0aBfE9gUjD4oTiW6yCq2M', secret: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfOTQxMiIsInJvbGUiOiJhZG1pbiIsImlhdCI6MTcxNjIzOTAyMn0.kR2vH8c1YtQw7pN3xZs5Lm0aBfE9gUjD4oTiW6yCq2M' },
        { text: '{"access_token":"eyJhbGciOiJSUzI1NiIsImtpZCI6InFhLTIwMjQifQ.eyJpc3MiOiJodHRwczovL2F1dGgubG9jYWwiLCJleHAiOjE3MzAwMDAwMDB9.Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A"}', secret: 'eyJhbGciOiJSUzI1NiIsImtpZCI6InFhLTIwMjQifQ.eyJpc3MiOiJodHRwczovL2F1dGgubG9jYWwiLCJleHAiOjE3MzAwMDAwMDB9.Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A' },
      ],
      noMatch: [
        'token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"',
        'unsigned: eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c3JfOTQxMiJ9.',
        'prefix eyJhbGciOiJIUzI1NiJ9 alone is only a header',
      ],
    },
  },
];
