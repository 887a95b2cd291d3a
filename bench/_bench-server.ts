// Starts bench/_load-server.ts in a child process and waits until it listens.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('./_load-server.ts', import.meta.url));

/** A running server process: its URL, a clean stop, and a kill -9. */
export type BenchServer = {
  url: string;
  child: ChildProcess;
  stop: () => Promise<void>;
  kill9: () => Promise<void>;
};

export async function startBenchServer(location: string, anchorFile: string): Promise<BenchServer> {
  const child = spawn(
    process.execPath,
    [
      '--disable-warning=ExperimentalWarning',
      // DAYLIGHT_BENCH_PROFILE=DIR: the server writes a CPU profile there when stopped.
      ...(process.env.DAYLIGHT_BENCH_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.DAYLIGHT_BENCH_PROFILE}`]
        : []),
      SERVER,
      '--db',
      location,
      '--anchor-file',
      anchorFile,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\S+)/.exec(out);
      if (match) resolve(match[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { url, child, stop: () => signal('SIGTERM'), kill9: () => signal('SIGKILL') };
}
