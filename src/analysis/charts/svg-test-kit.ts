// Test helpers: parse chart output with a real XML parser and find marks in it.

import assert from 'node:assert/strict';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

/** Parses as XML, failing on any warning or error, and checks the document is a self-contained SVG. */
export function parseSvg(svg: string): Document {
  const doc = new DOMParser({
    onError: (level, message) => {
      throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  assert.ok(root);
  assert.equal(root.tagName, 'svg');
  assert.equal(root.getAttribute('xmlns'), 'http://www.w3.org/2000/svg');
  assert.equal(root.getAttribute('role'), 'img');
  assert.match(root.getAttribute('viewBox') ?? '', /^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
  assert.ok(textOf(byTag(doc, 'title')[0]).length > 0, 'a <title>');
  assert.ok(textOf(byTag(doc, 'desc')[0]).length > 0, 'a <desc>');
  assert.equal(byTag(doc, 'script').length, 0, 'no script');
  assert.equal(byTag(doc, 'image').length, 0, 'no image');
  assert.equal(byTag(doc, 'foreignObject').length, 0, 'no foreignObject');
  assert.doesNotMatch(svg, /\b(?:href|src)\s*=/, 'no links to resources');
  for (const m of svg.matchAll(/url\(([^)]*)\)/g))
    assert.match(m[1] ?? '', /^#[\w-]+$/, 'only local url() references');
  assert.doesNotMatch(svg, /@import|@font-face/);
  return doc;
}

export function byTag(doc: Document | Element, tag: string): Element[] {
  return Array.from(doc.getElementsByTagName(tag));
}

/** Elements of a tag that carry a class. */
export function byClass(doc: Document | Element, tag: string, cls: string): Element[] {
  return byTag(doc, tag).filter((e) => (e.getAttribute('class') ?? '').split(/\s+/).includes(cls));
}

export function numAttr(e: Element | undefined, name: string): number {
  assert.ok(e, `element for ${name}`);
  const v = e.getAttribute(name);
  assert.ok(v !== null, `attribute ${name}`);
  const n = Number(v);
  assert.ok(Number.isFinite(n), `${name}=${v} is a number`);
  return n;
}

export function textOf(e: Element | undefined): string {
  return e?.textContent ?? '';
}
