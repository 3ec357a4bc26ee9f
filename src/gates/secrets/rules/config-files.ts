import type { SecretRule } from '../rule.js';

/** Values that refer to something else (an environment variable, a template) instead of holding it. */
const REFERENCES = ['^[$%{&]', '^(?:true|false|null|none)$'];

/** The `kind` line of a Kubernetes Secret, as written (`Secret`, quoted or not; `secret`, which Ansible's k8s module resolves by singular name). */
const K8S_KIND_KEYWORDS = ['kind: secret', 'kind: "secret"', "kind: 'secret'"];
/** A line that begins another object: a document marker, a List item's `- apiVersion:`, another `kind:`. */
const K8S_OTHER_OBJECT = `(?:---|\\.\\.\\.|[ \\t]{0,32}-[ \\t]{1,8}apiVersion:|[ \\t]{0,32}(?:-[ \\t]{1,8})?kind:)`;
const K8S_KIND_LINE = `[ \\t]{0,32}(?:-[ \\t]{1,8})?kind:[ \\t]{1,16}["']?[Ss]ecret["']?[ \\t]{0,16}(?:#[^\\n]{0,200})?\\r?`;
/** Keys of a Secret that name where or who, not the secret: their values are not reported. */
const K8S_NON_SECRET_KEYS = `(?!["']?(?:host|hostname|port|user|username|database|dbname|namespace|region|endpoint|server|email)["']?:)`;

/**
 * A `key: value` line inside the `data` or `stringData` map of a Kubernetes Secret object.
 * The map's header is less indented than the key (spaces or tabs), and every line between
 * them is indented as the key or deeper, or is blank or a comment. The object's `kind: Secret`
 * comes before the value (as written by hand) or after it (as `kubectl get -o yaml` sorts
 * keys), with no line between them that starts another object: a `---` document, a List item
 * or another `kind:`. So a ConfigMap's data, a SealedSecret's encryptedData and another
 * document's values are not read. `blockScalar`: the value may stand on the next line, after
 * `|` or `>`.
 */
function k8sSecretValue(map: 'data' | 'stringData', value: string, blockScalar: boolean): string {
  const block = blockScalar ? `(?:[|>][+-]?[ \\t]{0,16}\\r?\\n\\k<vi>[ \\t]{1,16})?` : '';
  return (
    `^(?<vi>[ \\t]{1,32})${K8S_NON_SECRET_KEYS}["']?[\\w.-]{1,253}["']?:[ \\t]{1,8}${block}${value}[ \\t]{0,16}(?:#[^\\n]{0,200})?\\r?$` +
    `(?<=^(?!\\k<vi>)[ \\t]{0,32}${map}:[ \\t]{0,16}(?:#[^\\n]{0,200})?\\r?\\n(?:(?:\\k<vi>[^\\n]{0,8192}|[ \\t]{0,32}(?:#[^\\n]{0,8192})?)\\n){0,100}[^\\n]{0,8400})` +
    `(?:(?<=^${K8S_KIND_LINE}\\n(?:(?!${K8S_OTHER_OBJECT})[^\\n]{0,8192}\\n){0,300}[^\\n]{0,8400})` +
    `|(?=\\n(?:(?!${K8S_OTHER_OBJECT})[^\\n]{0,8192}\\n){0,300}?${K8S_KIND_LINE}$))`
  );
}

