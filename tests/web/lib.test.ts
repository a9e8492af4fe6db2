import { describe, expect, it } from 'vitest';
import { sentenceAround } from '../../graph/model/sentence.ts';
import type { PlanGraph } from '../../graph/model/types.ts';
import type { Quote } from '../../graph/query/api.ts';
import { validatePlanGraphJson as validatePlanGraph } from '../../graph/model/validateJson.ts';
import { explain, isConnectionLost, problemOf, problemText, ReasonError, reasonText } from '../../web/src/data/reasons.ts';
import { t } from '../../web/src/i18n.ts';
import { csvField, toCsv, toGraphml, toJson } from '../../web/src/lib/export.ts';
import { groupQuotes, quoteParts } from '../../web/src/lib/quote.ts';
import { segmentText } from '../../web/src/lib/segments.ts';
import { toSvg, wrapLabel } from '../../web/src/lib/svg.ts';
import { DEFAULT_URL_STATE, decodeUrlState, encodeUrlState, type UrlState } from '../../web/src/url.ts';
import fixtureJson from './fixture/plangraph.fixture.json';

const fixture: PlanGraph = validatePlanGraph(fixtureJson);
const tiny = {
  nodes: fixture.nodes.filter((n) => n.id === 'goal:rd-intensity' || n.id === 'task:core-tech'),
  edges: fixture.edges.filter((e) => e.source === 'task:core-tech' && e.target === 'goal:rd-intensity'),
};

describe('export serializers', () => {
  it('JSON round-trips the subgraph', () => {
    expect(JSON.parse(toJson(tiny))).toEqual({ nodes: tiny.nodes, edges: tiny.edges });
  });
  it('GraphML is well-formed with typed keys and escaped text', () => {
    const g = toGraphml({ nodes: [{ ...tiny.nodes[0]!, name: { zh: '<甲&乙>', en: 'a "b"' } }], edges: [] });
    expect(g).toContain('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">');
    expect(g).toContain('&lt;甲&amp;乙&gt;');
    expect(g).toContain('a &quot;b&quot;');
    expect(g).toMatch(/<key id="n_target" for="node" attr.name="target" attr.type="double"\/>/);
    const full = toGraphml(tiny);
    expect(full).toContain('<edge id="SERVES:task:core-tech-&gt;goal:rd-intensity" source="task:core-tech" target="goal:rd-intensity">');
    expect(full.match(/<node /g)).toHaveLength(2);
    expect(full.trim().endsWith('</graphml>')).toBe(true);
  });
  it('CSV quotes fields that need it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    const { nodes, edges } = toCsv(tiny);
    const rows = nodes.trim().split('\r\n');
    expect(rows[0]).toBe('id,kind,name_zh,name_en,target,unit,year');
    expect(rows).toContain('goal:rd-intensity,Goal,研发经费投入强度,R&D spending as a share of GDP,5.7,%,2027');
    expect(edges.split('\r\n')[0]).toBe('id,type,source,target,basis,rationale');
  });
});

