import { createHash, createHmac } from 'node:crypto';
import { berLength } from './der.js';

// Whether a binary key store opens with a password everyone knows. A PKCS#12 file or a Java
// key store guards its integrity with a MAC or digest keyed by the store password; when that
// check passes for an empty password, Google's `notasecret` (every P12 service-account key)
// or a tool's default (`changeit`), the private key inside is as readable as a PEM file.
// Only the integrity check is computed (RFC 7292 appendix B, the JKS "Mighty Aphrodite"
// digest): no cipher is needed, so legacy RC2/3DES stores are judged like modern ones.

/** Passwords published as defaults: none, Google's for P12 keys, Java's and common tools'. */
export const WELL_KNOWN_PASSWORDS = ['', 'notasecret', 'changeit', 'changeme', 'password', 'secret', '123456'] as const;

/** What a key store's integrity check says: which well-known password opens it, none does, or it cannot be checked. */
export type StorePassword = { opens: true; password: string } | { opens: false } | { opens: undefined };

const UNCHECKED: StorePassword = { opens: undefined };
const MAX_ITERATIONS = 100_000;

export function storePassword(bytes: Uint8Array): StorePassword {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data.length >= 4 && (data.readUInt32BE(0) === 0xfeedfeed || data.readUInt32BE(0) === 0xcececece)) return javaStorePassword(data);
  return pkcs12Password(data);
}

// --- A minimal DER reader: definite lengths only (BER's indefinite form cannot be checked here).

interface Element {
  tag: number;
  /** Offset of the contents. */
  start: number;
  end: number;
}

function element(data: Buffer, at: number, limit = data.length): Element | undefined {
  if (at + 2 > limit) return undefined;
  const length = berLength(data.subarray(0, limit), at + 1);
  if (!length || length.length < 0) return undefined;
  const end = length.start + length.length;
  return end <= limit ? { tag: data[at], start: length.start, end } : undefined;
}

function children(data: Buffer, parent: Element): Element[] | undefined {
  const out: Element[] = [];
  for (let at = parent.start; at < parent.end; ) {
    const child = element(data, at, parent.end);
    if (!child) return undefined;
    out.push(child);
    at = child.end;
  }
  return out;
}

const SEQUENCE = 0x30;
const OCTET_STRING = 0x04;
const INTEGER = 0x02;
const OID = 0x06;
const EXPLICIT_0 = 0xa0;
const PKCS7_DATA = '2a864886f70d010701';

/** Digest OIDs (hex of their DER contents) RFC 7292 MACs use, with their block sizes. */
const MAC_DIGESTS: Record<string, { name: string; block: number }> = {
  '2b0e03021a': { name: 'sha1', block: 64 },
  '608648016503040204': { name: 'sha224', block: 64 },
  '608648016503040201': { name: 'sha256', block: 64 },
  '608648016503040202': { name: 'sha384', block: 128 },
  '608648016503040203': { name: 'sha512', block: 128 },
};

/** The parts of a PFX the MAC check needs, or undefined when it is no PFX or has no MAC. */
function pfxMac(data: Buffer): { content: Buffer; digest: { name: string; block: number }; mac: Buffer; salt: Buffer; iterations: number } | undefined {
  const pfx = element(data, 0);
  if (!pfx || pfx.tag !== SEQUENCE) return undefined;
  const [version, authSafe, macData] = children(data, pfx) ?? [];
  if (!version || version.tag !== INTEGER || data.subarray(version.start, version.end).toString('hex') !== '03') return undefined;
  if (!authSafe || authSafe.tag !== SEQUENCE || !macData || macData.tag !== SEQUENCE) return undefined;
  const [type, wrapped] = children(data, authSafe) ?? [];
  if (!type || type.tag !== OID || data.subarray(type.start, type.end).toString('hex') !== PKCS7_DATA) return undefined;
  if (!wrapped || wrapped.tag !== EXPLICIT_0) return undefined;
  const [octets] = children(data, wrapped) ?? [];
  if (!octets || octets.tag !== OCTET_STRING) return undefined;
  const [digestInfo, salt, iterations] = children(data, macData) ?? [];
  if (!digestInfo || digestInfo.tag !== SEQUENCE || !salt || salt.tag !== OCTET_STRING) return undefined;
  const [algorithm, mac] = children(data, digestInfo) ?? [];
  if (!algorithm || algorithm.tag !== SEQUENCE || !mac || mac.tag !== OCTET_STRING) return undefined;
  const [oid] = children(data, algorithm) ?? [];
  const digest = oid && oid.tag === OID ? MAC_DIGESTS[data.subarray(oid.start, oid.end).toString('hex')] : undefined;
  if (!digest) return undefined;
  let count = 1;
  if (iterations) {
    if (iterations.tag !== INTEGER || iterations.end - iterations.start > 4) return undefined;
    count = data.readUIntBE(iterations.start, iterations.end - iterations.start);
  }
  // A store that asks for more rounds is not checked: seven passwords must stay well under a
  // second in a commit hook (tools write 2,048 or 10,000).
  if (count < 1 || count > MAX_ITERATIONS) return undefined;
  return { content: data.subarray(octets.start, octets.end), digest, mac: data.subarray(mac.start, mac.end), salt: data.subarray(salt.start, salt.end), iterations: count };
}

