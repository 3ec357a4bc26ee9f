// The length octets of ASN.1's DER and BER encodings (X.690 8.1.3), shared by the key-store readers.

/** A DER/BER length at `at`: the value's length (-1 for BER's indefinite form) and where the value starts. */
export function berLength(bytes: Uint8Array, at: number): { length: number; start: number } | undefined {
  if (at >= bytes.length) return undefined;
  const first = bytes[at];
  if (first < 0x80) return { length: first, start: at + 1 };
  if (first === 0x80) return { length: -1, start: at + 1 };
  const count = first & 0x7f;
  // Four length bytes reach 4 GiB: more is no file this gate reads; 0xff is reserved (X.690 8.1.3.5).
  if (count > 4 || at + 1 + count > bytes.length) return undefined;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[at + 1 + i];
  return { length, start: at + 1 + count };
}
