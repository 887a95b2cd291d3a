import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// Passwords are hashed with scrypt (node:crypto), parameters stored with each hash so that they can
// be raised later without invalidating old hashes. `calibrateScrypt` picks the cost for a machine.

/** scrypt cost parameters. `N` must be a power of two. */
export type ScryptParameters = { N: number; r: number; p: number };

/** Default cost: N = 2^15, r = 8 (32 MiB, around 0.1 s on the project machine). */
export const DEFAULT_SCRYPT: ScryptParameters = { N: 2 ** 15, r: 8, p: 1 };

function derive(password: string, salt: Buffer, params: ScryptParameters): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      32,
      { ...params, maxmem: 256 * params.N * params.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(
  password: string,
  params: ScryptParameters = DEFAULT_SCRYPT,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

/** Whether a password matches a stored hash (constant-time comparison). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(N),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** The smallest N (power of two, at least 2^14) whose hash takes at least `targetMs` here. */
export async function calibrateScrypt(targetMs = 100): Promise<ScryptParameters & { ms: number }> {
  for (let log = 14; log <= 20; log++) {
    const params = { N: 2 ** log, r: 8, p: 1 };
    const start = performance.now();
    await derive('calibration', randomBytes(16), params);
    const ms = performance.now() - start;
    if (ms >= targetMs || log === 20) return { ...params, ms };
  }
  throw new Error('unreachable');
}
