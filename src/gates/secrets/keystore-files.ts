import { createHash } from 'node:crypto';
import { type Exposure, type SecretFinding, secretFinding } from './findings.js';
import type { SecretRule } from './rule.js';

/** The rule a committed binary keystore is reported under (rules/private-keys.ts). */
export const KEYSTORE_RULE_ID = 'pkcs12-keystore';
/** PKCS#12 keystores by their conventional extensions (RFC 7292; Windows and Java write .pfx/.p12). */
const KEYSTORE_PATH = /\.(?:p12|pfx)$/i;

/**
 * Findings for PKCS#12 keystores among the files skipped as binary: a keystore holds a private
 * key, so committing one is the leak whatever its password, and its content is never read (no
 * rule runs on binary files). Reported at line 1, by path; the preview names the kind, not a value.
 */
export function keystoreFindings(binaryPaths: readonly string[], rules: readonly SecretRule[], exposure: Exposure): SecretFinding[] {
  const rule = rules.find((r) => r.id === KEYSTORE_RULE_ID);
  if (!rule) return [];
  return binaryPaths
    .filter((path) => KEYSTORE_PATH.test(path))
    .map((path) =>
      secretFinding(
        rule,
        {
          ruleIndex: -1,
          offset: 0,
          line: 1,
          column: 1,
          secretSha256: createHash('sha256').update(`keystore\0${path}`).digest('hex'),
          preview: '(binary PKCS#12 keystore)',
          confidence: 'medium',
        },
        { file: path, exposure },
      ),
    );
}