/** base64 of stand-ins a Secret's data is written with (password…, changeme…, admin…, secret…, default) and of a PEM certificate (public). */
const K8S_B64_STAND_INS = ['^cGFzc3dvcm', '^Y2hhbmdlbW', '^YWRtaW', '^c2VjcmV0', '^ZGVmYXVsdA==$', '^LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t'];

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
    // Kubernetes' Secret object holds `data`, a map of keys (alphanumerics, `-`, `_`, `.`) to
    // base64 of the secret bytes; each non-empty value is reported. The value is inline
    // (`key: b64`) or a block scalar on the next line (`key: |`); see K8S_SECRET_DATA.
    regex: k8sSecretValue('data', `(?<q>["']?)(?<secret>[A-Za-z0-9+/]{12,8192}={0,2})\\k<q>`, true),
    flags: 'm',
    keywords: K8S_KIND_KEYWORDS,
    window: 0,
    entropy: 3.0,
    allow: K8S_B64_STAND_INS,
    examples: {
      match: [
        { text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  username: YXBwX3VzZXI=\n  password: Uk84dlEyemxNN3dYcA==\n', secret: 'Uk84dlEyemxNN3dYcA==' },
        { text: 'apiVersion: v1\ndata:\n  token: aDdHbTJLcVA5eFd6TnI0VA==\nkind: Secret\nmetadata:\n  name: api\n', secret: 'aDdHbTJLcVA5eFd6TnI0VA==' },
        { text: 'apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockercfg\ndata:\n  .dockercfg: |\n    eyJyZWdpc3RyeS5jb3JwLmludGVybmFsIjp7ImF1dGgiOiJjaTpIcTdtSzJ4UDl2In19\n', secret: 'eyJyZWdpc3RyeS5jb3JwLmludGVybmFsIjp7ImF1dGgiOiJjaTpIcTdtSzJ4UDl2In19' },
        { text: 'apiVersion: v1\ndata:\n  tls.key: >-\n    TUlJRXBRSUJBQUtDQVFFQTNxN21LMnhQOXZMcjR0V244WmJD\nkind: Secret\n', secret: 'TUlJRXBRSUJBQUtDQVFFQTNxN21LMnhQOXZMcjR0V244WmJD' },
        // Quoted kind and values, tab indentation, a comment after the value.
        { text: "apiVersion: 'v1'\nkind: 'Secret'\ndata:\n\tapi-key: 'cTdXbTJ4UDl2THI0dFduOA==' # rotated monthly\n", secret: 'cTdXbTJ4UDl2THI0dFduOA==' },
        // An item of a List: indented object, its data one level deeper.
        { text: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Secret\n    metadata:\n      name: queue\n    data:\n      amqp-password: Wms3THkyUXI1QnoyTW40\n', secret: 'Wms3THkyUXI1QnoyTW40' },
        // Two values reported, the host name beside them is not a secret.
        { text: 'kind: Secret\napiVersion: v1\ndata:\n  host: ZGIuaW50ZXJuYWwuY29ycA==\n  access-key: TjRxVzd6UjJ4SzltUDV2TA==\n  secret-key: SDh0WTNuQjZ3UTFyWjlrTTJ4Vg==\n', secret: ['TjRxVzd6UjJ4SzltUDV2TA==', 'SDh0WTNuQjZ3UTFyWjlrTTJ4Vg=='] },
      ],
      noMatch: [
        'apiVersion: v1\nkind: ConfigMap\ndata:\n  settings: eyJmZWF0dXJlIjp0cnVlfQ==\n',
        'apiVersion: v1\nkind: Secret\ndata:\n  password: {{ .Values.password | b64enc }}\n',
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: averylongsecretname\n',
        'apiVersion: v1\nkind: ConfigMap\ndata:\n  script: |\n    ZWNobyBoZWxsbyB3b3JsZCBmcm9tIHRoZSBjb25maWc=\n',
        'apiVersion: v1\nkind: Secret\ndata:\n  password: ${DB_PASSWORD_B64}\n  token: <base64-encoded-token>\n  empty: ""\n',
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: builder-token\n  annotations:\n    kubernetes.io/service-account.name: builder\ntype: kubernetes.io/service-account-token\n',
        // Sealed Secrets: encrypted to the cluster\'s controller key, safe to commit.
        // (The generic password rule still reads `password: <ciphertext>` as an assignment.)
        { text: 'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: db\nspec:\n  encryptedData:\n    password: AgBy8hCi8erSSsRJmXzE3Q5Lk2Zt7VwPq4Rn9Jm1Xc6Hs0Df2Gb5Nv8Ky3Tw\n', firedBy: ['generic-password-config'] },
        // SOPS: each value is its own AES-GCM envelope.
        'apiVersion: v1\nkind: Secret\ndata:\n  password: ENC[AES256_GCM,data:q3Vx9Lm2Rk7Wz4Tn,iv:Hx3Ny8Qr5Bz2Pk9W,tag:Wm3Zk7Ly2Qr5Bz2M,type:str]\n',
        // base64 of stand-ins (password, changeme, a PEM certificate: public).
        { text: 'apiVersion: v1\nkind: Secret\ndata:\n  password: cGFzc3dvcmQxMjM=\n  other: Y2hhbmdlbWVwbGVhc2U=\n  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCekND\n', firedBy: ['generic-password-config'] },
        // Multi-document YAML: the Secret is one document, the ConfigMap\'s data is another\'s.
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\ndata:\n  bundle: Q2VydGlmaWNhdGVCdW5kbGVWMg==\n',
        'apiVersion: v1\ndata:\n  bundle: Q2VydGlmaWNhdGVCdW5kbGVWMg==\nkind: ConfigMap\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: a\n',
        // A List: the Secret item has no data, the next item is a ConfigMap.
        'kind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: a\n- apiVersion: v1\n  data:\n    bundle: Q2VydGlmaWNhdGVCdW5kbGVWMg==\n  kind: ConfigMap\n',
      ],
    },
  },
  {
    id: 'kubernetes-secret-string-data',
    formatSource: 'specified',
    shape: 'password',
    // A plain value: only the manifest's structure says it is a secret.
    confidence: 'medium',
    title: 'Kubernetes Secret manifest with a plain stringData value',
    severity: 'high',
    family: 'config-file',
    // `stringData` takes the same keys as `data` with unencoded values (the API server encodes
    // them into `data`). A plain scalar on the key's line; block scalars are left to the rules
    // for what they hold.
    regex: k8sSecretValue('stringData', `(?<q>["']?)(?<secret>[^\\s"'#{}\\[\\]&*!|>%@\`,][^\\s"']{5,1024})\\k<q>`, false),
    flags: 'm',
    keywords: K8S_KIND_KEYWORDS,
    window: 0,
    entropy: 3.0,
    allow: [...REFERENCES, '^ENC\\['],
    examples: {
      match: [
        { text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: smtp\nstringData:\n  username: mailer\n  password: "Tq7!Wz2Lk9Vm4"\n', secret: 'Tq7!Wz2Lk9Vm4' },
        { text: 'apiVersion: v1\nstringData:\n  DATABASE_URL: postgres://app:Hx3Ny8Qr5Bz2@db.corp:5432/app\nkind: Secret\n', secret: 'postgres://app:Hx3Ny8Qr5Bz2@db.corp:5432/app' },
        { text: "kind: 'Secret'\napiVersion: v1\nstringData:\n\twebhook-token: 'k9Vm4Tq7Wz2LHx3N'\n", secret: 'k9Vm4Tq7Wz2LHx3N' },
      ],
      noMatch: [
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  LOG_LEVEL: debug-verbose\n',
        'apiVersion: v1\nkind: Secret\nstringData:\n  password: {{ .Values.db.password | quote }}\n  token: ${API_TOKEN}\n  key: <paste-the-key-here>\n  empty: ""\n',
        'apiVersion: v1\nkind: Secret\nstringData:\n  host: db.internal.corp\n  port: "5432"\n  username: app_user\n',
        'apiVersion: v1\nkind: Secret\nstringData:\n  password: ENC[AES256_GCM,data:q3Vx9Lm2Rk7Wz4Tn,iv:Hx3Ny8Qr5Bz2Pk9W,tag:Wm3Zk7Ly2Qr5Bz2M,type:str]\n',
        'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nspec:\n  target:\n    template:\n      stringData:\n        dsn: postgres://app:{{ .password }}@db:5432/app\n',
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
    // `auths\` also finds the doubly escaped form (`\\\"auths\\\"` in a TOML string of a runner's config.toml).
    keywords: ['"auths"', 'auths\\'],
    window: 0,
    entropy: 3.0,
    examples: {
      match: [
        { text: '{\n  "auths": {\n    "registry.corp.internal": {\n      "auth": "ZGVwbG95OlRxN1d6MkxrOVZtNA=="\n    }\n  }\n}', secret: 'ZGVwbG95OlRxN1d6MkxrOVZtNA==' },
        { text: '{"auths":{"a.internal":{"auth":"Y2k6SHgzTnk4UXI1QnoyMQ=="},"b.internal":{"auth":"cm86UGs5V20zWms3THky"}}}', secret: ['Y2k6SHgzTnk4UXI1QnoyMQ==', 'cm86UGs5V20zWms3THky'] },
        { text: 'environment = ["DOCKER_AUTH_CONFIG={\\"auths\\":{\\"registry.corp.internal:5000\\":{\\"auth\\":\\"Y2k6V3o3K2txMl9SbSFwWDk=\\"}}}"]', secret: 'Y2k6V3o3K2txMl9SbSFwWDk=' },
        { text: '[[runners]]\n  environment = ["DOCKER_AUTH_CONFIG={\\\\\\"auths\\\\\\":{\\\\\\"registry.corp.internal\\\\\\":{\\\\\\"auth\\\\\\":\\\\\\"cnVubmVyOlBrOVdtM1prN0x5Mg==\\\\\\"}}}"]', secret: 'cnVubmVyOlBrOVdtM1prN0x5Mg==' },
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
