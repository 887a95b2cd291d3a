/**
 * Reads exact byte counts from a stream of buffers (a file stream, a decrypting generator): what
 * framed formats need, without holding more than the bytes asked for plus one incoming buffer.
 */
export class ByteReader {
  private readonly source: AsyncIterator<Buffer | Uint8Array | string>;
  private buffered: Buffer[] = [];
  private length = 0;
  private ended = false;

  constructor(source: AsyncIterable<Buffer | Uint8Array | string>) {
    this.source = source[Symbol.asyncIterator]();
  }

  /** Buffers until `n` bytes are there or the stream ends; returns how many are there. */
  async fill(n: number): Promise<number> {
    while (this.length < n && !this.ended) {
      const next = await this.source.next();
      if (next.done) this.ended = true;
      else {
        const value = next.value;
        // Buffer.from(buffer) would copy: wrap only what is not a Buffer already.
        const chunk = Buffer.isBuffer(value)
          ? value
          : typeof value === 'string'
            ? Buffer.from(value)
            : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
        if (chunk.length > 0) {
          this.buffered.push(chunk);
          this.length += chunk.length;
        }
      }
    }
    return Math.min(this.length, n);
  }

  /** Up to `n` bytes: fewer only at the end of the stream. */
  async read(n: number): Promise<Buffer> {
    await this.fill(n);
    const all = this.buffered.length === 1 ? (this.buffered[0] as Buffer) : Buffer.concat(this.buffered);
    const out = all.subarray(0, Math.min(n, all.length));
    const rest = all.subarray(out.length);
    this.buffered = rest.length > 0 ? [rest] : [];
    this.length = rest.length;
    return out;
  }

  /** Exactly `n` bytes, or an error naming what was being read. */
  async readExactly(n: number, what: string): Promise<Buffer> {
    const bytes = await this.read(n);
    if (bytes.length !== n) throw new TruncatedError(`${what}: the data ends early`);
    return bytes;
  }

  /** Whether nothing is left. */
  async atEnd(): Promise<boolean> {
    return (await this.fill(1)) === 0;
  }

  /** Stops reading the source (closes a file stream read half-way). */
  async close(): Promise<void> {
    await this.source.return?.();
  }
}

/** The data ended before the format said it would. */
export class TruncatedError extends Error {
  readonly id = 'truncated';
}
