/**
 * Text primitives for the extractor. Everything works on ranges of the original
 * document text so that every extracted thing keeps an exact span: a `Segment`
 * is a slice of the document that remembers where it came from.
 */

export interface Segment {
  start: number;
  end: number;
  text: string;
}

export function segment(doc: string, start: number, end: number): Segment {
  return { start, end, text: doc.slice(start, end) };
}

/** A sub-range of a segment, by offsets relative to the segment. */
export function sub(seg: Segment, from: number, to: number = seg.text.length): Segment {
  return { start: seg.start + from, end: seg.start + to, text: seg.text.slice(from, to) };
}

/** The segment without leading/trailing whitespace and the given trailing punctuation. */
export function trim(seg: Segment, trailing = ''): Segment {
  let from = 0;
  let to = seg.text.length;
  while (from < to && /\s/.test(seg.text[from]!)) from++;
  while (to > from && (/\s/.test(seg.text[to - 1]!) || trailing.includes(seg.text[to - 1]!))) to--;
  return sub(seg, from, to);
}

/** Lines of the document (without their line break), each with its offsets and 1-based number. */
export function lines(doc: string): Array<Segment & { line: number }> {
  const out: Array<Segment & { line: number }> = [];
  let start = 0;
  let line = 1;
  while (start <= doc.length) {
    let end = doc.indexOf('\n', start);
    if (end === -1) end = doc.length;
    const contentEnd = end > start && doc[end - 1] === '\r' ? end - 1 : end;
    out.push({ ...segment(doc, start, contentEnd), line });
    if (end === doc.length) break;
    start = end + 1;
    line++;
  }
  return out;
}

const OPENERS: Record<string, string> = { '“': '”', '《': '》', '(': ')', '\uFF08': '\uFF09', '「': '」', '‘': '’' };

/**
 * Split a segment at any of the delimiters (single characters or words such as 以及)
 * that stand outside quotes and brackets, so 《…,…》 and “…、…” stay whole.
 * Delimiters are dropped, parts trimmed, empty parts skipped.
 */
export function splitTopLevel(seg: Segment, delimiters: readonly string[] | string): Segment[] {
  const delims = (typeof delimiters === 'string' ? [...delimiters] : [...delimiters]).sort(
    (a, b) => b.length - a.length,
  );
  const parts: Segment[] = [];
  const stack: string[] = [];
  let from = 0;
  const text = seg.text;
  const push = (to: number) => {
    const part = trim(sub(seg, from, to));
    if (part.text) parts.push(part);
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const closer = stack[stack.length - 1];
    if (closer !== undefined && ch === closer) {
      stack.pop();
      continue;
    }
    const opener = OPENERS[ch];
    if (opener !== undefined) {
      stack.push(opener);
      continue;
    }
    if (stack.length > 0) continue;
    const delim = delims.find((d) => text.startsWith(d, i));
    if (delim !== undefined) {
      push(i);
      from = i + delim.length;
      i = from - 1;
    }
  }
  push(text.length);
  return parts;
}

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** Parse a Chinese or Arabic numeral ("5", "三", "十二", "两", "二十") or return null. */
export function parseNumeral(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  if (!word || ![...word].every((ch) => ch in DIGITS || ch in UNITS)) return null;
  let total = 0;
  let current = 0;
  for (const ch of word) {
    const digit = DIGITS[ch];
    if (digit !== undefined) {
      current = digit;
    } else {
      const unit = UNITS[ch]!;
      total += (current || 1) * unit;
      current = 0;
    }
  }
  return total + current;
}

/** Chinese numerals as one character class, for regular expressions. */
export const NUMERAL_CHARS = '〇零一二两三四五六七八九十百千';

export const CJK = /[\u3400-\u9fff]/;
