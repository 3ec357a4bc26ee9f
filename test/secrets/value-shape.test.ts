import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretEngine } from '../../src/gates/secrets/engine.js';
import { builtinRules } from '../../src/gates/secrets/rules/index.js';
import { decodesToWords, hasStrayCharacters, isDamagedHex, isNotARealJwt, isPatterned, isTimeBasedUuid } from '../../src/gates/secrets/value-shape.js';

// Every value here is made up for these tests.
const engine = new SecretEngine(builtinRules);
const ruleIds = (text: string, path = 'src/app.py') => engine.scan(text, path).map((m) => m.rule.id);

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const SIGNATURE = 'Qm3vT8xK2pLr9sWn5Zb7Lk4Tz7nQ2vXpHy6Wd';
const jwt = (header: object, claims: object) => `${b64url(header)}.${b64url(claims)}.${SIGNATURE}`;

describe('hex altered by hand', () => {
  it('takes hex with one or two letters past f for an edited copy', () => {
    expect(isDamagedHex('7d41e09ab3c25f68w1d0e7c4b9a2f530')).toBe(true);
    expect(isDamagedHex('7D41E09AB3C25F68W1D0E7C4B9A2FZ30')).toBe(true);
    expect(ruleIds('api_key = "7d41e09ab3c25f68w1d0e7c4b9a2f530"')).toEqual([]);
  });

  it('keeps real hex, base36 and mixed-case tokens, and short values', () => {
    expect(isDamagedHex('7d41e09ab3c25f6801d0e7c4b9a2f530')).toBe(false);
    expect(isDamagedHex('k7q2vx9m4tz8w1r6p3n5hs0j')).toBe(false);
    expect(isDamagedHex('7d41e09Ab3c25f68w1d0e7c4b9a2f530')).toBe(false);
    expect(isDamagedHex('7d41e0w9ab3c2')).toBe(false);
    const hex = ['7d41e09ab3c25f68', '01d0e7c4b9a2f530'].join('');
    expect(ruleIds(`api_key = "${hex}"`)).toEqual(['generic-secret']);
  });
});

describe('the token alphabet', () => {
  it('takes one or two stray characters in an encoded run for a damaged copy', () => {
    expect(hasStrayCharacters('Kq7Wz2?Lm9Xv4Rt8Bn3H')).toBe(true);
    expect(hasStrayCharacters('%Vb4nM9qW2eLr5vN8wq2Z')).toBe(true);
    expect(hasStrayCharacters('Tz7nQ2^vXpHy6&Wd3Fj9')).toBe(true);
  });

  it('keeps encoded tokens and secrets drawn from a wider alphabet', () => {
    expect(hasStrayCharacters('Kq7Wz2Lm9Xv4Rt8Bn3Hp6Jd')).toBe(false);
    expect(hasStrayCharacters('aGVsbG8tdG9rZW4tdmFsdWU+/w==')).toBe(false);
    expect(hasStrayCharacters('id_4821.Lm9Xv4Rt8Bn3:Hp6Jd~x|Q')).toBe(false);
    // Three or more symbols: a chosen secret (Django's SECRET_KEY alphabet), not a damaged token.
    expect(hasStrayCharacters('p2#vn8!kq4$wz7-rm3^t')).toBe(false);
    // Percent-encoding and URL syntax are no stray characters.
    expect(hasStrayCharacters('Lm9Xv4Rt8Bn3%2BHp6Jd%3D')).toBe(false);
    expect(hasStrayCharacters('Lm9Xv4Rt8Bn3%zHp6Jd')).toBe(true);
    expect(hasStrayCharacters('https://hooks.corp.internal/in/Lm9Xv4?sig=Rt8Bn3&t=1')).toBe(false);
  });

  it('silences the generic token rules on damaged copies, not the password rules', () => {
    expect(ruleIds('api_key = "Kq7Wz2?Lm9Xv4Rt8Bn3H"')).toEqual([]);
    expect(ruleIds('AUTH_TOKEN=Tz7nQ2^vXpHy6Wd3Fj9Lp', 'deploy/.env')).toEqual([]);
    expect(ruleIds('api_key = "Kq7Wz2Lm9Xv4Rt8Bn3Hp6J"')).toEqual(['generic-secret']);
    expect(ruleIds('db_password = "Wq8zR2?mLk4T"')).toEqual(['generic-password']);
  });
});

