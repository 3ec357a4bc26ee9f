import type { SecretRule } from '../rule.js';

/** Values that refer to something else (an environment variable, a template) instead of holding it. */
const REFERENCES = ['^[$%{&]', '^(?:true|false|null|none)$'];

export const rules: SecretRule[] = [
  {
    id: 'npmrc-auth',
    // A registry-scoped field holds only what that registry issued (npm's legacy tokens are
    // UUIDs of any version), so no shape check applies.
    shape: 'password',
    formatSource: 'specified',
    title: 'npm registry credential (.npmrc //registry/:_authToken, _auth or _password)',
    severity: 'critical',
    family: 'config-file',
    provider: 'your npm registry',
    // `//host[:port][/path]/:` is how npm (9 and later, only) scopes a credential to a registry.
    regex: `//[\\w.-]+(?::\\d{1,5})?(?:/[^\\s/:]+)*/:_(?:authToken|auth|password)[ \\t]{0,16}=[ \\t]{0,16}["']?(?<secret>[^\\s"']{8,512})`,
    keywords: ['_authtoken', '_auth', '_password'],
    entropy: 3.0,
    allow: REFERENCES,
    examples: {
      path: '.npmrc',
      match: [
        { text: '//npm.pkg.internal/:_authToken=9f3b2c71-8e4d-4a6b-b1c2-7d5e9a0f3c84', secret: '9f3b2c71-8e4d-4a6b-b1c2-7d5e9a0f3c84' },
        { text: '//registry.corp:8443/npm/private/:_password="UTNrNzJ3TGw5eFpw"', secret: 'UTNrNzJ3TGw5eFpw' },
        { text: '//npm.pkg.internal/:_authToken=6f1c2e80-5a3b-11ed-9b6a-0242ac130004', secret: '6f1c2e80-5a3b-11ed-9b6a-0242ac130004' },
      ],
      noMatch: [
        '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
        'always-auth=true',
        '//npm.pkg.internal/:_authToken=$NODE_AUTH_TOKEN',
      ],
    },
  },
  {
    id: 'npmrc-legacy-auth',
    formatSource: 'specified',
    title: 'npm registry credential not scoped to a registry (.npmrc _authToken, _auth or _password)',
    severity: 'critical',
    family: 'config-file',
    provider: 'your npm registry',
    // npm before 9 read these at the top level; a value there must look like a credential.
    regex: `(?:^|:)_(?:authToken|auth|password)[ \\t]{0,16}=[ \\t]{0,16}["']?(?<secret>[^\\s"']{8,512})`,
    flags: 'm',
    keywords: ['_authtoken', '_auth', '_password'],
    entropy: 3.0,
    allow: REFERENCES,
    examples: {
      path: '.npmrc',
      match: [
        { text: '_auth = dXNlcjpTM2NyM3RQNHNzIQ==', secret: 'dXNlcjpTM2NyM3RQNHNzIQ==' },
        { text: 'registry=https://npm.corp/\n_authToken=4b7e1d90-2c6f-4e8a-9d3b-5f0a7c2e6b18', secret: '4b7e1d90-2c6f-4e8a-9d3b-5f0a7c2e6b18' },
      ],
      noMatch: [
        'self._password = new_password_value',
        '_authToken=${NPM_TOKEN}',
        // A clock reading and a MAC address, not something a registry issued.
        '_authToken=6f1c2e80-5a3b-11ed-9b6a-0242ac130004',
      ],
    },
  },
  {
    id: 'pypirc-password',
    shape: 'password',
    formatSource: 'specified',
    title: 'Package index password in .pypirc',
    severity: 'critical',
    family: 'config-file',
    provider: 'the package index',
    regex: '^[ \\t]{0,16}password[ \\t]{0,16}[:=][ \\t]{0,16}(?<secret>[^\\s]{6,256})[ \\t]{0,16}\\r?$',
    flags: 'im',
    keywords: ['password'],
    allow: REFERENCES,
    paths: { include: ['**/.pypirc', '.pypirc'] },
    examples: {
      path: '.pypirc',
      match: [
        { text: '[distutils]\nindex-servers = internal\n\n[internal]\nrepository = https://pkgs.corp/simple\nusername = ci\npassword = Rk8!vQ2zLm7w\n', secret: 'Rk8!vQ2zLm7w' },
        { text: '[pypi]\nusername: deploy\npassword: h3Wq9Zt2Xp6N\n', secret: 'h3Wq9Zt2Xp6N' },
      ],
      noMatch: ['[pypi]\nusername = __token__\npassword = %(PYPI_TOKEN)s\n', '[pypi]\nusername = ci\n'],
    },
  },
  {
    id: 'netrc-password',
    shape: 'password',
    formatSource: 'specified',
    title: 'Password in a .netrc entry',
    severity: 'high',
    family: 'config-file',
    regex: '\\bmachine[ \\t]{1,16}[^\\s]{1,253}(?:[ \\t]{1,16}|\\r?\\n[ \\t]{0,16})login[ \\t]{1,16}[^\\s]{1,256}(?:[ \\t]{1,16}|\\r?\\n[ \\t]{0,16})password[ \\t]{1,16}(?<secret>[^\\s]{3,256})',
    keywords: ['machine'],
    allow: REFERENCES,
    examples: {
      match: [
        { text: 'machine api.corp.internal login ci-bot password Tq7Wz2Lk9Vm4', secret: 'Tq7Wz2Lk9Vm4' },
        { text: 'machine git.corp.internal\n  login deploy\n  password Hx3Ny8Qr5Bz2\n', secret: 'Hx3Ny8Qr5Bz2' },
      ],
      noMatch: ['machine api.corp.internal login ci-bot password $NETRC_PASSWORD', 'the state machine login flow asks for a password'],
    },
  },
  {
    id: 'kubernetes-secret-data',
    formatSource: 'specified',
    title: 'Kubernetes Secret manifest with a base64 data value',
    severity: 'high',
    family: 'config-file',
    // A `key: base64` line inside a `data:` block of a document that says `kind: Secret`
    // (before it, as written by hand, or after it, as `kubectl get -o yaml` sorts keys).
    // The value is inline (`key: b64`) or a YAML block scalar on the next line (`key: |` or
    // `key: >`, as `.dockercfg` and certificates are written); lines of earlier block values
    // may stand between `data:` and the key.
    regex:
      '^[ \\t]{1,16}[\\w.-]{1,253}:[ \\t]{1,8}(?:[|>][+-]?[ \\t]{0,16}\\r?\\n[ \\t]{2,32})?["\']?(?<secret>[A-Za-z0-9+/]{12,8192}={0,2})["\']?[ \\t]{0,16}\\r?$' +
      '(?<=^(?:data|binaryData):[ \\t]{0,16}\\r?\\n(?:[ \\t]{1,32}[^\\n]{0,8192}\\n){0,200}[^\\n]{0,8300})' +
      '(?:(?<=^kind:[ \\t]{0,16}["\']?Secret["\']?[ \\t]{0,16}\\r?\\n[\\s\\S]{0,8000})|(?=[\\s\\S]{0,8000}?^kind:[ \\t]{0,16}["\']?Secret\\b))',
    flags: 'm',
    keywords: ['kind: secret', 'kind: "secret"', "kind: 'secret'"],
    window: 0,
    entropy: 3.0,
    // base64 of stand-ins: password, changeme, admin…, secret
    allow: ['^cGFzc3dvcmQ', '^Y2hhbmdlbWU', '^YWRtaW4', '^c2VjcmV0'],
    examples: {
      match: [
        { text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  username: YXBwX3VzZXI=\n  password: Uk84dlEyemxNN3dYcA==\n', secret: 'Uk84dlEyemxNN3dYcA==' },
        { text: 'apiVersion: v1\ndata:\n  token: aDdHbTJLcVA5eFd6TnI0VA==\nkind: Secret\nmetadata:\n  name: api\n', secret: 'aDdHbTJLcVA5eFd6TnI0VA==' },
        { text: 'apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockercfg\ndata:\n  .dockercfg: |\n    eyJyZWdpc3RyeS5jb3JwLmludGVybmFsIjp7ImF1dGgiOiJjaTpIcTdtSzJ4UDl2In19\n', secret: 'eyJyZWdpc3RyeS5jb3JwLmludGVybmFsIjp7ImF1dGgiOiJjaTpIcTdtSzJ4UDl2In19' },
        { text: 'apiVersion: v1\ndata:\n  tls.key: >-\n    TUlJRXBRSUJBQUtDQVFFQTNxN21LMnhQOXZMcjR0V244WmJD\nkind: Secret\n', secret: 'TUlJRXBRSUJBQUtDQVFFQTNxN21LMnhQOXZMcjR0V244WmJD' },
      ],
      noMatch: [
        'apiVersion: v1\nkind: ConfigMap\ndata:\n  settings: eyJmZWF0dXJlIjp0cnVlfQ==\n',
        'apiVersion: v1\nkind: Secret\ndata:\n  password: {{ .Values.password | b64enc }}\n',
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: averylongsecretname\n',
        'apiVersion: v1\nkind: ConfigMap\ndata:\n  script: |\n    ZWNobyBoZWxsbyB3b3JsZCBmcm9tIHRoZSBjb25maWc=\n',
      ],
    },
  },
  {
    id: 'docker-config-auth',
    formatSource: 'specified',
    title: 'Registry credential in a Docker config.json',
    severity: 'critical',
    family: 'config-file',
    provider: 'the container registry',
    // Also the file embedded as an escaped JSON string (`DOCKER_AUTH_CONFIG={\"auths\": …}`
    // in a CI runner's config, a Kubernetes `.dockerconfigjson` written as a string).
    regex: '\\\\{0,3}"(?:auth|identitytoken)\\\\{0,3}"[ \\t]{0,16}:[ \\t]{0,16}\\\\{0,3}"(?<secret>[A-Za-z0-9+/._-]{8,4096}={0,2})\\\\{0,3}"(?<="auths\\\\{0,3}"[ \\t]{0,16}:[ \\t]{0,16}\\{[\\s\\S]{0,8000})',
    keywords: ['"auths"', 'auths\\"'],
    window: 0,
    entropy: 3.0,
    examples: {
      match: [
        { text: '{\n  "auths": {\n    "registry.corp.internal": {\n      "auth": "ZGVwbG95OlRxN1d6MkxrOVZtNA=="\n    }\n  }\n}', secret: 'ZGVwbG95OlRxN1d6MkxrOVZtNA==' },
        { text: '{"auths":{"a.internal":{"auth":"Y2k6SHgzTnk4UXI1QnoyMQ=="},"b.internal":{"auth":"cm86UGs5V20zWms3THky"}}}', secret: ['Y2k6SHgzTnk4UXI1QnoyMQ==', 'cm86UGs5V20zWms3THky'] },
        { text: 'environment = ["DOCKER_AUTH_CONFIG={\\"auths\\":{\\"registry.corp.internal:5000\\":{\\"auth\\":\\"Y2k6V3o3K2txMl9SbSFwWDk=\\"}}}"]', secret: 'Y2k6V3o3K2txMl9SbSFwWDk=' },
      ],
      noMatch: ['{"auths": {"registry.corp.internal": {}}, "credsStore": "desktop"}', { text: '{"auth": "ZGVwbG95OlRxN1d6MkxrOVZtNA=="}', firedBy: ['generic-secret'] }],
    },
  },
  {
    id: 'jenkins-credential-secret',
    formatSource: 'described',
    title: 'Jenkins stored credential (credentials.xml secret, password or token element)',
    severity: 'high',
    family: 'config-file',
    provider: 'Jenkins',
    // Jenkins writes a credential's value as `{<base64 of the encrypted value>}`, which anyone
    // with the controller's master key (or a script console) turns back into the secret; an
    // export or a hand-edited file holds the value in the braces.
    regex: `<(?:secret|password|passphrase|apiToken|token|privateKey)>[ \\t]{0,8}\\{(?:[^{}<>\\n]{0,80}?[ \\t])?(?<secret>[A-Za-z0-9+/=_-]{16,2048})\\}[ \\t]{0,8}</`,
    keywords: ['>{'],
    entropy: 3.0,
    examples: {
      path: 'jenkins/credentials.xml',
      match: [
        { text: '<secret>{AQAAABAAAAAQk7Tn2xWq9Lm4Vz8Rc3Pb6Hy5Kd0Jf1Gs8Ew2Qx7Mz4Nv=}</secret>', secret: 'AQAAABAAAAAQk7Tn2xWq9Lm4Vz8Rc3Pb6Hy5Kd0Jf1Gs8Ew2Qx7Mz4Nv=' },
        { text: '<com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n  <username>deploy</username>\n  <password>{AQAAABAAAAAg Wz3Lq8Xk2Vn7Rb4Ht9Jc6Mp1Sd5Fg0Ky}</password>', secret: 'Wz3Lq8Xk2Vn7Rb4Ht9Jc6Mp1Sd5Fg0Ky' },
      ],
      noMatch: ['<secret>${JENKINS_SECRET}</secret>', '<password>{}</password>', '<token>{short}</token>'],
    },
  },
];
