/**
 * The line on which each value of a JSON text starts, keyed by its path (`levels.1.any_of`), so that
 * a schema error can name the line of the field it is about. Assumes the text is valid JSON.
 */
export function jsonLinesOf(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i] as string)) {
      if (text[i] === '\n') line++;
      i++;
    }
  };
  const readString = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const readValue = (path: string): void => {
    skipSpace();
    lines.set(path, line);
    const at = (key: string | number) => (path === '' ? String(key) : `${path}.${key}`);
    const c = text[i];
    if (c === '{') {
      i++;
      skipSpace();
      while (text[i] !== '}' && i < text.length) {
        skipSpace();
        const key = readString();
        skipSpace();
        i++; // the colon
        readValue(at(key));
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
    } else if (c === '[') {
      i++;
      skipSpace();
      for (let index = 0; text[i] !== ']' && i < text.length; index++) {
        readValue(at(index));
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
    } else if (c === '"') readString();
    else while (i < text.length && !/[\s,\]}]/.test(text[i] as string)) i++;
  };
  readValue('');
  return lines;
}

/** The line a path of a JSON text starts on, or of its nearest enclosing value that exists. */
export function lineOfPath(lines: Map<string, number>, path: readonly PropertyKey[]): number {
  for (let n = path.length; n >= 0; n--) {
    const found = lines.get(path.slice(0, n).map(String).join('.'));
    if (found !== undefined) return found;
  }
  return 1;
}

/**
 * Parses and validates a JSON document: the value, or every problem as `FILE:LINE: path: message`
 * (the line of the field each schema error is about; the values themselves are never repeated).
 */
export function parseJsonDocument<T>(
  text: string,
  file: string,
  schema: {
    safeParse(
      value: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
): { ok: true; value: T } | { ok: false; problems: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const line = position === undefined ? 1 : text.slice(0, Number(position)).split('\n').length;
    return { ok: false, problems: [`${file}:${line}: (file): not valid JSON`] };
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const lines = jsonLinesOf(text);
  return {
    ok: false,
    problems: parsed.error.issues.map(
      (issue) =>
        `${file}:${lineOfPath(lines, issue.path as (string | number)[])}: ${issue.path.map(String).join('.') || '(file)'}: ${issue.message}`,
    ),
  };
}