/** A password as RFC 7292 wants it: BMPString (UTF-16BE) with two zero bytes at the end. */
function bmpPassword(password: string): Buffer {
  const out = Buffer.alloc(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) out.writeUInt16BE(password.charCodeAt(i), i * 2);
  return out;
}

/** RFC 7292 B.2 key derivation, for the MAC key (ID 3): one hash output's worth. */
function pkcs12MacKey(password: Buffer, salt: Buffer, iterations: number, digest: { name: string; block: number }): Buffer {
  const v = digest.block;
  const fill = (source: Buffer) => {
    if (source.length === 0) return Buffer.alloc(0);
    const out = Buffer.alloc(v * Math.ceil(source.length / v));
    for (let i = 0; i < out.length; i++) out[i] = source[i % source.length];
    return out;
  };
  let a = createHash(digest.name).update(Buffer.alloc(v, 3)).update(fill(salt)).update(fill(password)).digest();
  for (let i = 1; i < iterations; i++) a = createHash(digest.name).update(a).digest();
  return a;
}

/** The MAC RFC 7292 keys with `password` over `content`: what a tool writes in a PFX's MacData (for examples). */
export function pkcs12Mac(content: Buffer, password: string, salt: Buffer, iterations: number, digest: 'sha1' | 'sha256' = 'sha256'): Buffer {
  const spec = { name: digest, block: 64 };
  return createHmac(digest, pkcs12MacKey(bmpPassword(password), salt, iterations, spec)).update(content).digest();
}

/** The keyed digest that ends a JKS or JCEKS store of `body` under `password` (for examples). */
export function javaStoreDigest(body: Buffer, password: string): Buffer {
  return createHash('sha1').update(Buffer.from(password, 'utf16le').swap16()).update('Mighty Aphrodite', 'utf8').update(body).digest();
}

function pkcs12Password(data: Buffer): StorePassword {
  const pfx = pfxMac(data);
  if (!pfx) return UNCHECKED;
  for (const password of WELL_KNOWN_PASSWORDS) {
    // An empty password is written as two zero bytes by most tools, as nothing by some.
    const forms = password === '' ? [bmpPassword(''), Buffer.alloc(0)] : [bmpPassword(password)];
    for (const form of forms) {
      const key = pkcs12MacKey(form, pfx.salt, pfx.iterations, pfx.digest);
      if (createHmac(pfx.digest.name, key).update(pfx.content).digest().equals(pfx.mac)) return { opens: true, password };
    }
  }
  return { opens: false };
}

/** Java's key stores (JKS, JCEKS) end with SHA-1(password as UTF-16BE, "Mighty Aphrodite", everything before). */
function javaStorePassword(data: Buffer): StorePassword {
  if (data.length < 4 + 4 + 4 + 20) return UNCHECKED;
  const body = data.subarray(0, data.length - 20);
  const digest = data.subarray(data.length - 20);
  for (const password of WELL_KNOWN_PASSWORDS) if (javaStoreDigest(body, password).equals(digest)) return { opens: true, password };
  return { opens: false };
}
