import { spawnSync } from 'node:child_process';
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
