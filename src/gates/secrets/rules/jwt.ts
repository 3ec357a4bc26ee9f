import type { SecretRule } from '../rule.js';

export const rules: SecretRule[] = [
  {
    id: 'jwt',
    shape: 'jwt',
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
        // jwt.io's sample claims under another signature; a payload that is no JSON; a header without alg.
        'Authorization: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNjAwMDAwMDAwfQ.Qm3vT8xK2pLr9sWn5Zb7Lk4Tz7nQ2vXpHy6Wd',
        'session: eyJhbGciOiJIUzI1NiJ9.eyJWq8zR2mLk4Tz7nQ2vXpHy6Wd3Fj9Bc1.Qm3vT8xK2pLr9sWn5Zb7Lk4Tz7nQ2vXpHy6Wd',
        'session: eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJzdmMtOTQxMiJ9.Qm3vT8xK2pLr9sWn5Zb7Lk4Tz7nQ2vXpHy6Wd',
        // Claims of its own, but signed with jwt.io's sample HMAC key: minted in the debugger.
        'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfNDQ3MSIsInNjb3BlIjoicmVwb3J0czpyZWFkIiwiaWF0IjoxNzY3MjI1NjAwfQ.CtrcgpBh8axfQwoHE0PR5zPxvEhz8-q7Fnpi_D-aGj8',
      ],
    },
  },
  {
    id: 'jwt-base64',
    formatSource: 'specified',
    confidence: 'medium',
    title: 'JSON Web Token, base64-encoded (a Kubernetes secret value, a config blob)',
    severity: 'medium',
    family: 'jwt',
    // base64 of a JWT starts `ZXlK` (base64 of `eyJ`) and, further on, holds the base64 of the
    // `.eyJ` that opens the payload, in one of its three alignments (`LmV5S`, `5leU`, `uZXlK`).
    regex: '(?<![A-Za-z0-9+/])(?<secret>ZXlK(?=[A-Za-z0-9+/]{8,4096}?(?:LmV5S|5leU|uZXlK))[A-Za-z0-9+/]{60,8192}={0,2})(?![A-Za-z0-9+/=])',
    keywords: ['zxlk'],
    window: 0,
    entropy: 4.0,
    examples: {
      match: [
        { text: 'data:\n  session: ZXlKaGJHY2lPaUpJVXpJMU5pSXNJblI1Y0NJNklrcFhWQ0o5LmV5SnpkV0lpT2lKemRtTXROemN6TVNJc0luTmpiM0JsSWpvaVpHVndiRzk1SWl3aWFXRjBJam94TnpZM01qSTFOakF3ZlEuY3dxOERfb2xXUWxubXBTVVoxUVpONDJQeTQwak5Wd0RYRkpXNzJadllhZQ==', secret: 'ZXlKaGJHY2lPaUpJVXpJMU5pSXNJblI1Y0NJNklrcFhWQ0o5LmV5SnpkV0lpT2lKemRtTXROemN6TVNJc0luTmpiM0JsSWpvaVpHVndiRzk1SWl3aWFXRjBJam94TnpZM01qSTFOakF3ZlEuY3dxOERfb2xXUWxubXBTVVoxUVpONDJQeTQwak5Wd0RYRkpXNzJadllhZQ==' },
        { text: '{"blob": "ZXlKMGVYQWlPaUpLVjFRaUxDSmhiR2NpT2lKU1V6STFOaUlzSW10cFpDSTZJbXN0TVRraWZRLmV5SnBjM01pT2lKb2RIUndjem92TDJsa0xtTnZjbkF1YVc1MFpYSnVZV3dpTENKaGRXUWlPaUppYVd4c2FXNW5JaXdpWlhod0lqb3hOems0TnpZeE5qQXdmUS5obUxrU2VWTmZCZTNSdmN5MkgxYVVFWUJPTzZ1UWlTaDVoUnFza3BzMFdO"}', secret: 'ZXlKMGVYQWlPaUpLVjFRaUxDSmhiR2NpT2lKU1V6STFOaUlzSW10cFpDSTZJbXN0TVRraWZRLmV5SnBjM01pT2lKb2RIUndjem92TDJsa0xtTnZjbkF1YVc1MFpYSnVZV3dpTENKaGRXUWlPaUppYVd4c2FXNW5JaXdpWlhod0lqb3hOems0TnpZeE5qQXdmUS5obUxrU2VWTmZCZTNSdmN5MkgxYVVFWUJPTzZ1UWlTaDVoUnFza3BzMFdO' },
      ],
      noMatch: [
        'header: ZXlKaGJHY2lPaUpJVXpJMU5pSjkgb25seSBhIGhlYWRlciwgbm8gcGF5bG9hZA==',
        'inside a longer blob: QUJDZXlKaGJHY2lPaUpJVXpJMU5pSXNJblI1Y0NJNklrcFhWQ0o5LmV5SnpkV0lpT2lKemRtTXROemN6TVNJc0luTmpiM0JsSWpvaVpHVndiRzk1SWl3aWFXRjBJam94',
      ],
    },
  },
];
