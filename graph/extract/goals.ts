/**
 * Goals: the targets section read clause by clause. A clause with numbers becomes one
 * goal per subject it measures (…分别达到30%、60% gives two); a clause that says only
 * 倍增/双倍增 becomes a doubling goal per subject, unless the next clause gives its
 * numbers (…实现双倍增,总量分别超过1000家和4500家); runs of clauses without numbers
 * become one qualitative goal. Numbers become typed props: target, unit, year, comparison.
 */
import type { Props } from '../model/types.ts';
import { LIST_JOINERS } from './lexicon.ts';
import { splitTopLevel, sub, trim, type Segment } from './text.ts';

export interface GoalDraft {
  zh: string;
  span: Segment;
  /** Where the goal's subject is named, for ABOUT links. */
  subject: Segment;
  props: Props;
}

interface Value {
  value: number;
  unit: string;
  /** The number and unit as written. */
  text: string;
  index: number;
}

const VALUE = /(\d+(?:\.\d+)?)\s*(个百分点|%|%|万亿元|亿元|万元|万千瓦|千瓦|平方公里|公里|万平方米|亿人次|万人次|万人|万家|家|个|项|条|所|倍|万标箱|标箱|万吨|吨|辆|人)/g;
const COMPARISONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/超过|突破|逾/, 'exceed'],
  [/不低于|不少于/, 'at-least'],
  [/达到|达/, 'reach'],
  [/下降|降低|减少|压减/, 'decrease'],
  [/提高|增长|提升|增加/, 'increase'],
];
const GROWTH = /双倍增|倍增|翻番|翻一番/;
const YEAR_CLAUSE = /^(?:到|至)?(\d{4})年(?:底|末)?$/;
const ASPIRATION = /^(力争|争取|努力)/;
const BUILD = /^(打造|建成|培育|引进|新增|建设)/;
/** Words that only say "the numbers follow": 总量分别超过… has no subject of its own. */
const SUBJECTLESS = /^(总量|总数|数量|规模)?(分别|均|都)?$/;
/** Where a shared tail starts: 制造业、数字经济增加值占GDP比重 → 增加值占GDP比重. */
const SHARED_TAIL = /增加值|占|比重|总量|收入|产值|营收/;

function valuesIn(text: string): Value[] {
  return [...text.matchAll(VALUE)].map((m) => ({
    value: Number(m[1]),
    unit: m[2] === '%' ? '%' : m[2]!,
    text: m[0],
    index: m.index ?? 0,
  }));
}

function comparisonBefore(text: string, limit: number): { comparison: string; word: string; at: number } | undefined {
  const head = text.slice(0, limit);
  for (const [pattern, comparison] of COMPARISONS) {
    const m = pattern.exec(head);
    if (m) return { comparison, word: m[0], at: m.index };
  }
  return undefined;
}

/** Split a subject into the things it measures (by 、, else also by 和/与/及). */
function splitSubjects(subject: Segment, wanted: number): Segment[] {
  if (wanted <= 1) return [subject];
  let parts = splitTopLevel(subject, '、');
  if (parts.length !== wanted) parts = splitTopLevel(subject, ['、', ...LIST_JOINERS]);
  return parts.length === wanted ? parts : [subject];
}

/**
 * Give each subject what its siblings share: the tail of the last
 * (制造业 → 制造业增加值占GDP比重) and the qualifier of the first up to 的
 * (货值 → 经西部陆海新通道运行的货值).
 */
function subjectNames(parts: Segment[]): string[] {
  const texts = parts.map((p) => p.text);
  if (texts.length < 2) return texts;
  const last = texts[texts.length - 1]!;
  const tail = SHARED_TAIL.exec(last);
  const first = texts[0]!;
  const qualifierEnd = first.lastIndexOf('的');
  return texts.map((t, i) => {
    let name = t;
    if (tail && i < texts.length - 1 && !SHARED_TAIL.test(t)) name += last.slice(tail.index);
    if (qualifierEnd > 0 && i > 0) name = first.slice(0, qualifierEnd + 1) + name;
    return name;
  });
}

