/**
 * The sentence around a span: what a reader needs to see to trust a node, since a
 * node's span is often just its name. Sentences end at 。!?;; or a line break; a
 * span that crosses a boundary widens to the sentences it touches.
 */
import type { Span } from './types.ts';

const BOUNDARY = /[。!?;;!?\n]/;

export function sentenceAround(text: string, span: Pick<Span, 'start' | 'end'>): { start: number; end: number; text: string } {
  let start = Math.max(0, Math.min(span.start, text.length));
  let end = Math.max(start, Math.min(span.end, text.length));
  while (start > 0 && !BOUNDARY.test(text[start - 1]!)) start--;
  while (end < text.length && !BOUNDARY.test(text[end]!)) end++;
  if (end < text.length && text[end] !== '\n') end++; // keep the closing punctuation
  while (start < end && /\s/.test(text[start]!)) start++;
  return { start, end, text: text.slice(start, end) };
}
