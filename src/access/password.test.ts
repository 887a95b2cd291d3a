import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calibrateScrypt, hashPassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  const fast = { N: 2 ** 12, r: 8, p: 1 };

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple', fast);
    assert.match(stored, /^scrypt\$4096\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    assert.equal(await verifyPassword('correct horse battery staple', stored), true);
    assert.equal(await verifyPassword('correct horse battery stapler', stored), false);
    assert.equal(await verifyPassword('anything', 'md5$abc'), false);
  });

  it('salts every hash', async () => {
    assert.notEqual(await hashPassword('same', fast), await hashPassword('same', fast));
  });

  it('treats composed and decomposed Hangul as the same password', async () => {
    const stored = await hashPassword('비밀번호', fast);
    assert.equal(await verifyPassword('비밀번호'.normalize('NFD'), stored), true);
  });

  it('calibrates the cost to the machine', async () => {
    const calibrated = await calibrateScrypt(20);
    assert.ok(calibrated.ms >= 20 || calibrated.N === 2 ** 20);
    assert.ok(Number.isInteger(Math.log2(calibrated.N)));
  });
});
