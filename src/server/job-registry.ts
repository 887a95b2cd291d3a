import { randomUUID } from 'node:crypto';

/** Where a job stands. */
export const JOB_STATES = ['running', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** What may leave about a job: counts and codes, never a name or a record's text. */
export type JobSummary = Record<string, unknown>;

/** A file a finished job made, for its owner to download (e.g. a generated report). */
export type JobFile = { name: string; type: string; bytes: Uint8Array };

/** A long task run in the server process on behalf of one user. */
export type Job = {
  id: string;
  kind: string;
  owner: string;
  state: JobState;
  /** Progress: `done` of `total` units (records, steps). */
  done: number;
  total: number;
  started_at: string;
  finished_at: string | null;
  /** When finished: what it did (counts only), or why it failed (no record content). */
  summary: JobSummary | null;
  file: JobFile | null;
};

/** What a job's code may do while it runs. */
export type JobProgress = {
  /** Sets the total (when known) and the units done so far. */
  progress(done: number, total?: number): void;
};

/** What a job's code returns: its summary and, optionally, a file for the owner. */
export type JobOutcome = { summary: JobSummary; file?: JobFile };

/** Too many jobs of this user are running: try again when one is done. */
export class TooManyJobs extends Error {
  /** Answered 429 by the server's error handler. */
  readonly statusCode = 429;
}

/**
 * The jobs of this server process: bounded (at most `keep` remembered, the oldest finished ones
 * forgotten first; at most `perUser` running per user), each visible to its owner only. Jobs are
 * not persisted: a restart forgets them.
 */
export class JobRegistry {
  readonly #jobs = new Map<string, Job>();
  readonly #keep: number;
  readonly #perUser: number;
  readonly #now: () => Date;

  constructor(options: { keep?: number; perUser?: number; now?: () => Date } = {}) {
    this.#keep = options.keep ?? 100;
    this.#perUser = options.perUser ?? 3;
    this.#now = options.now ?? (() => new Date());
  }

  /** Starts `run` as a job of `owner`; returns at once with the job (its progress is then polled). */
  start(owner: string, kind: string, total: number, run: (job: JobProgress) => Promise<JobOutcome>): Job {
    const running = [...this.#jobs.values()].filter((j) => j.owner === owner && j.state === 'running');
    if (running.length >= this.#perUser)
      throw new TooManyJobs(`at most ${this.#perUser} jobs may run at once; wait for one to finish`);
    const job: Job = {
      id: randomUUID(),
      kind,
      owner,
      state: 'running',
      done: 0,
      total,
      started_at: this.#now().toISOString(),
      finished_at: null,
      summary: null,
      file: null,
    };
    this.#jobs.set(job.id, job);
    this.#prune();
    const progress: JobProgress = {
      progress(done, newTotal) {
        if (newTotal !== undefined) job.total = newTotal;
        job.done = Math.min(done, job.total);
      },
    };
    // Started on the next turn, so that the caller answers before a synchronous stretch of work.
    setImmediate(() => {
      run(progress).then(
        (outcome) => {
          job.done = job.total;
          job.summary = outcome.summary;
          job.file = outcome.file ?? null;
          this.#finish(job, 'done');
        },
        (error: unknown) => {
          job.summary = { error: describeFailure(error) };
          this.#finish(job, 'failed');
        },
      );
    });
    return job;
  }

  /** The job if `owner` owns it; `undefined` otherwise (the same answer as for no such job). */
  get(owner: string, id: string): Job | undefined {
    const job = this.#jobs.get(id);
    return job && job.owner === owner ? job : undefined;
  }

  /** The owner's jobs, latest first. */
  list(owner: string): Job[] {
    return [...this.#jobs.values()].filter((j) => j.owner === owner).reverse();
  }

  #finish(job: Job, state: JobState): void {
    job.state = state;
    job.finished_at = this.#now().toISOString();
    this.#prune();
  }

  #prune(): void {
    for (const [id, job] of this.#jobs) {
      if (this.#jobs.size <= this.#keep) return;
      if (job.state !== 'running') this.#jobs.delete(id);
    }
  }
}

/** A failure as a job may show it: the kind of error and its message only when it is one of ours. */
function describeFailure(error: unknown): string {
  if (error instanceof Error && 'id' in error && typeof error.id === 'string') return error.message;
  if (error instanceof Error && error.name === 'AccessDenied') return error.message;
  return 'the job failed';
}
