import { createHash } from 'node:crypto';
import { isBinary } from '../../core/content.js';
import { berLength } from './der.js';
import { javaStoreDigest, pkcs12Mac, storePassword } from './keystore-password.js';
import type { Confidence, Severity } from '../../core/types.js';

// Binary key stores: files the text scan never reads (git's binary rule skips them) that are a
// private key all the same. They are recognised by their content, read from the head of a file
// already classified binary (never from a text file, never by name alone), in every scope.

/**
 * How much of a binary file's head decides. A PKCS#12 header is decided in its first 30
 * bytes; a Java key store's entries are walked this far to tell a key from a truststore.
 * Every path (work tree, worker, index blob, commit blob) decides on the same bytes, so a
 * finding's fingerprint is the same whichever path found it.
 */
export const KEYSTORE_HEAD_BYTES = 64 * 1024;

export type KeystoreKind = 'pkcs12' | 'jks' | 'jceks';

export interface KeystoreVerdict {
  kind: KeystoreKind;
  /**
   * What the structure proves: `high` a key in clear structure (a PKCS#12 key bag, a JKS key
   * entry); `low` a store that may hold one (a PKCS#12 without a key bag in clear, a JKS whose
   * entries within the head are certificates only).
   */
  confidence: Confidence;
}

/**
 * A rule decided on a binary file's bytes, not on text: it has no regex, but it is a rule like
 * the others for `wfo-gate rules`, `disable`, findings, baselines and the cache. Its examples
 * are byte builders, run by the suite through `binaryExampleFailures`.
 */
export interface BinaryRule {
  id: string;
  title: string;
  severity: Severity;
  family: string;
  formatSource: 'specified';
  provider?: string;
  rotateUrl?: string;
  /** The verdict on a binary file's head (`size` is the whole file's, when known). */
  detect(head: Buffer, size: number): KeystoreVerdict | undefined;
  examples: { match: BinaryExample[]; noMatch: BinaryExample[] };
}

export interface BinaryExample {
  /** What the example is, for a failure's message (never its bytes). */
  name: string;
  bytes: () => Buffer;
  /** A match example's verdict confidence. */
  confidence?: Confidence;
}

/** One binary finding as it crosses a thread: no byte of the file, only its head's hash. */
export interface BinaryHit {
  kind: KeystoreKind;
  confidence: Confidence;
  headSha256: string;
}

// --- PKCS#12 (RFC 7292 §4): PFX ::= SEQUENCE { version INTEGER {v3(3)}, authSafe ContentInfo, macData MacData OPTIONAL }
// ContentInfo (RFC 5652 §3) ::= SEQUENCE { contentType OID, content [0] EXPLICIT ANY }; the
// authSafe's type is id-data (password integrity) or id-signedData (public-key integrity).
const OID_PKCS7_DATA = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01]);
const OID_PKCS7_SIGNED_DATA = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]);

export function isPkcs12(head: Buffer, size: number): boolean {
  if (head[0] !== 0x30) return false;
  const outer = berLength(head, 1);
  if (!outer) return false;
  // A definite outer length must fit in the file (trailing bytes are tolerated, a short file is not one).
  if (outer.length >= 0 && outer.start + outer.length > size) return false;
  let at = outer.start;
  if (head[at] !== 0x02 || head[at + 1] !== 0x01 || head[at + 2] !== 0x03) return false;
  at += 3;
  if (head[at] !== 0x30) return false;
  const authSafe = berLength(head, at + 1);
  if (!authSafe) return false;
  at = authSafe.start;
  const oid = head.subarray(at, at + OID_PKCS7_DATA.length);
  if (!oid.equals(OID_PKCS7_DATA) && !oid.equals(OID_PKCS7_SIGNED_DATA)) return false;
  // The authSafe's content, [0] EXPLICIT, constructed.
  return head[at + OID_PKCS7_DATA.length] === 0xa0;
}

