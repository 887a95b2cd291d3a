import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { type Mention, MentionLine } from './mention.ts';

/** A problem with one input line; the message names the file, the line and the field, never a value. */
export class MentionInputError extends Error {}

/**
 * Reads JSON Lines of person mentions, streaming. Blank lines are skipped; a line that is not a JSON
 * object, a field that does not parse, or an id seen before stops the read with a message naming
 * file, line (both lines for a duplicate) and field.
 */
export async function readMentions(file: string, label = file): Promise<Mention[]> {
  const mentions: Mention[] = [];
  const lineOf = new Map<string, number>();
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new MentionInputError(`${label}, line ${number}: not JSON`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new MentionInputError(`${label}, line ${number}: expected a JSON object`);
    const parsed = MentionLine.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || 'id';
      throw new MentionInputError(`${label}, line ${number}, field ${field}: ${issue?.message ?? 'invalid'}`);
    }
    const mention = parsed.data;
    const seen = lineOf.get(mention.id);
    if (seen !== undefined)
      throw new MentionInputError(`${label}, lines ${seen} and ${number}: the same id twice`);
    lineOf.set(mention.id, number);
    const clean: Mention = { id: mention.id };
    for (const key of Object.keys(mention) as (keyof Mention)[])
      if (mention[key] !== undefined) (clean as Record<string, unknown>)[key] = mention[key];
    mentions.push(clean);
  }
  return mentions;
}
