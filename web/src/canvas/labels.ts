/** Canvas labels: short, and breakable where a reader would break them. Pure. */

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
/** Never at the start of a line. */
const CLOSING = new Set([...'、，。；：？！）》」』”’…％%,.;:?!)]}·—–']);
/** Never at the end of a line. */
const OPENING = new Set([...'（《「『“‘([{']);
const ZWSP = '\u200b';

/**
 * Canvas labels stay short (the details panel has the full name): about `limit` CJK
 * characters, a Latin character counting a little over half of one.
 */
export function shortLabel(name: string, limit = 24): string {
  let w = 0;
  let i = 0;
  for (const c of name) {
    w += CJK.test(c) ? 1 : 0.55;
    if (w > limit) {
      let cut = name.slice(0, i);
      // Inside a Latin word: end at the word before it, if that loses little.
      const space = cut.lastIndexOf(' ');
      if (/[A-Za-z]$/.test(cut) && /[A-Za-z]/.test(c) && space > 0 && i - space <= 12) cut = cut.slice(0, space);
      return `${cut.trimEnd()}…`;
    }
    i += c.length;
  }
  return name;
}

/**
 * Adds zero-width break opportunities, which Cytoscape's whitespace wrapping honours: between
 * CJK characters, between CJK and Latin text, and after dashes and slashes inside Latin words
 * ("Chips–intelligence–data"), but never before closing or after opening punctuation and
 * never inside a Latin word or number ("GDP", "5.7%").
 */
export function breakable(label: string): string {
  const cs = [...label];
  let out = '';
  for (let i = 0; i < cs.length; i++) {
    const a = cs[i]!;
    out += a;
    const b = cs[i + 1];
    if (b === undefined || /\s/.test(a) || /\s/.test(b) || CLOSING.has(b) || OPENING.has(a)) continue;
    const cjk = CJK.test(a) || CJK.test(b);
    const dash = /[–—/]/.test(a) || (a === '-' && /[A-Za-z]/.test(b));
    if (cjk || dash) out += ZWSP;
  }
  return out;
}