describe('SVG export', () => {
  it('draws nodes, edges and wrapped labels', () => {
    const svg = toSvg(
      [
        { id: 'a', kind: 'Goal', label: '研发经费投入强度', x: 0, y: 0, w: 36, h: 36 },
        { id: 'b', kind: 'Task', label: 'Breakthroughs in three core technologies', x: 0, y: 120, w: 26, h: 26, faded: true },
      ],
      [{ id: 'e', source: 'b', target: 'a', colour: '#b45309' }],
      'sans-serif',
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<polygon');
    expect(svg).toContain('<ellipse');
    expect(svg).toContain('<line');
    expect(svg).toContain('opacity="0.15"');
    expect(svg).toContain('研发经费投入强度');
  });
  it('wraps CJK by character and Latin by word', () => {
    expect(wrapLabel('一二三四五六七八九十十一', 5)).toEqual(['一二三四五', '六七八九十', '十一']);
    expect(wrapLabel('alpha beta gamma delta', 7)).toEqual(['alpha beta', 'gamma delta']);
    // Canvas labels carry zero-width break points (labels.ts), dropped in the drawing.
    expect(wrapLabel('一\u200b二\u200b三\u200b四\u200b五\u200bGDP', 4)).toEqual(['一二三四', '五GDP']);
  });
  it('draws the overview as the canvas does: labels right of list entries, bent tree edges', () => {
    const svg = toSvg(
      [
        { id: 'p', kind: 'Plan', label: '规划', x: 0, y: 0, w: 56, h: 36, labelAt: 'above', fontSize: 15, bold: true },
        { id: 'a', kind: 'Action', label: '行动', x: -40, y: 100, w: 34, h: 34, labelAt: 'right', maxEm: 10 },
      ],
      [{ id: 'e', source: 'p', target: 'a', colour: '#15803d', plain: true, bends: [{ x: 0, y: 60 }, { x: -40, y: 60 }] }],
      'sans-serif',
    );
    expect(svg).toContain('<polyline points="0,0 0,60 -40,60 -40,83"');
    expect(svg).not.toContain('marker-end');
    expect(svg).toContain('text-anchor="start"');
    expect(svg).toContain('font-size="15" font-weight="bold"');
  });
});

describe('URL state', () => {
  it('round-trips every part', () => {
    const states: UrlState[] = [
      DEFAULT_URL_STATE,
      { selected: 'lab:jinfeng', focus: { mode: 'goals', id: 'lab:jinfeng' }, hiddenKinds: ['Goal', 'Place'], layout: 'cose', lang: 'en', panel: 'list' },
      { ...DEFAULT_URL_STATE, focus: { mode: 'path', from: 'a/b', to: 'c&d' } },
      { ...DEFAULT_URL_STATE, focus: { mode: 'path', from: 'a/b', to: 'c&d', viaPlan: true } },
      { ...DEFAULT_URL_STATE, focus: { mode: 'neighbours', id: 'x', expanded: ['y', 'z'] }, panel: 'coverage' },
      { ...DEFAULT_URL_STATE, focus: { mode: 'serving', id: 'goal:1' } },
    ];
    for (const s of states) expect(decodeUrlState(encodeUrlState(s))).toEqual(s);
  });
  it('leaves defaults out and ignores junk', () => {
    expect(encodeUrlState(DEFAULT_URL_STATE)).toBe('');
    // The path view avoids the plan node by default: only going via it is written.
    expect(encodeUrlState({ ...DEFAULT_URL_STATE, focus: { mode: 'path', from: 'a', to: 'b' } })).toBe('?focus=path&from=a&to=b');
    expect(encodeUrlState({ ...DEFAULT_URL_STATE, focus: { mode: 'path', from: 'a', to: 'b', viaPlan: true } })).toBe('?focus=path&from=a&to=b&via=plan');
    expect(decodeUrlState('?focus=path&from=a&to=b&via=junk').focus).toStrictEqual({ mode: 'path', from: 'a', to: 'b' });
    expect(decodeUrlState('?layout=spiral&lang=fr&hide=Goal,Alien&focus=goals')).toEqual({ ...DEFAULT_URL_STATE, hiddenKinds: ['Goal'] });
  });
});

describe('document segments', () => {
  it('cuts at span boundaries, picks the tightest node and marks highlights', () => {
    const segs = segmentText(10, [{ node: 'outer', start: 0, end: 8 }, { node: 'inner', start: 2, end: 4 }], [{ start: 2, end: 6 }]);
    expect(segs).toEqual([
      { start: 0, end: 2, node: 'outer', mark: -1, context: false },
      { start: 2, end: 4, node: 'inner', mark: 0, context: false },
      { start: 4, end: 6, node: 'outer', mark: 0, context: false },
      { start: 6, end: 8, node: 'outer', mark: -1, context: false },
      { start: 8, end: 10, node: null, mark: -1, context: false },
    ]);
  });
  it('marks the sentence around the active passage', () => {
    const segs = segmentText(10, [], [{ start: 3, end: 5 }], { start: 1, end: 7 });
    expect(segs.map((s) => [s.start, s.end, s.mark, s.context])).toEqual([
      [0, 1, -1, false],
      [1, 3, -1, true],
      [3, 5, 0, true],
      [5, 7, -1, true],
      [7, 10, -1, false],
    ]);
  });
});

describe('quoteParts', () => {
  const text = '一、总体要求。依托金凤实验室、云创实验室建设,构建四级实验室体系;推进其他。';
  const start = text.indexOf('金凤实验室');
  const q = { span: { doc: 'd', start, end: start + 5 }, text: '金凤实验室' };
  it('shows the sentence with the span marked, from the engine or the document', () => {
    const want = { before: '依托', mark: '金凤实验室', after: '、云创实验室建设,构建四级实验室体系;' };
    expect(quoteParts(q, text)).toEqual(want);
    const sentence = { start: text.indexOf('依托'), end: text.indexOf('推进'), text: text.slice(text.indexOf('依托'), text.indexOf('推进')) };
    expect(quoteParts({ ...q, sentence })).toEqual(want);
  });
  it('falls back to the span alone, and cuts very long context', () => {
    expect(quoteParts(q)).toEqual({ before: '', mark: '金凤实验室', after: '' });
    const long = `${'长'.repeat(300)}金凤实验室${'长'.repeat(300)}。`;
    const p = quoteParts({ span: { doc: 'd', start: 300, end: 305 }, text: '金凤实验室' }, long);
    expect(p.mark).toBe('金凤实验室');
    expect(p.before.startsWith('…')).toBe(true);
    expect(p.after.endsWith('…')).toBe(true);
    expect(p.before.length + p.after.length).toBeLessThan(200);
  });
});

describe('groupQuotes', () => {
  // A main text and a Q&A part that repeats one of its sentences word for word.
  const main = '一、主要任务。依托金凤实验室建设,构建四级实验室体系;推进金凤实验室与高校合作。';
  const qa = '二、政策解读。依托金凤实验室建设,构建四级实验室体系;';
  const text = `${main}\n${qa}`;
  const at = (from: number): Quote => {
    const start = text.indexOf('金凤实验室', from);
    return { span: { doc: 'd', start, end: start + 5 }, text: '金凤实验室' };
  };
  const first = at(0);
  const second = at(first.span.end); // 推进金凤实验室…: another sentence
  const repeat = at(main.length); // the Q&A's copy of the first sentence
  const docText = (doc: string): string | undefined => (doc === 'd' ? text : undefined);

  it('puts quotes with the same sentence in one group with every place, in order; distinct sentences apart', () => {
    const groups = groupQuotes([first, second, repeat], docText);
    expect(groups.map((g) => g.places)).toEqual([[0, 2], [1]]);
    expect(groups[0]!.parts).toEqual({ before: '依托', mark: '金凤实验室', after: '建设,构建四级实验室体系;' });
    expect(groups[1]!.parts.after).toBe('与高校合作。');
  });
  it('uses the engine’s sentences when it gives them (live mode), without the document', () => {
    const withSentence = (q: Quote): Quote => {
      const s = sentenceAround(text, q.span);
      return { ...q, sentence: s };
    };
    expect(groupQuotes([first, second, repeat].map(withSentence)).map((g) => g.places)).toEqual([[0, 2], [1]]);
  });
  it('keeps apart the same sentence with a different span marked, and quotes with no known sentence', () => {
    const s = text.indexOf('四级实验室体系');
    const other: Quote = { span: { doc: 'd', start: s, end: s + 7 }, text: '四级实验室体系' };
    expect(groupQuotes([first, other, repeat], docText).map((g) => g.places)).toEqual([[0, 2], [1]]);
    // Without the text the sentence is unknown: each quote is its own block.
    expect(groupQuotes([first, repeat]).map((g) => g.places)).toEqual([[0], [1]]);
    expect(groupQuotes([])).toEqual([]);
  });
});

describe('i18n', () => {
  it('fills placeholders in both languages', () => {
    expect(t('zh', 'more', { n: 3 })).toBe('还有 3 个…');
    expect(t('en', 'more', { n: 3 })).toBe('3 more…');
    expect(t('en', 'search')).toBe('Search');
    expect(t('zh', 'details')).toBe('详情');
  });
});

describe('live-mode reasons', () => {
  it('names the usual failures, in both languages', () => {
    const auth = explain({ code: 'Neo.ClientError.Security.Unauthorized', message: 'The client is unauthorized' });
    expect(auth.key).toBe('reason.auth');
    expect(reasonText('en', auth)).toBe('wrong user or password (Neo.ClientError.Security.Unauthorized)');
    expect(reasonText('zh', auth)).toBe('用户名或密码错误（Neo.ClientError.Security.Unauthorized）');
    const down = explain({ code: 'ServiceUnavailable', message: 'Could not perform discovery' }, 'bolt://db:7687');
    expect(reasonText('en', down)).toMatch(/^no answer from bolt:\/\/db:7687: refused/);
    expect(reasonText('zh', down)).toMatch(/^bolt:\/\/db:7687 没有响应/);
    expect(explain(new Error('WebSocket connection failure')).key).toBe('reason.unreachable');
    expect(explain({ code: 'Neo.ClientError.Database.DatabaseNotFound', message: 'Database does not exist: x' }).key).toBe('reason.noDatabase');
    expect(explain({ code: 'Neo.ClientError.Security.Forbidden', message: 'no' }).key).toBe('reason.forbidden');
    const other = explain(new Error('something odd'));
    expect(reasonText('zh', other)).toBe('something odd（—）');
    // Every reason key has text in both languages.
    for (const r of [auth, down, other, explain({ code: 'Neo.ClientError.Security.Forbidden' })]) {
      expect(reasonText('zh', r)).not.toContain('{');
      expect(reasonText('en', r)).not.toContain('{');
    }
  });
  it('keeps a failure as a problem, says it in either language, and knows a lost connection', () => {
    const lost = problemOf(new ReasonError(explain({ code: 'SessionExpired', message: 'x' }, 'bolt://db:7687')));
    expect(isConnectionLost(lost)).toBe(true);
    expect(problemText('zh', lost)).toMatch(/^bolt:\/\/db:7687 没有响应/);
    expect(t('en', 'searchFailed', { reason: problemText('en', lost) })).toMatch(/^Search failed: no answer from bolt:\/\/db:7687/);
    const plain = problemOf(new Error('boom'));
    expect(plain).toEqual({ message: 'boom', reason: null });
    expect(problemText('zh', plain)).toBe('boom');
    expect(isConnectionLost(plain)).toBe(false);
    expect(isConnectionLost(problemOf(new ReasonError(explain({ code: 'Neo.ClientError.Security.Unauthorized' }))))).toBe(false);
    expect(isConnectionLost(null)).toBe(false);
  });
  it('travels inside an error with an English message', () => {
    const e = new ReasonError(explain({ code: 'Neo.ClientError.Security.Unauthorized' }));
    expect(e.message).toBe('wrong user or password (Neo.ClientError.Security.Unauthorized)');
    expect(explain(e)).toBe(e.reason);
  });
});
