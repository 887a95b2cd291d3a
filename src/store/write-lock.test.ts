import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WriteLock } from './write-lock.ts';

describe('the write lock', () => {
  it('lets writers through one at a time, in order of arrival', async () => {
    const lock = new WriteLock();
    const log: string[] = [];
    const writer = (name: string, ms: number) =>
      lock.run(name, async () => {
        log.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        log.push(`${name} out`);
      });
    await Promise.all([writer('a', 30), writer('b', 5), writer('c', 1)]);
    assert.deepEqual(log, ['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
    assert.equal(lock.held, false);
  });

  it('a writer that waits too long gets an error naming what waited, and the line goes on', async () => {
    const lock = new WriteLock(40);
    const release = await lock.acquire('first');
    await assert.rejects(lock.acquire('second'), /second: waited 0.04 s for another write/);
    const third = lock.acquire('third');
    release();
    const releaseThird = await third;
    assert.equal(lock.held, true);
    releaseThird();
    releaseThird();
    assert.equal(lock.held, false);
  });

  it('a failing writer releases the lock', async () => {
    const lock = new WriteLock();
    await assert.rejects(
      lock.run('bad', () => {
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(await lock.run('next', () => 7), 7);
  });
});
