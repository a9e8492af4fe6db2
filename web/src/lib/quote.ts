/** A quote as the details panel shows it: the plan's sentence with the span marked. Pure. */
import { sentenceAround } from '../../../graph/model/sentence.ts';
import type { Quote } from '../../../graph/query/api.ts';

export interface QuoteParts {
  before: string;
  mark: string;
  after: string;
}

/** Longest context shown on each side of the mark before it is cut with an ellipsis. */
const CONTEXT = 90;

/**
 * The sentence around the quote, split at the span: from the engine's `sentence` when it gives
 * one, else computed from the document text (snapshot mode), else just the span.
 */
export function quoteParts(q: Quote, docText?: string): QuoteParts {
  const s = q.sentence ?? (docText !== undefined && docText.length >= q.span.end ? sentenceAround(docText, q.span) : null);
  if (!s || s.start > q.span.start || s.end < q.span.end) return { before: '', mark: q.text, after: '' };
  const a = q.span.start - s.start;
  const b = q.span.end - s.start;
  let before = s.text.slice(0, a);
  let after = s.text.slice(b);
  if (before.length > CONTEXT) before = `…${before.slice(before.length - CONTEXT)}`;
  if (after.length > CONTEXT) after = `${after.slice(0, CONTEXT)}…`;
  return { before, mark: s.text.slice(a, b), after };
}
