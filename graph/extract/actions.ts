/**
 * Actions and their tasks. An action's paragraph opens by naming the action and the
 * count of its task groups (推进落实“二三四五”行动任务, “三大行动任务”, “四大产业创新链、
 * 五大主导产业集群”); the rest lists the tasks, separated by ; (or by , where the text
 * does so). Each task's enumeration (…三大核心技术攻关) gives its members and the count
 * word the text gives them; the two are checked against each other.
 */
import type { NodeKind } from '../model/types.ts';
import { COUNT_WORD, LEADING_PREPOSITIONS, kindByGroupHead, kindByName, LEADING_VERBS, LIST_JOINERS, nameEndings, OBJECT_VERBS, PHRASE_BREAKS } from './lexicon.ts';
import { parseNumeral, splitTopLevel, sub, trim, NUMERAL_CHARS, type Segment } from './text.ts';

export interface TaskPlan {
  /** How many task groups the opening sentence announces, and the words that say so. */
  count?: number;
  countSpan?: Segment;
  /** Per-group member counts where the opening gives them (“二三四五” → 2, 3, 4, 5). */
  memberCounts: Array<number | undefined>;
}

export interface Member {
  zh: string;
  span: Segment;
  kind?: NodeKind;
}

export interface Enumeration {
  members: Member[];
  /** The count word as written (三大, 4条) and its value. */
  countWord: Segment;
  count: number;
  /** The noun after the count word (核心技术攻关) and the kind it gives the members. */
  head: Segment;
  kind?: NodeKind;
}

export interface TaskDraft {
  span: Segment;
  enumerations: Enumeration[];
  /** Entities named as the objects of the task's verbs, outside enumerations. */
  objects: Member[];
}

export interface ActionBody {
  opening?: Segment;
  plan: TaskPlan;
  tasks: TaskDraft[];
}

