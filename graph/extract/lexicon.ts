/**
 * The vocabulary of the genre: words that Chinese development plans share, never the
 * names of one plan. Kinds are recognised by the head word a name ends with
 * (…实验室 is a lab, …通道 a corridor) or by the head noun of an enumeration
 * (“…五大科技创新支撑” makes each member an innovation hub).
 */
import type { NodeKind } from '../model/types.ts';

/** Name endings that tell an entity's kind, most specific first. */
const NAME_ENDINGS: ReadonlyArray<readonly [string, NodeKind]> = [
  ['实验室', 'Lab'],
  ['装置', 'Facility'],
  ['基础设施', 'Facility'],
  ['产业链', 'IndustryChain'],
  ['创新链', 'IndustryChain'],
  ['产业集群', 'Cluster'],
  ['集群', 'Cluster'],
  ['通道', 'Corridor'],
  ['班列', 'Corridor'],
  ['水道', 'Corridor'],
  ['走廊', 'Corridor'],
  ['航线', 'Corridor'],
  ['经济圈', 'Place'],
  ['科学城', 'Place'],
  ['合作区', 'Place'],
  ['示范区', 'Place'],
  ['自贸区', 'Place'],
  ['创新中心', 'InnovationHub'],
  ['科学中心', 'InnovationHub'],
  ['创投中心', 'InnovationHub'],
  ['孵化器', 'InnovationHub'],
  ['学校', 'Project'],
  ['医院', 'Project'],
  ['院区', 'Project'],
  ['快速路', 'Project'],
  ['主干路', 'Project'],
  ['城市中心', 'Project'],
  ['城市更新', 'Project'],
  ['枢纽', 'Project'],
];

/** Head nouns after a count word (“三大核心技术攻关”) that give every member its kind. */
const GROUP_HEADS: ReadonlyArray<readonly [RegExp, NodeKind]> = [
  [/实验室/, 'Lab'],
  [/设施|装置/, 'Facility'],
  [/技术|攻关/, 'Technology'],
  [/产业链|创新链/, 'IndustryChain'],
  [/集群/, 'Cluster'],
  [/支撑|平台|载体|中心/, 'InnovationHub'],
  [/通道|走廊/, 'Corridor'],
  [/项目|工程/, 'Project'],
  [/片区|园区|组团/, 'Place'],
];

export function kindByName(name: string): NodeKind | undefined {
  let best: readonly [string, NodeKind] | undefined;
  for (const entry of NAME_ENDINGS) {
    if (name.endsWith(entry[0]) && name.length > entry[0].length && (!best || entry[0].length > best[0].length)) {
      best = entry;
    }
  }
  return best?.[1];
}

export function kindByGroupHead(head: string): NodeKind | undefined {
  return GROUP_HEADS.find(([pattern]) => pattern.test(head))?.[1];
}

/**
 * Where an entity's name may end inside a longer phrase: the positions just after each
 * name ending, so “西部科学城工作机制” yields the candidate “西部科学城”.
 */
export function nameEndings(phrase: string): Array<{ end: number; kind: NodeKind }> {
  const found = new Map<number, { end: number; kind: NodeKind; length: number }>();
  for (const [ending, kind] of NAME_ENDINGS) {
    let at = phrase.indexOf(ending);
    while (at !== -1) {
      const end = at + ending.length;
      const prev = found.get(end);
      if (at > 0 && (!prev || ending.length > prev.length)) found.set(end, { end, kind, length: ending.length });
      at = phrase.indexOf(ending, at + 1);
    }
  }
  return [...found.values()].sort((a, b) => b.end - a.end).map(({ end, kind }) => ({ end, kind }));
}

/** Verbs (and adverb + verb phrases) that open a clause and come before its object. */
export const LEADING_VERBS = [
  '大力培育', '重点发展', '建好用好', '加快融入', '加快建设', '加快推动', '积极创建', '共同打造', '共同争取',
  '高规格共建', '高起点共建', '高质量共建', '高标准共建', '高水平共享', '高水平共建', '高站位共同争取',
  '推进落实', '推进', '推动', '依托', '建设', '打造', '构建', '培育', '发展', '融入', '共建', '创建', '完善',
  '实施', '提升', '加快', '加强', '深化', '支持', '布局', '争取', '落实', '聚焦', '围绕', '壮大', '引进',
];

/** Verbs whose object is an entity the clause works on (建设 X, 融入 X, 共建 X …). */
export const OBJECT_VERBS = [
  '推进', '推动', '建设', '加快建设', '融入', '加快融入', '共建', '高规格共建', '高起点共建', '高质量共建',
  '高标准共建', '高水平共建', '依托', '打造', '布局', '引进', '创建',
];

/** Characters and words that separate noun phrases inside a clause. */
export const PHRASE_BREAKS = ['、', '和', '与', '及', '以及', '的', ',', ',', ';', '。', '等'];

/** Prepositions a noun phrase may open with (经X运行, 在X上); 经 not as in 经济. */
export const LEADING_PREPOSITIONS = /^(经(?!济)|在|对|为|从|向|与)/;

/** Words that join the members of an enumeration. */
export const LIST_JOINERS = ['和', '与', '及', '以及'];

/** A count word with its classifier: 三大, 4条, 四级, 两类, 3个 … */
export const COUNT_WORD = /([0-9]+|[〇零一二两三四五六七八九十百]+)(大|条|级|类|个|项|座|所|张|家|批)/g;
