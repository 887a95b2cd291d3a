// `npm run bench -- NAME [options]`: runs bench/NAME.ts, a benchmark that prints its figures.
import { existsSync, readdirSync } from 'node:fs';

const name = process.argv[2];
const available = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.slice(0, -3));
if (!name || !existsSync(new URL(`${name}.ts`, import.meta.url)) || name === 'run') {
  process.stderr.write(`usage: npm run bench -- NAME\nbenchmarks: ${available.join(', ')}\n`);
  process.exit(2);
}
process.argv.splice(2, 1);
await import(`./${name}.ts`);