describe('typed patterns', () => {
  it('finds counting runs, keyboard rows, interleaved counts and repeated blocks', () => {
    expect(isPatterned('Lm9Xv4-12345-Rt8Bn3')).toBe(true);
    expect(isPatterned('Tz7nQ2vwxyzHy6Wd')).toBe(true);
    expect(isPatterned('Vb4n98765Lr5vN8')).toBe(true);
    expect(isPatterned('k9QWERTYm2Lp')).toBe(true);
    expect(isPatterned('Zm2lkjhgfR8q')).toBe(true);
    expect(isPatterned('p1q2r3s4t5u6v7w8')).toBe(true);
    expect(isPatterned('x7Kq2Lx7Kq2Lx7Kq2L')).toBe(true);
  });

  it('leaves random tokens alone', () => {
    expect(isPatterned('Kq7Wz2Lm9Xv4Rt8Bn3Hp6Jd')).toBe(false);
    expect(isPatterned('9f3b2c718e4d4a6bb1c27d5e9a0f3c84')).toBe(false);
    expect(isPatterned('e91b27c4d83f6a50b2c9e7f1')).toBe(false);
  });

  it('silences the generic token rules on them, not the password or provider rules', () => {
    expect(ruleIds('client_secret = "Lm9Xv4Rt12345Bn3Hp6"')).toEqual([]);
    expect(ruleIds('REFRESH_TOKEN=q1r2s3t4u5v6w7x8y9z0', 'deploy/.env')).toEqual([]);
    expect(ruleIds('db_password = "Lk4!asdfg2024"')).toEqual(['generic-password']);
  });
});

describe('base64 of words', () => {
  it('is an encoded sentence, not key material', () => {
    expect(decodesToWords(Buffer.from('plain words in a config sample').toString('base64'))).toBe(true);
    expect(decodesToWords(Buffer.from('some filler text, nothing else').toString('base64url'))).toBe(true);
    expect(decodesToWords('aDdHbTJLcVA5eFd6TnI0VA==')).toBe(false);
    expect(decodesToWords('Kq7Wz2Lm9Xv4Rt8Bn3Hp6Jd')).toBe(false);
    expect(ruleIds(`SESSION_SECRET=${Buffer.from('plain words in a config sample').toString('base64')}`, 'deploy/.env')).toEqual([]);
  });
});

describe('JWT structure', () => {
  it('takes only a JSON header that names its algorithm and JSON claims', () => {
    expect(isNotARealJwt(jwt({ alg: 'RS256', kid: 'k7' }, { sub: 'svc-9412', exp: 1_900_000_000 }))).toBe(false);
    expect(isNotARealJwt(jwt({ typ: 'JWT' }, { sub: 'svc-9412' }))).toBe(true);
    expect(isNotARealJwt(`${b64url({ alg: 'HS256' })}.eyJWq8zR2mLk4Tz7nQ2vXpHy6Wd3Fj9Bc1.${SIGNATURE}`)).toBe(true);
    expect(isNotARealJwt(`eyJWq8zR2mLk4Tz7nQ2vXp.${b64url({ sub: 'svc-9412' })}.${SIGNATURE}`)).toBe(true);
  });

  it("takes jwt.io's sample claims for an example, whoever signed them", () => {
    expect(isNotARealJwt(jwt({ alg: 'HS512' }, { sub: '1234567890', name: 'John Doe', admin: true }))).toBe(true);
    expect(ruleIds(`Authorization: ${jwt({ alg: 'HS256', typ: 'JWT' }, { sub: '1234567890', name: 'John Doe', iat: 1_600_000_000 })}`, 'notes.txt')).toEqual([]);
    expect(ruleIds(`session: ${jwt({ alg: 'HS256' }, { sub: 'usr_77', role: 'ops' })}`, 'notes.txt')).toEqual(['jwt']);
  });

  it("takes a token signed with jwt.io's sample HMAC key for one minted in the debugger, whatever it claims", () => {
    const signed = (alg: string, hash: string, key: string) => {
      const body = `${b64url({ alg, typ: 'JWT' })}.${b64url({ sub: 'usr_4471', scope: 'reports:read' })}`;
      return `${body}.${createHmac(hash, key).update(body).digest('base64url')}`;
    };
    expect(isNotARealJwt(signed('HS256', 'sha256', 'your-256-bit-secret'))).toBe(true);
    expect(isNotARealJwt(signed('HS512', 'sha512', 'a-string-secret-at-least-256-bits-long'))).toBe(true);
    // The same claims under a key of their own, and an algorithm named for another hash.
    expect(isNotARealJwt(signed('HS256', 'sha256', 'k7Qm2Wz9Lt4Xv8Rb3Np6'))).toBe(false);
    expect(isNotARealJwt(signed('HS384', 'sha256', 'your-256-bit-secret'))).toBe(false);
  });
});