// --- Java key stores (the JDK's sun.security.provider.JavaKeyStore and com.sun.crypto.provider.JceKeyStore):
// magic u32 (0xFEEDFEED JKS, 0xCECECECE JCEKS), version u32 (1 or 2), entry count u32, then
// entries: tag u32 (1 private key, 2 trusted certificate, 3 secret key, JCEKS only), alias
// (modified UTF-8: u16 length + bytes), creation date (u64 ms). A trusted-certificate entry then
// holds (version 2) the certificate type as UTF and the certificate as u32 length + bytes.
const JKS_MAGIC = 0xfeedfeed;
const JCEKS_MAGIC = 0xcececece;
const TAG_PRIVATE_KEY = 1;
const TAG_TRUSTED_CERT = 2;
const TAG_SECRET_KEY = 3;
/** No key store holds this many entries; a larger count is not one. */
const MAX_ENTRIES = 1_000_000;

export function javaKeystore(head: Buffer): KeystoreVerdict | undefined {
  if (head.length < 16) return undefined;
  const magic = head.readUInt32BE(0);
  const kind: KeystoreKind | undefined = magic === JKS_MAGIC ? 'jks' : magic === JCEKS_MAGIC ? 'jceks' : undefined;
  if (!kind) return undefined;
  const version = head.readUInt32BE(4);
  if (version !== 1 && version !== 2) return undefined;
  const count = head.readUInt32BE(8);
  // An empty key store holds no key.
  if (count === 0 || count > MAX_ENTRIES) return undefined;
  let at = 12;
  for (let entry = 0; entry < count; entry++) {
    if (at + 4 > head.length) return { kind, confidence: 'low' };
    const tag = head.readUInt32BE(at);
    if (tag === TAG_PRIVATE_KEY || (tag === TAG_SECRET_KEY && kind === 'jceks')) return { kind, confidence: 'high' };
    if (tag !== TAG_TRUSTED_CERT) return undefined;
    at += 4;
    const skipUtf = () => {
      if (at + 2 > head.length) return false;
      at += 2 + head.readUInt16BE(at);
      return true;
    };
    if (!skipUtf()) return { kind, confidence: 'low' };
    at += 8;
    if (version === 2 && (at > head.length || !skipUtf())) return { kind, confidence: 'low' };
    if (at + 4 > head.length) return { kind, confidence: 'low' };
    at += 4 + head.readUInt32BE(at);
  }
  // Every entry a trusted certificate: a truststore, public certificates only.
  return undefined;
}

/**
 * A SafeBag's type (RFC 7292 §4.2): keyBag 1.2.840.113549.1.12.10.1.1 or pkcs8ShroudedKeyBag
 * …1.2. Bags in an id-data ContentInfo are in clear (the key itself is encrypted inside the
 * shrouded bag), which is where openssl, keytool and Windows put the keys.
 */
const KEY_BAG_OID_PREFIX = Buffer.from([0x06, 0x0b, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x0a, 0x01]);

function hasKeyBag(head: Buffer): boolean {
  for (let at = head.indexOf(KEY_BAG_OID_PREFIX); at !== -1; at = head.indexOf(KEY_BAG_OID_PREFIX, at + 1)) {
    const last = head[at + KEY_BAG_OID_PREFIX.length];
    if (last === 0x01 || last === 0x02) return true;
  }
  return false;
}

/**
 * A key store is reported when anyone can open it: its integrity check passes with a password
 * everyone knows (keystore-password.ts). One locked with its owner's own password is like an
 * encrypted archive; one that cannot be checked (no MAC, BER lengths, public-key integrity,
 * larger than the head read) is not claimed either way.
 */
export function detectKeystore(head: Buffer, size: number): KeystoreVerdict | undefined {
  const verdict = structure(head, size);
  if (!verdict || head.length < size || storePassword(head).opens !== true) return undefined;
  return verdict;
}

function structure(head: Buffer, size: number): KeystoreVerdict | undefined {
  // A PFX whose key bags are not in clear holds certificates only, or encrypts its keys as a
  // whole (privacy mode): reported, at low confidence, since it may hold a key.
  if (isPkcs12(head, size)) return { kind: 'pkcs12', confidence: hasKeyBag(head) ? 'high' : 'low' };
  return javaKeystore(head);
}

const NAMES: Record<KeystoreKind, string> = { pkcs12: 'PKCS#12', jks: 'Java KeyStore (JKS)', jceks: 'Java JCEKS' };

