/** How long a writer waits for the one before it before giving up (a session left open is a bug). */
const WAIT_MS = 30_000;

/**
 * One writer at a time per store, in order of arrival: a server's requests that write (a write
 * session, an audit entry, a UPR import) wait their turn instead of failing because another
 * request is writing. A writer that waits longer than `waitMs` gets an error naming what it waited
 * for (e.g. a session opened and never committed, or a write started inside an open session).
 */
export class WriteLock {
  private tail: Promise<void> = Promise.resolve();
  private holders = 0;
  private readonly waitMs: number;

  constructor(waitMs = WAIT_MS) {
    this.waitMs = waitMs;
  }

  /** Whether a writer holds the lock now. */
  get held(): boolean {
    return this.holders > 0;
  }

  /** Waits for the lock; the returned function releases it (once). */
  async acquire(what: string): Promise<() => void> {
    let free!: () => void;
    const mine = new Promise<void>((resolve) => {
      free = resolve;
    });
    const before = this.tail;
    this.tail = before.then(() => mine);
    let gaveUp = false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        gaveUp = true;
        reject(new Error(`${what}: waited ${this.waitMs / 1000} s for another write on this store to end`));
      }, this.waitMs);
    });
    // A writer that gave up still has its place in the line: it passes the lock on at its turn.
    void before.then(() => {
      if (gaveUp) free();
    });
    try {
      await Promise.race([before, timeout]);
    } finally {
      clearTimeout(timer);
    }
    this.holders++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holders--;
      free();
    };
  }

  /** Runs `work` holding the lock. */
  async run<T>(what: string, work: () => Promise<T> | T): Promise<T> {
    const release = await this.acquire(what);
    try {
      return await work();
    } finally {
      release();
    }
  }
}
