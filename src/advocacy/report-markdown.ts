import type { ReportDocument } from './report-document.ts';

/** The document as Markdown: numbered paragraphs written out, footnotes as `[^n]`, the annex last. */
export function reportMarkdown(document: ReportDocument): string {
  const lines = [`# ${document.title}`, '', ...document.preamble.map((line) => `*${line}*`), ''];
  for (const block of document.blocks) {
    if (block.kind === 'heading') {
      lines.push(`## ${block.text}`, '');
      continue;
    }
    const text = block.runs
      .map((run) => (run.kind === 'text' ? markdownText(run.text) : `[^${run.note}]`))
      .join('');
    const numbered = block.number === null ? text : `${block.number}. ${text}`;
    lines.push(block.style === 'quotation' ? `> ${numbered}` : numbered, '');
  }
  for (const [i, note] of document.footnotes.entries()) lines.push(`[^${i + 1}]: ${markdownText(note)}`);
  if (document.footnotes.length > 0) lines.push('');
  if (document.annex) {
    lines.push('---', '', `## ${document.annex.heading}`, '');
    for (const line of document.annex.lines) lines.push(`- ${markdownText(line)}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Text as Markdown shows it literally (`*` is not emphasis, `[` not a link). */
function markdownText(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}
