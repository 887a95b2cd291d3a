import type { Command } from 'commander';
import { interchangeJsonSchema } from '../../interchange/json-schema.ts';

/** `daylight schema`: print the interchange format's JSON Schema (published as docs/interchange.schema.json). */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description("print the JSON Schema of the interchange format's lines")
    .action(() => {
      process.stdout.write(`${JSON.stringify(interchangeJsonSchema(), null, 2)}\n`);
    });
}
