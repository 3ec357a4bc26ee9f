import { describe, expect, it } from 'vitest';
import { SecretEngine } from '../../src/gates/secrets/engine.js';
import { builtinRules } from '../../src/gates/secrets/rules/index.js';

// The structural rules (a Kubernetes Secret's data, a Google key file) as the whole catalogue
// runs them: which lines are reported, and that a key file is reported once.
const engine = new SecretEngine(builtinRules);
const found = (text: string, path = 'deploy/manifest.yaml') => engine.scan(text, path).map((m) => ({ rule: m.rule.id, line: m.line, secret: m.secret }));

const PEM = ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDk3Tq9Wm2Lx7Rv', 'Zp4Hc8Ns1Kd6Gf0Jy3Bw5Qt2Mv9Xe7Ra4Lu1Pi8Ob6Sc3Dh0Fk5Gl2Jm9Nn7Tq4Vr1', 'Ws8Yt5Ue2Iw9Oa6Eq3Rz0Ty7Kx4Cv1Bn8Hm5Lj2Pg9Df6Sa3Ql0Zw7Xe4Mr1Nk8'].join('\\n');

describe('Kubernetes Secret manifests', () => {
  it('reports each data value of the Secret document on its line, and nothing from the next document', () => {
    const text = [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: queue',
      'data:',
      '  user-token: Wms3THkyUXI1QnoyTW40',
      '  signing-key: SDh0WTNuQjZ3UTFyWjlrTTJ4Vg==',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'data:',
      '  bundle: Q2VydGlmaWNhdGVCdW5kbGVWMg==',
      '',
    ].join('\n');
    expect(found(text)).toEqual([
      { rule: 'kubernetes-secret-data', line: 6, secret: 'Wms3THkyUXI1QnoyTW40' },
      { rule: 'kubernetes-secret-data', line: 7, secret: 'SDh0WTNuQjZ3UTFyWjlrTTJ4Vg==' },
    ]);
  });

  it('reads CRLF manifests and a kind written after the data, as kubectl sorts it', () => {
    const text = 'apiVersion: v1\r\ndata:\r\n  api-key: cTdXbTJ4UDl2THI0dFduOA==\r\nkind: Secret\r\nmetadata:\r\n  name: api\r\n';
    expect(found(text)).toEqual([{ rule: 'kubernetes-secret-data', line: 3, secret: 'cTdXbTJ4UDl2THI0dFduOA==' }]);
  });

  it('reports stringData values at medium confidence and leaves templates alone', () => {
    const text = 'apiVersion: v1\nkind: Secret\nstringData:\n  token: {{ .Values.token }}\n  password: Tq7!Wz2Lk9Vm4\n';
    expect(found(text)).toEqual([{ rule: 'kubernetes-secret-string-data', line: 5, secret: 'Tq7!Wz2Lk9Vm4' }]);
    expect(builtinRules.find((r) => r.id === 'kubernetes-secret-string-data')?.confidence).toBe('medium');
  });
});

describe('Google service-account key files', () => {
  it('reports a whole key file once: its private key', () => {
    const text = `{\n  "type": "service_account",\n  "project_id": "ledger-prod",\n  "private_key_id": "9c41d7e2b08f5a36c1e4d9b27f0a8c53e6b1d4f9",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n${PEM}\\n-----END PRIVATE KEY-----\\n",\n  "client_email": "deployer@ledger-prod.iam.gserviceaccount.com",\n  "client_id": "104857203948571029384"\n}\n`;
    expect(found(text, 'keys/ledger-prod.json')).toEqual([{ rule: 'gcp-service-account-key', line: 5, secret: PEM }]);
  });

  it('reports a key file whose private key was cut out once, by its key ID', () => {
    const text = '{\n  "type": "service_account",\n  "private_key_id": "9c41d7e2b08f5a36c1e4d9b27f0a8c53e6b1d4f9",\n  "private_key": "",\n  "client_email": "deployer@ledger-prod.iam.gserviceaccount.com"\n}\n';
    expect(found(text, 'keys/ledger-prod.json')).toEqual([{ rule: 'gcp-service-account-key-file', line: 3, secret: '9c41d7e2b08f5a36c1e4d9b27f0a8c53e6b1d4f9' }]);
  });

  it('does not report a workload identity federation config', () => {
    const text = '{\n  "type": "external_account",\n  "audience": "//iam.googleapis.com/projects/4471/locations/global/workloadIdentityPools/ci/providers/gh",\n  "subject_token_type": "urn:ietf:params:oauth:token-type:jwt",\n  "token_url": "https://sts.googleapis.com/v1/token",\n  "credential_source": { "file": "/var/run/secrets/token" }\n}\n';
    expect(found(text, 'gcp/wif.json')).toEqual([]);
  });
});
