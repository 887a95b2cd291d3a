import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_PASSPHRASE } from './factories.ts';

const MAIN = fileURLToPath(new URL('../cli/main.ts', import.meta.url));

/** Runs the real `daylight` command in a child process with the same Node, and returns what it printed. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', MAIN, ...args], {
    cwd: options.cwd,
    env: { ...process.env, DAYLIGHT_PASSPHRASE: TEST_PASSPHRASE, ...options.env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A database made by the real CLI (`daylight import`, under the test passphrase) from records;
 * returns its path. Throws with the CLI's message if the import fails.
 */
export function cliDatabase(dir: string, records: readonly unknown[], name = 'cli'): string {
  const db = join(dir, `${name}.db`);
  const input = join(dir, `${name}.jsonl`);
  writeFileSync(input, records.map((r) => JSON.stringify(r)).join('\n'));
  const result = runCli(['--db', db, 'import', input]);
  if (result.status !== 0) throw new Error(`daylight import failed: ${result.stderr}`);
  return db;
}
