/** Quotes as the details panel shows them: the plan's sentence with the span marked. Pure. */
import { sentenceAround } from '../../../graph/model/sentence.ts';
import type { Quote } from '../../../graph/query/api.ts';

export interface QuoteParts {
  before: string;
  mark: string;
  after: string;
}

type Sentence = NonNullable<Quote['sentence']>;

/** Longest context shown on each side of the mark before it is cut with an ellipsis. */
const CONTEXT = 90;

/**
 * The sentence around the quote: the engine's `sentence` when it gives one, else computed from
 * the document text (snapshot mode); null when neither is known or it does not hold the span.
 */
function sentenceOf(q: Quote, docText?: string): Sentence | null {
  const s = q.sentence ?? (docText !== undefined && docText.length >= q.span.end ? sentenceAround(docText, q.span) : null);
  return s && s.start <= q.span.start && s.end >= q.span.end ? s : null;
}

/** The sentence around the quote, split at the span; just the span when the sentence is unknown. */
export function quoteParts(q: Quote, docText?: string): QuoteParts {
  const s = sentenceOf(q, docText);
  if (!s) return { before: '', mark: q.text, after: '' };
  const a = q.span.start - s.start;
  const b = q.span.end - s.start;
  let before = s.text.slice(0, a);
  let after = s.text.slice(b);
  if (before.length > CONTEXT) before = `…${before.slice(before.length - CONTEXT)}`;
  if (after.length > CONTEXT) after = `${after.slice(0, CONTEXT)}…`;
  return { before, mark: s.text.slice(a, b), after };
}

export interface QuoteGroup {
  parts: QuoteParts;
  /** Indices into the quotes given, in their order: every place the plan says this sentence. */
  places: number[];
}

/**
 * Quotes whose sentence text is the same, with the span at the same place in it, as one group
 * (a plan's Q&A part repeats its main text word for word). Groups come in the order of their
 * first quote; a quote whose sentence is unknown stands alone.
 */
export function groupQuotes(quotes: readonly Quote[], docText: (doc: string) => string | undefined = () => undefined): QuoteGroup[] {
  const groups: QuoteGroup[] = [];
  const byKey = new Map<string, QuoteGroup>();
  quotes.forEach((q, i) => {
    const text = docText(q.span.doc);
    const s = sentenceOf(q, text);
    const key = s ? `${q.span.start - s.start}:${q.span.end - q.span.start}:${s.text}` : null;
    const same = key === null ? undefined : byKey.get(key);
    if (same) {
      same.places.push(i);
      return;
    }
    const g = { parts: quoteParts(q, text), places: [i] };
    groups.push(g);
    if (key !== null) byKey.set(key, g);
  });
  return groups;
}
