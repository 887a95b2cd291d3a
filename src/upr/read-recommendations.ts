// Recommendation items read into text, recommending states and response.
import { joinLines } from './body-lines.ts';
import type { NumberedParagraph } from './report-paragraphs.ts';
import type { StateNames } from './state-names.ts';
import type { ExtractedRecommendation, Response } from './working-group-report.ts';

/**
 * The response an introductory paragraph gives to the items under it: "enjoy the support" →
 * supported; "did not enjoy the support" or "takes note" → noted; "will be examined" or "were made
 * to" → null, to be answered later.
 */
export function responseOfIntroduction(text: string): Response | null {
  const t = text.replace(/\s+/g, ' ');
  if (
    /\b(?:did|do|does) not enjoy|not (?:been )?(?:accepted|supported)|\btakes? note\b|\brejected\b/i.test(t)
  )
    return 'noted';
  if (/will be (?:further )?examined|were made to|will provide responses/i.test(t)) return null;
  if (/\benjoys? (?:the|its) support|\baccepted\b|\bsupports?\b/i.test(t)) return 'supported';
  return null;
}

/** The parenthesised groups at the top level of a text ("(Bolivia (Plurinational State of))" is one). */
export function parenthesisedGroups(text: string): { start: number; end: number; inner: string }[] {
  const groups: { start: number; end: number; inner: string }[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') {
      if (depth === 0) start = i;
      depth++;
    } else if (text[i] === ')' && depth > 0) {
      depth--;
      if (depth === 0) groups.push({ start, end: i + 1, inner: text.slice(start + 1, i) });
    }
  }
  return groups;
}

/**
 * Reads one item: every parenthesised list of states is a recommendation's author(s); their union,
 * in order, is the item's `recommending_states`, and the text is the item without them.
 */
export function readItem(
  itemText: string,
  states: StateNames,
): { text: string; recommending_states: string[] } {
  const found: string[] = [];
  let text = '';
  let from = 0;
  for (const group of parenthesisedGroups(itemText)) {
    const names = states.readList(group.inner);
    if (!names) continue;
    for (const name of names) if (!found.includes(name)) found.push(name);
    text += itemText.slice(from, group.start);
    from = group.end;
  }
  text += itemText.slice(from);
  const cleaned = text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,;.:])/g, '$1')
    .replace(/[\s;,.]+$/, '')
    .trim();
  return { text: cleaned, recommending_states: found };
}

/** The recommendations of the conclusions section, numbered PARENT.ITEM. */
export function readRecommendations(
  paragraphs: NumberedParagraph[],
  states: StateNames,
  wordsOfDocument: ReadonlySet<string>,
): ExtractedRecommendation[] {
  const recommendations: ExtractedRecommendation[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.section !== 'conclusions' || paragraph.items.length === 0) continue;
    const response = responseOfIntroduction(paragraph.lines.join(' '));
    for (const item of paragraph.items) {
      const { text, recommending_states } = readItem(joinLines(item.lines, wordsOfDocument), states);
      recommendations.push({
        paragraph: `${paragraph.number}.${item.number}`,
        text,
        recommending_states,
        response,
      });
    }
  }
  return recommendations;
}
