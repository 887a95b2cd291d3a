// Validates a JSON Lines file in worker threads, so that decoding, validation and encryption run
// alongside the database writes. Each worker reads the whole file but prepares only its share of
// batches (batch k goes to worker k mod N); the batches come back in file order, with credit-based
// flow control so that a slow database never makes them pile up in memory.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { FieldKeys } from '../access/field-cipher.ts';
import { type PreparedLine, prepareLine } from './parse-record.ts';
import { readLines } from './read-lines.ts';

const IN_FLIGHT = 4;
const BATCH_LINES = 2000;

type FromWorker = { batch: PreparedLine[] } | { done: true } | { error: string };

/** One worker's stream of messages, pulled one at a time. */
class WorkerFeed {
  readonly worker: Worker;
  private readonly queue: FromWorker[] = [];
  private wake: (() => void) | undefined;

  constructor(path: string, keys: FieldKeys, index: number, of: number) {
    this.worker = new Worker(new URL(import.meta.url), { workerData: { path, keys, index, of } });
    this.worker.on('message', (message: FromWorker) => this.push(message));
    this.worker.on('error', (error) => this.push({ error: error.message }));
  }

  private push(message: FromWorker) {
    this.queue.push(message);
    this.wake?.();
  }

  async next(): Promise<FromWorker> {
    while (this.queue.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = undefined;
    const message = this.queue.shift() as FromWorker;
    if ('batch' in message) this.worker.postMessage('credit');
    return message;
  }
}

/** The file's lines, validated in `workers` worker threads, as batches in file order. */
export async function* prepareFileInWorker(
  path: string,
  keys: FieldKeys,
  workers = 2,
): AsyncGenerator<PreparedLine[]> {
  const feeds = Array.from({ length: workers }, (_, index) => new WorkerFeed(path, keys, index, workers));
  try {
    const done = new Set<number>();
    for (let k = 0; done.size < workers; k++) {
      const index = k % workers;
      if (done.has(index)) continue;
      const message = await (feeds[index] as WorkerFeed).next();
      if ('error' in message) throw new Error(message.error);
      if ('done' in message) done.add(index);
      else yield message.batch;
    }
  } finally {
    await Promise.all(feeds.map((feed) => feed.worker.terminate()));
  }
}

if (!isMainThread && parentPort && workerData?.path) {
  const port = parentPort;
  const { path, index, of } = workerData as { path: string; index: number; of: number };
  const keys = keysFromClone(workerData.keys);
  let credit = IN_FLIGHT;
  let resume: (() => void) | undefined;
  port.on('message', () => {
    credit++;
    resume?.();
  });
  const send = async (batch: PreparedLine[]) => {
    while (credit === 0) await new Promise<void>((resolve) => (resume = resolve));
    resume = undefined;
    credit--;
    port.postMessage({ batch } satisfies FromWorker);
  };
  try {
    // Every batch this worker owns is sent, even an empty one, so that the reader can alternate.
    let current = -1;
    let batch: PreparedLine[] = [];
    for await (const input of readLines(path)) {
      const k = Math.floor((input.line - 1) / BATCH_LINES);
      if (k % of !== index) continue;
      if (k !== current) {
        if (current >= 0) await send(batch);
        for (let skipped = current < 0 ? index : current + of; skipped < k; skipped += of) await send([]);
        current = k;
        batch = [];
      }
      const prepared = prepareLine(input, keys);
      if (prepared) batch.push(prepared);
    }
    if (current >= 0) await send(batch);
    port.postMessage({ done: true } satisfies FromWorker);
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies FromWorker);
  }
  port.unref();
}

/** Buffers arrive in a worker as plain Uint8Arrays. */
function keysFromClone(keys: FieldKeys): FieldKeys {
  const dataKeys = Object.fromEntries(
    Object.entries(keys.dataKeys).map(([id, key]) => [id, Buffer.from(key)]),
  );
  return {
    activeId: keys.activeId,
    dataKeys,
    indexKey: Buffer.from(keys.indexKey),
    contentKey: Buffer.from(keys.contentKey),
  };
}