function subjectOf(clause: Segment, to: number): Segment {
  let seg = trim(sub(clause, 0, to));
  const aspiration = ASPIRATION.exec(seg.text);
  if (aspiration) seg = trim(sub(seg, aspiration[0].length));
  const filler = /(分别|均|都|实现)+$/.exec(seg.text);
  if (filler) seg = trim(sub(seg, 0, seg.text.length - filler[0].length));
  return seg;
}

function numericGoals(
  clause: Segment,
  span: Segment,
  subject: Segment,
  found: Value[],
  base: Props,
  cmp: { comparison: string; word: string } | undefined,
): GoalDraft[] {
  const build = BUILD.exec(subject.text);
  if (build && found.length === 1) {
    // 打造3个千亿级的高新技术产业集群: the goal is the clause; its subject is what is built.
    const v = found[0]!;
    const what = trim(sub(clause, v.index + v.text.length));
    const zh = trim(sub(clause, clause.text.indexOf(build[0]))).text;
    return [{ zh, span, subject: what, props: { ...base, target: v.value, unit: v.unit, comparison: 'build' } }];
  }
  const parts = splitSubjects(subject, found.length);
  const names = parts.length === found.length ? subjectNames(parts) : found.map(() => subject.text);
  return found.map((v, i) => ({
    zh: `${names[i]}${cmp?.word ?? ''}${v.text}`,
    span,
    subject: parts[i] ?? subject,
    props: { ...base, target: v.value, unit: v.unit, comparison: cmp?.comparison ?? 'reach' },
  }));
}

export function extractGoals(body: Segment[], defaultYear: number | undefined): GoalDraft[] {
  const goals: GoalDraft[] = [];
  let year = defaultYear;
  for (const paragraph of body) {
    for (const sentence of splitTopLevel(paragraph, '。;;')) {
      const clauses = splitTopLevel(sentence, ',,');
      let qualitative: Segment[] = [];
      const flushQualitative = () => {
        if (qualitative.length === 0) return;
        const span = sub(paragraph, qualitative[0]!.start - paragraph.start, qualitative.at(-1)!.end - paragraph.start);
        goals.push({ zh: span.text, span, subject: span, props: { year: year ?? 0, qualitative: true } });
        qualitative = [];
      };
      for (let i = 0; i < clauses.length; i++) {
        const clause = clauses[i]!;
        const yearMatch = YEAR_CLAUSE.exec(clause.text);
        if (yearMatch) {
          year = Number(yearMatch[1]);
          continue;
        }
        const base: Props = { year: year ?? 0 };
        if (ASPIRATION.test(clause.text)) base.aspirational = true;
        const found = valuesIn(clause.text);
        const growth = GROWTH.exec(clause.text);
        if (found.length === 0 && !growth) {
          qualitative.push(clause);
          continue;
        }
        flushQualitative();
        if (found.length === 0 && growth) {
          const subject = subjectOf(clause, growth.index);
          base.growth = growth[0];
          const next = clauses[i + 1];
          const nextValues = next ? valuesIn(next.text) : [];
          const nextCmp = next && nextValues[0] ? comparisonBefore(next.text, nextValues[0].index) : undefined;
          const nextSubject = next ? next.text.slice(0, nextCmp?.at ?? nextValues[0]?.index ?? 0) : '';
          if (next && nextValues.length > 0 && SUBJECTLESS.test(nextSubject)) {
            // The next clause gives these subjects' numbers.
            const span = sub(paragraph, clause.start - paragraph.start, next.end - paragraph.start);
            goals.push(...numericGoals(next, span, subject, nextValues, base, nextCmp));
            i++;
            continue;
          }
          const parts = splitSubjects(subject, splitTopLevel(subject, '、').length);
          subjectNames(parts).forEach((name, k) => {
            goals.push({
              zh: name + growth[0],
              span: clause,
              subject: parts[k] ?? subject,
              props: { ...base, target: 2, unit: '倍', comparison: 'multiply' },
            });
          });
          continue;
        }
        const cmp = comparisonBefore(clause.text, found[0]!.index);
        const subject = subjectOf(clause, cmp?.at ?? found[0]!.index);
        goals.push(...numericGoals(clause, clause, subject, found, base, cmp));
      }
      flushQualitative();
    }
  }
  return goals;
}