const OPENING = /^(?:大力|全面|深入|加快)?实施.{2,40}?行动[,,]/;
const TASK_QUOTE = /推进落实[“"]([^”"]+)[”"]/;

/** Read the task plan from the quoted designation: 二三四五 | 三大行动任务 | 四大X、五大Y. */
export function parseTaskPlan(opening: Segment): TaskPlan {
  const quote = TASK_QUOTE.exec(opening.text);
  if (!quote) return { memberCounts: [] };
  const inner = quote[1]!;
  const innerAt = quote.index + quote[0].indexOf(inner);
  const countSpan = sub(opening, innerAt, innerAt + inner.length);
  if (new RegExp(`^[${NUMERAL_CHARS}]{2,}$`).test(inner)) {
    const counts = [...inner].map((ch) => parseNumeral(ch) ?? undefined);
    return { count: counts.length, countSpan, memberCounts: counts };
  }
  const groups = splitTopLevel(countSpan, '、');
  if (groups.length > 1) {
    const counts = groups.map((g) => {
      const m = new RegExp(`^([0-9]+|[${NUMERAL_CHARS}]+)[大条项个类]`).exec(g.text);
      return m ? (parseNumeral(m[1]!) ?? undefined) : undefined;
    });
    return { count: groups.length, countSpan, memberCounts: counts };
  }
  const m = new RegExp(`^([0-9]+|[${NUMERAL_CHARS}]+)[大项个类]`).exec(inner);
  const count = m ? (parseNumeral(m[1]!) ?? undefined) : undefined;
  return count === undefined ? { memberCounts: [] } : { count, countSpan, memberCounts: [] };
}

/** Strip the verbs a clause opens with (建好用好, 大力培育, 高起点共建 …). */
export function stripLeadingVerbs(seg: Segment): Segment {
  if (LEADING_VERBS.includes(seg.text)) return sub(seg, seg.text.length);
  const preposition = LEADING_PREPOSITIONS.exec(seg.text);
  let current = preposition ? trim(sub(seg, preposition[0].length)) : seg;
  for (let guard = 0; guard < 3; guard++) {
    const verb = LEADING_VERBS.find((v) => current.text.startsWith(v) && current.text.length > v.length);
    if (!verb) break;
    current = trim(sub(current, verb.length));
  }
  return current;
}

/** Drop quotes that wrap the whole name (“芯智数用”), keep those inside it (“四纵五横”高快速路). */
function stripQuotes(text: string): string {
  const wrapped = /^[“"]([^“”"]*)[”"]$/.exec(text);
  return wrapped ? wrapped[1]! : text;
}

/**
 * Split an enumeration's list into members: first at 、, and if that does not give
 * the stated count, also at 和/与/及 (芯智数用、车路芯网、药械诊疗和研用检创 is four).
 */
function splitMembers(list: Segment, count: number): Segment[] {
  const coarse = splitTopLevel(list, '、');
  if (coarse.length === count) return coarse;
  const fine = splitTopLevel(list, ['、', ...LIST_JOINERS]);
  if (fine.length === count) return fine;
  return coarse.length > 1 ? coarse : fine;
}

/** Cut an enumeration's list at 等 (X和Y等国家和市级… lists X and Y), unless 等 stands inside a member. */
function cutAtDeng(list: Segment): Segment {
  const at = list.text.lastIndexOf('等');
  if (at <= 0) return list;
  const after = list.text.slice(at + 1);
  return /[、]/.test(after) ? list : trim(sub(list, 0, at));
}

function findEnumerations(task: Segment): Enumeration[] {
  const clauses = splitTopLevel(task, ',,');
  const found: Enumeration[] = [];
  clauses.forEach((clause, index) => {
    for (const m of clause.text.matchAll(COUNT_WORD)) {
      const at = m.index ?? 0;
      const before = clause.text.slice(0, at);
      // 4大片区 after 和/、 is itself a member of a list, not a count over one.
      if (/[和与及、]$/.test(before) || /[第“]$/.test(before)) continue;
      const count = parseNumeral(m[1]!);
      if (count === null || count < 2) continue;
      const countWord = sub(clause, at, at + m[0].length);
      const head = trim(sub(clause, at + m[0].length), '。');
      let list = stripLeadingVerbs(trim(sub(clause, 0, at)));
      if (!list.text && index > 0) {
        // 依托A、B和C建设,构建四级实验室体系: the list is the previous clause's object.
        const previous = stripLeadingVerbs(clauses[index - 1]!);
        list = trim(sub(previous, 0, previous.text.replace(/(建设|发展|工作)$/, '').length));
      }
      if (!list.text) continue;
      list = cutAtDeng(list);
      const kind = kindByGroupHead(head.text);
      const members = splitMembers(list, count).map((span) => ({
        zh: stripQuotes(span.text),
        span,
        kind: kindByName(span.text) ?? kind,
      }));
      found.push({ members, countWord, count, head, ...(kind ? { kind } : {}) });
    }
  });
  return found;
}

/**
 * Entities named as a verb's object: 推进X建设, 融入X, 共建X …; a list object gives
 * several. A name is kept when its ending tells its kind (…通道, …学校) or when the
 * verb is 推进/推动 … 建设, whose objects are projects.
 */
function findObjects(task: Segment, taken: Segment[]): Member[] {
  const objects: Member[] = [];
  const overlaps = (s: Segment) => taken.some((t) => s.start < t.end && t.start < s.end);
  for (const clause of splitTopLevel(task, ',,')) {
    const verb = OBJECT_VERBS.filter((v) => clause.text.startsWith(v)).sort((a, b) => b.length - a.length)[0];
    if (!verb) continue;
    let object = trim(sub(clause, verb.length));
    const construction = /(等)?建设$/.exec(object.text);
    const isConstruction = construction !== null && /^(推进|推动)$/.test(verb);
    if (construction) object = trim(sub(object, 0, object.text.length - construction[0].length));
    if (!object.text || overlaps(object)) continue;
    for (const part of splitTopLevel(object, ['、', ...LIST_JOINERS])) {
      const name = stripQuotes(part.text);
      const named = kindByName(name);
      // Under 推进…建设 a name ending like a place (轨道上的科学城) is a project to build.
      const kind = isConstruction && named === 'Place' ? 'Project' : named;
      if (kind) {
        objects.push({ zh: name, span: part, kind });
      } else if (isConstruction) {
        objects.push({ zh: name, span: part, kind: 'Project' });
      } else {
        // The longest known ending inside the phrase: 西部科学城工作机制 names 西部科学城.
        const inner = nameEndings(part.text)[0];
        if (inner && inner.end < part.text.length) {
          const span = sub(part, 0, inner.end);
          objects.push({ zh: stripQuotes(span.text), span, kind: inner.kind });
        }
      }
    }
  }
  return objects;
}

/** Split the text after the opening into tasks, choosing ; or , by the stated count. */
function splitTasks(rest: Segment, stated: number | undefined): Segment[] {
  const bySemicolon = splitTopLevel(rest, ';;。');
  const byComma = splitTopLevel(rest, ',,;;。');
  if (stated !== undefined) {
    if (bySemicolon.length === stated) return bySemicolon;
    if (byComma.length === stated) return byComma;
  }
  return bySemicolon.length > 1 ? bySemicolon : byComma;
}

/** One task's clause: its enumerations, then the entities its verbs work on. */
export function parseTask(span: Segment): TaskDraft {
  const enumerations = findEnumerations(span);
  const taken = enumerations.flatMap((e) => e.members.map((m) => m.span));
  return { span, enumerations, objects: findObjects(span, taken) };
}

export function parseActionBody(paragraph: Segment): ActionBody {
  const opening = OPENING.exec(paragraph.text);
  const sentenceEnd = paragraph.text.indexOf('。');
  let plan: TaskPlan = { memberCounts: [] };
  let restFrom = 0;
  let openingSeg: Segment | undefined;
  // The opening names the action and announces its task groups; either may be missing.
  if (sentenceEnd > 0 && (opening || TASK_QUOTE.test(paragraph.text.slice(0, sentenceEnd)))) {
    openingSeg = sub(paragraph, 0, sentenceEnd + 1);
    plan = parseTaskPlan(openingSeg);
    restFrom = sentenceEnd + 1;
  }
  const rest = trim(sub(paragraph, restFrom), '。');
  const taskSpans = splitTasks(rest, plan.count);
  const tasks = taskSpans.map(parseTask);
  return { plan, tasks, ...(openingSeg ? { opening: openingSeg } : {}) };
}

/** Mentions of names ending in a known kind word anywhere in a passage (for goals and background). */
export function findMentions(passage: Segment): Member[] {
  const mentions: Member[] = [];
  for (const chunk of splitTopLevel(passage, PHRASE_BREAKS)) {
    let phrase = stripLeadingVerbs(chunk);
    // Start after the first verb inside the phrase: 重庆高新区融入成渝地区双城经济圈… → 成渝地区双城经济圈….
    let cut: { at: number; length: number } | undefined;
    for (const verb of OBJECT_VERBS) {
      const at = phrase.text.indexOf(verb);
      if (at >= 0 && at + verb.length < phrase.text.length && (!cut || at < cut.at)) cut = { at, length: verb.length };
    }
    if (cut) phrase = trim(sub(phrase, cut.at + cut.length));
    const inner = nameEndings(phrase.text)[0];
    if (inner) {
      const span = sub(phrase, 0, inner.end);
      mentions.push({ zh: stripQuotes(span.text), span, kind: inner.kind });
    }
  }
  return mentions;
}