describe('time-based UUIDs', () => {
  it('takes a version-1 UUID with a plausible clock for a timestamp and a MAC, not a credential', () => {
    // 2021 and 2024 clocks, made up.
    expect(isTimeBasedUuid('5c1e8a42-3f07-11ec-8d3d-0242ac130003')).toBe(true);
    expect(isTimeBasedUuid('9b2d4c10-a1e3-11ee-b962-0800200c9a66')).toBe(true);
    expect(ruleIds('_authToken=5c1e8a42-3f07-11ec-8d3d-0242ac130003', '.npmrc')).toEqual([]);
    expect(ruleIds('api_token = "5c1e8a42-3f07-11ec-8d3d-0242ac130003"')).toEqual([]);
  });

  it('still reports one in a field that holds nothing but a credential', () => {
    // Joined at run time, so the file itself holds no credential-shaped line for the commit hook.
    const timeBased = ['5c1e8a42', '3f07', '11ec', '8d3d', '0242ac130003'].join('-');
    expect(ruleIds(`//npm.pkg.internal/:_authToken=${timeBased}`, '.npmrc')).toEqual(['npmrc-auth']);
  });

  it('keeps random UUIDs and version-1 shapes whose clock no machine had', () => {
    expect(isTimeBasedUuid('9f3b2c71-8e4d-4a6b-b1c2-7d5e9a0f3c84')).toBe(false);
    // Version nibble 1 but the clock reads the 1600s: random hex, not a time-based UUID.
    expect(isTimeBasedUuid('5c1e8a42-3f07-1003-8d3d-0242ac130003')).toBe(false);
    expect(isTimeBasedUuid('5c1e8a42-3f07-11ec-cd3d-0242ac130003')).toBe(false);
    // Joined at run time, so the file itself holds no token-shaped line for the commit hook.
    const random = ['9f3b2c71', '8e4d', '4a6b', 'b1c2', '7d5e9a0f3c84'].join('-');
    expect(ruleIds(`//npm.pkg.internal/:_authToken=${random}`, '.npmrc')).toEqual(['npmrc-auth']);
  });
});

describe('names a provider owns', () => {
  it('keeps the generic rules off a value of the wrong shape under a name whose format is documented exactly', () => {
    expect(ruleIds('AWS_SECRET_ACCESS_KEY = Lm9Xv4Rt8Bn3Hp6JdKq7Wz2Lm9Xv4Rt8Bn3Hp6JdQ7w+Zp==', 'deploy/.env')).toEqual([]);
    expect(ruleIds('meraki_token = 9f3b2c718e4d4a6bb1c27d5e9a0f3c849f3b2c71Zq', 'deploy/.env')).toEqual([]);
  });

  it('leaves the right shape to the provider rule and other names to the generic rules', () => {
    const fortyChars = ['Tq8vN2mKx7Lp4Wr9Zb3H', 'c6Jd1Fs5Gy0QeUaVoXiE'].join('');
    expect(ruleIds(`AWS_SECRET_ACCESS_KEY = ${fortyChars}`, 'deploy/.env')).toEqual(['aws-secret-access-key']);
    expect(ruleIds('BACKUP_SECRET_KEY = Lm9Xv4Rt8Bn3Hp6JdKq7Wz2Lm9Xv4Rt8Bn3Hp6JdQ7w+Zp==', 'deploy/.env')).toEqual(['generic-secret-config']);
  });
});

describe('prefixes a provider owns', () => {
  it('keeps the generic rules off a value that begins with a provider token prefix but does not fit its format', () => {
    // `cfut_` is Cloudflare's user-token prefix, `aio_` Adafruit IO's: these are cut short.
    expect(ruleIds('token := "cfut_Zq4Wn8Rt2Lm6Xv9Tb3Pd"')).toEqual([]);
    expect(ruleIds('ADAFRUIT_KEY=aio_Kq7Wz2Lm9Xv4Rt8Bn3Hp6Jd', 'deploy/.env')).toEqual([]);
  });

  it('still reports other values, and prefixes too short or too common to mark one provider', () => {
    expect(ruleIds('token := "cfxx_Zq4Wn8Rt2Lm6Xv9Tb3Pd"')).toEqual(['generic-secret']);
    // Braintree's `sandbox_` begins ordinary values too.
    expect(ruleIds('api_token = "sandbox_Zq4Wn8Rt2Lm6Xv9Tb3Pd"')).toEqual(['generic-secret']);
  });
});
