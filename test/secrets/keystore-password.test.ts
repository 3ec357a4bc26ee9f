import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { storePassword } from '../../src/gates/secrets/keystore-password.js';
import { tempDir } from '../helpers/repo.js';
import { requireTool, TOOLS } from '../helpers/tools.js';

// Real key stores, made by the JDK's keytool at run time with a throwaway EC key (once each:
// every keytool run starts a JVM).
const made = new Map<string, Buffer>();
function keyStore(type: 'PKCS12' | 'JKS', password: string): Buffer {
  const key = `${type}:${password}`;
  if (!made.has(key)) made.set(key, makeKeyStore(type, password));
  return Buffer.from(made.get(key)!);
}

function makeKeyStore(type: 'PKCS12' | 'JKS', password: string): Buffer {
  const path = join(tempDir('wfo-keystore-'), type === 'JKS' ? 'store.jks' : 'store.p12');
  execFileSync('keytool', ['-genkeypair', '-keystore', path, '-storetype', type, '-storepass', password, '-keypass', password, '-keyalg', 'EC', '-dname', 'CN=wfo-gate test', '-alias', 'test'], { stdio: 'ignore' });
  return readFileSync(path);
}

describe('whether a key store opens with a well-known password', () => {
  beforeAll(() => requireTool(TOOLS.keytool));

  it("opens a PKCS#12 file made with Google's P12 password or Java's default", () => {
    expect(storePassword(keyStore('PKCS12', 'notasecret'))).toEqual({ opens: true, password: 'notasecret' });
    expect(storePassword(keyStore('PKCS12', 'changeit'))).toEqual({ opens: true, password: 'changeit' });
  });

  it('opens a Java key store made with the default password', () => {
    expect(storePassword(keyStore('JKS', 'changeit'))).toEqual({ opens: true, password: 'changeit' });
  });

  it('does not open stores whose password is the owner’s own', () => {
    expect(storePassword(keyStore('PKCS12', 'Rv8-kQ2m-Lz7w'))).toEqual({ opens: false });
    expect(storePassword(keyStore('JKS', 'Rv8-kQ2m-Lz7w'))).toEqual({ opens: false });
  });

  it('cannot judge what is no key store, or a cut-short one', () => {
    const store = keyStore('PKCS12', 'changeit');
    expect(storePassword(store.subarray(0, 200))).toEqual({ opens: undefined });
    expect(storePassword(Buffer.from('not a key store at all, just text'))).toEqual({ opens: undefined });
    expect(storePassword(Buffer.alloc(0))).toEqual({ opens: undefined });
  });

  it('does not judge a store whose MAC asks for more rounds than a commit hook can spend', () => {
    expect(storePassword(withMacIterations(keyStore('PKCS12', 'changeit'), 1_000_000))).toEqual({ opens: undefined });
    // The same rewrite with keytool's own count still opens: only the count changed.
    expect(storePassword(withMacIterations(keyStore('PKCS12', 'changeit'), 10_000))).toEqual({ opens: true, password: 'changeit' });
  });
});

/**
 * `store` (as keytool writes it: a PFX and its auth-safe with two-byte long-form lengths, a
 * MacData of short form ending in its iteration count) with that count re-encoded as `count`.
 */
function withMacIterations(store: Buffer, count: number): Buffer {
  const authSafeEnd = 7 + 4 + store.readUInt16BE(9);
  const macData = store.subarray(authSafeEnd);
  // MacData = 30 len { DigestInfo, salt, INTEGER }: drop the INTEGER (the last TLV) and append ours.
  const countBytes = Buffer.from(count.toString(16).padStart(6, '0'), 'hex');
  let at = 2;
  const parts: Buffer[] = [];
  while (at < macData.length) {
    const length = macData[at + 1];
    parts.push(macData.subarray(at, at + 2 + length));
    at += 2 + length;
  }
  const body = Buffer.concat([...parts.slice(0, -1), Buffer.from([0x02, countBytes.length]), countBytes]);
  const newMac = Buffer.concat([Buffer.from([0x30, body.length]), body]);
  const inner = Buffer.concat([store.subarray(4, authSafeEnd), newMac]);
  const head = Buffer.from([0x30, 0x82, 0, 0]);
  head.writeUInt16BE(inner.length, 2);
  return Buffer.concat([head, inner]);
}
