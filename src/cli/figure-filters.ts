import type { Command } from 'commander';

/** The filters every figure understands (`explain`, `stats`): one flag per `FigureQuery` field. */
const FILTERS: [flag: string, field: string, help: string][] = [
  ['--act-type <code>', 'act_type', 'this act type or any narrower one'],
  ['--act-types <codes>', 'act_types', 'any of these act types (comma-separated)'],
  ['--after-year <yyyy>', 'after_year', 'acts that began after this year'],
  ['--facility <id>', 'facility', 'at this facility'],
  ['--facility-type <code>', 'facility_type', 'at facilities of this type'],
  ['--province <code>', 'province', 'at facilities in this province'],
  ['--year <yyyy>', 'year', 'acts that began in this year'],
  ['--law <code>', 'law', 'invoking this law'],
  ['--norm <code>', 'norm', 'engaging this norm'],
  ['--status <status>', 'status', 'only acts in this review state (e.g. verified)'],
  ['--victim-sex <sex>', 'victim_sex', 'with a victim of this sex (female, male, unknown)'],
  [
    '--victim-age-group <group>',
    'victim_age_group',
    'with a victim of this age at the time (0-17, 18-29, 30-44, 45-59, 60+)',
  ],
  ['--victim-province <code>', 'victim_province', 'with a victim from this province'],
];

/** Adds the figure filters to a command. */
export function withFigureFilters(command: Command): Command {
  for (const [flag, , help] of FILTERS) command.option(flag, help);
  return command;
}

/** The filter fields from parsed options (commander camel-cases the flags). */
export function figureFilterInput(options: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [flag, field] of FILTERS) {
    const name = (flag.split(' ')[0] as string).slice(2).replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    const value = options[name];
    if (value !== undefined)
      input[field] = field === 'act_types' && typeof value === 'string' ? value.split(',') : value;
  }
  return input;
}

/** The `daylight explain` arguments that list the acts behind a figure. */
export function explainArguments(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [flag, field] of FILTERS) {
    const value = query[field];
    if (value === undefined) continue;
    parts.push(`${flag.split(' ')[0]} ${Array.isArray(value) ? value.join(',') : String(value)}`);
  }
  return parts.join(' ');
}
