import type { SecretRule } from '../../rule.js';
import { prefixedToken } from './patterns.js';

const provider = '1Password';
const family = 'saas';

export const rules: SecretRule[] = [
  {
    id: '1password-secret-key',
    formatSource: 'described',
    title: '1Password account secret key',
    severity: 'critical',
    family,
    provider,
    rotateUrl: 'https://support.1password.com/secret-key/',
    // A3-<6>-<11 or 6-5>-<5>-<5>-<5>, upper-case alphanumerics.
    regex: prefixedToken('A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}'),
    keywords: ['a3-'],
    entropy: 3.5,
    // The sample key in 1Password's service-account documentation.
    allow: ['^A3-C4ZJMN-PQTZTL-HGL84-G64M7-KVZRN-4ZVP6$'],
    examples: {
      match: [
        { text: 'OP_SECRET_KEY=A3-C78Z6I-ML8H3UOJA26-DH9BY-EUY1F-C1PH8', secret: 'A3-C78Z6I-ML8H3UOJA26-DH9BY-EUY1F-C1PH8' },
        { text: '"secretKey": "A3-JF6TDU-UG7NY0-WMYXR-ERGQB-RBL6S-ZHL2X"', secret: 'A3-JF6TDU-UG7NY0-WMYXR-ERGQB-RBL6S-ZHL2X' },
      ],
      noMatch: ['OP_SECRET_KEY=A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX', { text: '"secretKey":"A3-C4ZJMN-PQTZTL-HGL84-G64M7-KVZRN-4ZVP6"', firedBy: ['generic-secret'] }],
    },
  },
  {
    id: '1password-service-account-token',
    formatSource: 'described',
    title: '1Password service account token',
    severity: 'critical',
    family,
    provider,
    rotateUrl: 'https://developer.1password.com/docs/service-accounts/manage-service-accounts/',
    // ops_ + base64 of a JSON document (so it opens with `eyJ`).
    regex: prefixedToken('ops_eyJ[A-Za-z0-9+/]{100,1500}={0,3}', '\\w+/=', '\\w+/'),
    keywords: ['ops_eyj'],
    entropy: 4,
    examples: {
      match: [
        { text: 'OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ3mghrvalbhQWl6szMKX/hgpv2h6NI5VRfJBoXdPBAZtJXmukUdqz35zm+i+7fjac6/mbxYcyWaERj65sGwWVWucnUWnX2aH2JWRSJ3951YT1M2R5Vj5tGtElVehIG1gfbfcIoYASjPKPTQa/4LAptbxzThW7JAcBU2+INf5vC9tNO/kyvggrAl0l9wfDIOUaXwPN+T9ZraWabGVjNopZ3crEGZZ9RdwOvz/UaRh/rI0QsbJs5MpL4lAfbCHeSBReC5WHJitPK7cmd/0HEf2cQOWAkD+JDXxfTugSkVmYy003', secret: 'ops_eyJ3mghrvalbhQWl6szMKX/hgpv2h6NI5VRfJBoXdPBAZtJXmukUdqz35zm+i+7fjac6/mbxYcyWaERj65sGwWVWucnUWnX2aH2JWRSJ3951YT1M2R5Vj5tGtElVehIG1gfbfcIoYASjPKPTQa/4LAptbxzThW7JAcBU2+INf5vC9tNO/kyvggrAl0l9wfDIOUaXwPN+T9ZraWabGVjNopZ3crEGZZ9RdwOvz/UaRh/rI0QsbJs5MpL4lAfbCHeSBReC5WHJitPK7cmd/0HEf2cQOWAkD+JDXxfTugSkVmYy003' },
        { text: 'token: "ops_eyJ45l0AWMnrocN2AHT+cpEiKwJ7+3XLR49rC8IOm7k4PgKRlCi0qMsp+8u198jaxUURNy6fLFEcTiKW9m0EOJ24npWP9bE7Au3u6vgRUW48IbPi+s2wKQPc0dfwKx+630c9YUmljOgH+OcqsoSCDTwca0nxP93/dut9H/Q89wXxH/WLQ/g6gteCu06evlJV87Wp9R+D8dxbmnNA4FB3cJ346mLgK5UF+FnuIA+kMaBIQ5dSiNtIp0jar/ShJ=="', secret: 'ops_eyJ45l0AWMnrocN2AHT+cpEiKwJ7+3XLR49rC8IOm7k4PgKRlCi0qMsp+8u198jaxUURNy6fLFEcTiKW9m0EOJ24npWP9bE7Au3u6vgRUW48IbPi+s2wKQPc0dfwKx+630c9YUmljOgH+OcqsoSCDTwca0nxP93/dut9H/Q89wXxH/WLQ/g6gteCu06evlJV87Wp9R+D8dxbmnNA4FB3cJ346mLgK5UF+FnuIA+kMaBIQ5dSiNtIp0jar/ShJ==' },
      ],
      noMatch: [{ text: 'OP_SERVICE_ACCOUNT_TOKEN=ops_eyJhbGciOi', firedBy: ['generic-secret-config'] }, 'OP_SERVICE_ACCOUNT_TOKEN=ops_<your token>'],
    },
  },
];
