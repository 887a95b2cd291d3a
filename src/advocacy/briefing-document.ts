import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Briefing } from './delegations.ts';

/** The earlier recommendations a one-page briefing lists (the latest first beyond this are counted). */
const EARLIER_SHOWN = 10;
const SUGGESTED_SHOWN = 5;

type Block = { kind: 'title' | 'heading' | 'text' | 'bullet'; text: string };

/** The briefing's content as blocks, shared by the Word and Markdown forms. */
export function briefingBlocks(b: Briefing): Block[] {
  const blocks: Block[] = [
    {
      kind: 'title',
      text: `Briefing: ${b.state}${b.group ? ` (${b.group})` : ''} — UPR of ${b.stateUnderReview}`,
    },
    { kind: 'heading', text: `What ${b.state} recommended before` },
  ];
  if (b.earlier.length === 0)
    blocks.push({
      kind: 'text',
      text: `No recommendation of ${b.state} to ${b.stateUnderReview} is in the knowledge base.`,
    });
  else {
    blocks.push({
      kind: 'text',
      text: `${b.earlier.length} recommendations; ${b.stateUnderReview} supported ${b.responses.supported}, noted ${b.responses.noted}${b.responses.pending > 0 ? `, ${b.responses.pending} pending` : ''}.`,
    });
    const latest = [...b.earlier].reverse().slice(0, EARLIER_SHOWN);
    for (const r of latest)
      blocks.push({
        kind: 'bullet',
        text: `Session ${r.session}${r.paragraph ? `, ${r.paragraph}` : ''} (${r.response ?? 'pending'}): ${r.text}`,
      });
    if (b.earlier.length > EARLIER_SHOWN)
      blocks.push({ kind: 'text', text: `… and ${b.earlier.length - EARLIER_SHOWN} earlier.` });
  }
  blocks.push({ kind: 'heading', text: `Our recommendations to ask of ${b.state}` });
  const suggested = b.suggested.slice(0, SUGGESTED_SHOWN);
  if (suggested.length === 0) blocks.push({ kind: 'text', text: 'No recommendation of ours is stored yet.' });
  for (const s of suggested)
    blocks.push({ kind: 'bullet', text: `${s.id}${s.ask ? ` [${s.ask}]` : ''}: ${s.text}` });
  blocks.push({ kind: 'heading', text: 'Meetings and follow-ups' });
  if (b.meetings.length === 0 && b.followUps.length === 0)
    blocks.push({ kind: 'text', text: 'None recorded.' });
  for (const m of b.meetings)
    blocks.push({
      kind: 'bullet',
      text: `${m.date}${m.place ? `, ${m.place}` : ''}${m.notes ? `: ${m.notes}` : ''}`,
    });
  for (const f of b.followUps)
    blocks.push({ kind: 'bullet', text: `Follow up ${f.recommendation} (${f.status}) by ${f.due}` });
  return blocks;
}

/** The briefing as a Word document. */
export async function briefingDocx(b: Briefing): Promise<Buffer> {
  const children = briefingBlocks(b).map((block) => {
    if (block.kind === 'title') return new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_1 });
    if (block.kind === 'heading') return new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_2 });
    if (block.kind === 'bullet')
      return new Paragraph({ children: [new TextRun(block.text)], bullet: { level: 0 } });
    return new Paragraph({ children: [new TextRun(block.text)] });
  });
  const document = new Document({
    creator: 'Daylight',
    title: `Briefing: ${b.state}`,
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

/** The briefing as Markdown. */
export function briefingMarkdown(b: Briefing): string {
  return `${briefingBlocks(b)
    .map((block) =>
      block.kind === 'title'
        ? `# ${block.text}`
        : block.kind === 'heading'
          ? `\n## ${block.text}`
          : block.kind === 'bullet'
            ? `- ${block.text}`
            : block.text,
    )
    .join('\n')}\n`;
}