/** The finding's preview: what the file is, never a byte of it. */
export function keystorePreview(hit: BinaryHit): string {
  return `[binary ${NAMES[hit.kind]} key store that opens with a well-known password, content not shown]`;
}

/** A binary file's verdict, reduced to what may cross a thread or be stored. */
export function keystoreHit(bytes: Buffer, size: number): BinaryHit | undefined {
  const head = bytes.length > KEYSTORE_HEAD_BYTES ? bytes.subarray(0, KEYSTORE_HEAD_BYTES) : bytes;
  const verdict = detectKeystore(head, size);
  if (!verdict) return undefined;
  return { ...verdict, headSha256: createHash('sha256').update(head).digest('hex') };
}

// --- The rule's own examples, built from the specifications above (made-up lengths and bytes).

/** A DER TLV with a definite length. */
export function der(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const n = body.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...length]), body]);
}

/**
 * A PFX: version 3, an id-data authSafe holding `filler` as its OCTET STRING, and a MacData
 * whose SHA-256 MAC is keyed by `password` (2,048 rounds, as openssl writes it).
 */
export function pfxExample(filler: Buffer, contentOid = OID_PKCS7_DATA, version = 3, password = 'changeit'): Buffer {
  const authSafe = der(0x30, contentOid, der(0xa0, der(0x04, filler)));
  const salt = Buffer.from('5f3a9c0e71b2d846', 'hex');
  const mac = pkcs12Mac(filler, password, salt, 2048);
  const macData = der(0x30, der(0x30, der(0x30, Buffer.from([0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01])), der(0x04, mac)), der(0x04, salt), der(0x02, Buffer.from([0x08, 0x00])));
  return der(0x30, der(0x02, Buffer.from([version])), authSafe, macData);
}

/** A PFX in BER's indefinite-length form (0x30 0x80 … 00 00), as some tools write it. */
export function pfxIndefiniteExample(filler: Buffer): Buffer {
  const authSafe = Buffer.concat([Buffer.from([0x30, 0x80]), OID_PKCS7_DATA, Buffer.from([0xa0, 0x80]), der(0x04, filler), Buffer.from([0, 0, 0, 0])]);
  return Buffer.concat([Buffer.from([0x30, 0x80]), der(0x02, Buffer.from([3])), authSafe, Buffer.from([0, 0])]);
}

/** A Java key store with the given entry tags (certificate entries carry a small made-up certificate). */
export function javaKeystoreExample(magic: number, tags: number[], version = 2, password = 'changeit'): Buffer {
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n >>> 0);
    return b;
  };
  const utf = (s: string) => Buffer.concat([Buffer.from([s.length >> 8, s.length & 0xff]), Buffer.from(s, 'utf8')]);
  const parts: Buffer[] = [u32(magic), u32(version), u32(tags.length)];
  tags.forEach((tag, i) => {
    parts.push(u32(tag), utf(`entry${i}`), Buffer.alloc(8, 1));
    if (tag === TAG_TRUSTED_CERT) {
      if (version === 2) parts.push(utf('X.509'));
      const cert = der(0x30, der(0x30, der(0x02, Buffer.from([i + 1]))), Buffer.alloc(40, 0x33));
      parts.push(u32(cert.length), cert);
    } else {
      // A protected key's bytes (made up), then the certificate chain count.
      const key = Buffer.alloc(48, 0x77);
      parts.push(u32(key.length), key, u32(0));
    }
  });
  const body = Buffer.concat(parts);
  return Buffer.concat([body, javaStoreDigest(body, password)]);
}

const filler = () => Buffer.from(Array.from({ length: 200 }, (_, i) => (i * 37 + 11) & 0xff));
/** A SafeContents holding one pkcs8ShroudedKeyBag whose encrypted key is made-up bytes. */
const keyBag = () => der(0x30, der(0x30, Buffer.concat([KEY_BAG_OID_PREFIX, Buffer.from([0x02])]), der(0xa0, der(0x30, der(0x30, Buffer.from([0x06, 0x03, 0x2a, 0x03, 0x04])), der(0x04, filler())))));

