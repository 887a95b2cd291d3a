import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatProblem } from '../../interchange/import-records.ts';
import { classifyRecommendationsCsv } from '../../upr/classify-recommendations-csv.ts';
import { loadRecommendationClassifier } from '../../upr/load-recommendation-classifier.ts';
import { CommandError } from '../context.ts';

/** `daylight upr classify --input in.csv --output out.csv`: UPR Info's action category and issues. */
export function registerUprClassify(upr: Command): void {
  upr
    .command('classify')
    .description("fill in UPR Info's action category (1–5) and issues for each recommendation's Text")
    .requiredOption(
      '--input <csv>',
      'CSV with a Text column (e.g. UPR Info’s export format); From, From-Rgrp and Session are used when present',
    )
    .requiredOption('--output <csv>', 'the same rows with Action and Issue filled in')
    .action((options: { input: string; output: string }) => {
      if (!existsSync(options.input)) throw new CommandError(`no such file: ${options.input}`, 2);
      const result = classifyRecommendationsCsv(
        readFileSync(options.input, 'utf8'),
        options.input,
        loadRecommendationClassifier(),
      );
      if (!result.ok) {
        for (const problem of result.problems.slice(0, 200))
          process.stderr.write(`${formatProblem(problem)}\n`);
        throw new CommandError(`nothing classified (${result.problems.length} problems)`, 2);
      }
      writeFileSync(options.output, result.csv);
      process.stdout.write(`${result.rows} recommendations classified into ${options.output}\n`);
    });
}
