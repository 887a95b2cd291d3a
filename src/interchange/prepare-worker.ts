// Validates a JSON Lines file in a worker thread, so that decoding and validation (one core) run
// alongside the database writes (the other core). Batches flow back with credit-based flow control.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { FieldKeys } from '../access/field-cipher.ts';
import { type PreparedLine, prepareInBatches } from './parse-record.ts';
import { readLines } from './read-lines.ts';

const IN_FLIGHT = 8;

type FromWorker = { batch: PreparedLine[] } | { done: true } | { error: string };

/** The file's lines, validated in a worker thread, as batches. */
export async function* prepareFileInWorker(path: string, keys: FieldKeys): AsyncGenerator<PreparedLine[]> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { path, keys } });
  const queue: FromWorker[] = [];
  let wake: (() => void) | undefined;
  worker.on('message', (message: FromWorker) => {
    queue.push(message);
    wake?.();
  });
  worker.on('error', (error) => {
    queue.push({ error: error.message });
    wake?.();
  });
  try {
    while (true) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      const message = queue.shift() as FromWorker;
      if ('error' in message) throw new Error(message.error);
      if ('done' in message) return;
      worker.postMessage('credit');
      yield message.batch;
    }
  } finally {
    await worker.terminate();
  }
}

if (!isMainThread && parentPort && workerData?.path) {
  const port = parentPort;
  let credit = IN_FLIGHT;
  let resume: (() => void) | undefined;
  port.on('message', () => {
    credit++;
    resume?.();
  });
  try {
    for await (const batch of prepareInBatches(
      readLines(workerData.path as string),
      keysFromClone(workerData.keys),
    )) {
      while (credit === 0) await new Promise<void>((resolve) => (resume = resolve));
      resume = undefined;
      credit--;
      port.postMessage({ batch } satisfies FromWorker);
    }
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
