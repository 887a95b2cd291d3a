import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Time-based one-time passwords (RFC 6238) over HOTP (RFC 4226). node:crypto provides the HMAC;
// the few lines of truncation are the RFCs' own algorithm.

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export type TotpOptions = { digits?: number; period?: number; algorithm?: TotpAlgorithm };

/** The HOTP value for a counter (RFC 4226 §5.3). */
export function hotp(secret: Buffer, counter: bigint, digits = 6, algorithm: TotpAlgorithm = 'sha1'): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(counter);
  const mac = createHmac(algorithm, secret).update(message).digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The TOTP value at a Unix time in seconds (RFC 6238 §4). */
export function totp(secret: Buffer, unixSeconds: number, options: TotpOptions = {}): string {
  const counter = BigInt(Math.floor(unixSeconds / (options.period ?? 30)));
  return hotp(secret, counter, options.digits ?? 6, options.algorithm ?? 'sha1');
}

/**
 * Checks a code against the current time step and `window` steps either side (clock drift).
 * Returns the matching time step, so that the caller can refuse a code used twice.
 */
export function verifyTotp(
  secret: Buffer,
  code: string,
  unixSeconds: number,
  options: TotpOptions & { window?: number } = {},
): number | undefined {
  const period = options.period ?? 30;
  const step = Math.floor(unixSeconds / period);
  const given = Buffer.from(code);
  for (let drift = -(options.window ?? 1); drift <= (options.window ?? 1); drift++) {
    const expected = Buffer.from(totp(secret, (step + drift) * period, options));
    if (expected.length === given.length && timingSafeEqual(expected, given)) return step + drift;
  }
  return undefined;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A new random secret (160 bits, as RFC 4226 recommends). */
export function newTotpSecret(): Buffer {
  return randomBytes(20);
}

/** Base32 (RFC 4648) without padding, as authenticator apps expect. */
export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** The `otpauth://` URI an authenticator app scans (as a QR code) to enrol an account. */
export function otpauthUri(secret: Buffer, account: string, issuer = 'Daylight'): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  return `otpauth://totp/${label}?secret=${base32Encode(secret)}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}
