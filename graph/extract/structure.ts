/**
 * The document's shape: its metadata lines and its section tree
 * (一、二、… top-level headings, (一)(二)… subsections, 1. 2. … numbered items).
 * Page chrome around the text (navigation, share buttons) is recognised and skipped.
 */
import { lines, parseNumeral, segment, sub, trim, NUMERAL_CHARS, type Segment } from './text.ts';

export interface Section {
  /** 1-based position among its siblings, from the numeral in the heading. */
  number: number;
  heading: Segment;
  /** The heading line whole, numeral included. */
  headingLine: Segment;
  line: number;
  /** Paragraphs (lines) of body text, page chrome removed. */
  body: Segment[];
  children: Section[];
}

export interface DocumentMeta {
  title?: Segment;
  issuer?: Segment;
  interpreter?: Segment;
  published?: { value: string; span: Segment };
  issued?: { value: string; span: Segment };
  period?: { from: number; to: number; span: Segment };
}

const TOP_HEADING = new RegExp(`^([${NUMERAL_CHARS}]+)、\\s*(.+)$`);
const SUB_HEADING = new RegExp(`^[((]([${NUMERAL_CHARS}]+)[))]\\s*(.+)$`);
const ITEM_HEADING = /^(\d{1,2})[.．、]\s*(.+)$/;

/**
 * A body line is prose when it reads as a sentence; short lines without sentence
 * punctuation are page chrome ("打印", "扫一扫在手机打开当前页").
 */
function isProse(text: string): boolean {
  return /[。;;,,::]/.test(text) || text.length > 40;
}

export function parseSections(doc: string): Section[] {
  const top: Section[] = [];
  let currentTop: Section | undefined;
  let currentSub: Section | undefined;
  let currentItem: Section | undefined;
  for (const ln of lines(doc)) {
    const seg = trim(ln);
    if (!seg.text) continue;
    const make = (m: RegExpMatchArray): Section => {
      const headingFrom = seg.text.length - m[2]!.length;
      return {
        number: parseNumeral(m[1]!) ?? 0,
        heading: trim(sub(seg, headingFrom)),
        headingLine: seg,
        line: ln.line,
        body: [],
        children: [],
      };
    };
    let m: RegExpMatchArray | null;
    if ((m = seg.text.match(TOP_HEADING)) && !/[。;;]/.test(m[2]!)) {
      currentTop = make(m);
      currentSub = currentItem = undefined;
      top.push(currentTop);
    } else if (currentTop && (m = seg.text.match(SUB_HEADING)) && !/[。;;]$/.test(m[2]!)) {
      currentSub = make(m);
      currentItem = undefined;
      currentTop.children.push(currentSub);
    } else if (currentTop && (m = seg.text.match(ITEM_HEADING))) {
      currentItem = make(m);
      (currentSub ?? currentTop).children.push(currentItem);
    } else if (currentTop && isProse(seg.text)) {
      (currentItem ?? currentSub ?? currentTop).body.push(seg);
    }
  }
  return top;
}

/** The prose of a section and all its descendants, in document order. */
export function allBody(section: Section): Segment[] {
  return [...section.body, ...section.children.flatMap(allBody)].sort((a, b) => a.start - b.start);
}

function firstMatch(doc: string, pattern: RegExp, group = 1): Segment | undefined {
  const m = pattern.exec(doc);
  if (!m || m.index === undefined) return undefined;
  const whole = segment(doc, m.index, m.index + m[0].length);
  const inner = m[group];
  if (inner === undefined) return undefined;
  const from = m[0].indexOf(inner);
  return sub(whole, from, from + inner.length);
}

/**
 * Title, issuer, dates and period, from the text alone. The title is the first
 * 《…》 on a line of its own (an interpretation's heading) or else the first 《…》.
 */
export function parseMeta(doc: string): DocumentMeta {
  const meta: DocumentMeta = {};
  meta.title =
    firstMatch(doc, /^\s*《([^》\n]+)》[^\n]{0,8}$/m) ??
    firstMatch(doc, /《([^》\n]+)》/) ??
    // A heading line naming a plan (…行动计划(2023—2025年)解读) when no 《》 is used.
    firstMatch(doc, /^\s*([^\n。,,]{4,60}?(?:计划|方案|规划|纲要|意见)(?:[((]\d{4}[—–\-~至]+\d{4}年[))])?)(?:政策)?(?:解读)?\s*$/m);
  const issued = /(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?[,,]\s*([^,,。\n]{2,40}?)(?:印发|发布|出台)《/.exec(doc);
  if (issued) {
    const whole = segment(doc, issued.index, issued.index + issued[0].length);
    const issuer = issued[4]!;
    const from = issued[0].indexOf(issuer, issued[0].indexOf(issued[2]! + '月'));
    meta.issuer = sub(whole, from, from + issuer.length);
    const month = issued[2]!.padStart(2, '0');
    const value = issued[3] ? `${issued[1]}-${month}-${issued[3].padStart(2, '0')}` : `${issued[1]}-${month}`;
    meta.issued = { value, span: sub(whole, 0, whole.text.indexOf('月') + 1) };
  }
  meta.interpreter = firstMatch(doc, /来源[::]\s*([^\s\n]+)/);
  const published = firstMatch(doc, /发布(?:时间|日期)[::]\s*(\d{4}-\d{2}-\d{2})/);
  if (published) meta.published = { value: published.text, span: published };
  else {
    const dated = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(doc);
    if (dated) {
      const value = `${dated[1]}-${dated[2]!.padStart(2, '0')}-${dated[3]!.padStart(2, '0')}`;
      meta.published = { value, span: segment(doc, dated.index, dated.index + dated[0].length) };
    }
  }
  if (meta.title) {
    const period = /(\d{4})\s*[—–\-~至到]+\s*(\d{4})年/.exec(meta.title.text);
    if (period) {
      meta.period = {
        from: Number(period[1]),
        to: Number(period[2]),
        span: sub(meta.title, period.index, period.index + period[0].length),
      };
    }
  }
  return meta;
}

/** What a top-level section holds, judged by its heading's words (shared by plans of this genre). */
export type SectionRole = 'background' | 'goals' | 'actions' | 'qa' | 'other';

export function sectionRole(heading: string): SectionRole {
  if (/问答|答问|问题解答/.test(heading)) return 'qa';
  if (/目标/.test(heading)) return 'goals';
  if (/主要内容|主要任务|重点任务|重点内容|主要举措|行动|任务/.test(heading)) return 'actions';
  if (/背景|依据|起草/.test(heading)) return 'background';
  return 'other';
}