export const keystoreRule: BinaryRule = {
  id: 'keystore-file',
  title: 'Binary key store (PKCS#12 / Java KeyStore)',
  severity: 'critical',
  family: 'private-key',
  formatSource: 'specified',
  detect: detectKeystore,
  examples: {
    match: [
      { name: "a PKCS#12 PFX with a shrouded key bag, MAC'd with Java's default password", bytes: () => pfxExample(keyBag()), confidence: 'high' },
      { name: "a PKCS#12 PFX with a shrouded key bag, MAC'd with Google's P12 password", bytes: () => pfxExample(keyBag(), OID_PKCS7_DATA, 3, 'notasecret'), confidence: 'high' },
      { name: 'a PKCS#12 PFX with no key bag in clear, opening with the default password', bytes: () => pfxExample(filler()), confidence: 'low' },
      { name: 'a JKS holding a private key after a certificate', bytes: () => javaKeystoreExample(JKS_MAGIC, [TAG_TRUSTED_CERT, TAG_PRIVATE_KEY]), confidence: 'high' },
      { name: 'a JKS version 1 holding a private key', bytes: () => javaKeystoreExample(JKS_MAGIC, [TAG_PRIVATE_KEY], 1), confidence: 'high' },
      { name: 'a JCEKS holding a secret key', bytes: () => javaKeystoreExample(JCEKS_MAGIC, [TAG_SECRET_KEY]), confidence: 'high' },
    ],
    noMatch: [
      { name: "a PKCS#12 PFX with a key bag, MAC'd with its owner's own password", bytes: () => pfxExample(keyBag(), OID_PKCS7_DATA, 3, 'Rv8-kQ2m-Lz7w') },
      { name: "a JKS holding a private key under its owner's own password", bytes: () => javaKeystoreExample(JKS_MAGIC, [TAG_PRIVATE_KEY], 2, 'Rv8-kQ2m-Lz7w') },
      { name: 'a PKCS#12 PFX in BER indefinite-length form (its MAC cannot be checked)', bytes: () => pfxIndefiniteExample(keyBag()) },
      { name: 'a DER certificate-shaped SEQUENCE (version 2, not a PFX)', bytes: () => pfxExample(filler(), OID_PKCS7_DATA, 2) },
      { name: 'a PFX header cut short (a truncated file)', bytes: () => Buffer.from(pfxExample(filler()).subarray(0, 40)) },
      { name: 'a JKS truststore of certificates only', bytes: () => javaKeystoreExample(JKS_MAGIC, [TAG_TRUSTED_CERT, TAG_TRUSTED_CERT]) },
      { name: 'an empty JKS', bytes: () => javaKeystoreExample(JKS_MAGIC, []) },
      { name: 'a binary file starting with NUL bytes', bytes: () => Buffer.concat([Buffer.alloc(16), filler()]) },
      { name: 'a PNG image', bytes: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), filler()]) },
    ],
  },
};

/** Every built-in binary rule. */
export const binaryRules: BinaryRule[] = [keystoreRule];

/** Runs a binary rule over its own examples; one line per failed example, naming it, never showing its bytes. */
export function binaryExampleFailures(rule: BinaryRule): string[] {
  const failures: string[] = [];
  rule.examples.match.forEach((example, i) => {
    const bytes = example.bytes();
    // The gate judges only files git's rule calls binary: a match example must be one.
    if (!isBinary(bytes)) failures.push(`${rule.id}: examples.match[${i}] (${example.name}) is not binary, so the gate would scan it as text`);
    else {
      const verdict = rule.detect(bytes.subarray(0, KEYSTORE_HEAD_BYTES), bytes.length);
      if (!verdict) failures.push(`${rule.id}: examples.match[${i}] (${example.name}) produced no finding`);
      else if (example.confidence && verdict.confidence !== example.confidence) failures.push(`${rule.id}: examples.match[${i}] (${example.name}) is ${verdict.confidence} confidence, not ${example.confidence}`);
    }
  });
  rule.examples.noMatch.forEach((example, i) => {
    const bytes = example.bytes();
    if (rule.detect(bytes.subarray(0, KEYSTORE_HEAD_BYTES), bytes.length)) failures.push(`${rule.id}: examples.noMatch[${i}] (${example.name}) produced a finding`);
  });
  return failures;
}
