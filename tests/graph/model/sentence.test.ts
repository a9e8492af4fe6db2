import { describe, expect, it } from 'vitest';
import { sentenceAround } from '../../../graph/model/sentence.ts';
import { builtInGraph, node } from '../support.ts';

describe('sentenceAround', () => {
  const text = '一、目标\n2027年,研发投入达5.7%。打造3个集群;完善体制';

  it('widens a name to its sentence, keeping the closing mark', () => {
    const at = text.indexOf('研发投入');
    expect(sentenceAround(text, { start: at, end: at + 4 }).text).toBe('2027年,研发投入达5.7%。');
  });

  it('stops at semicolons and at the end of the text', () => {
    const at = text.indexOf('集群');
    expect(sentenceAround(text, { start: at, end: at + 2 }).text).toBe('打造3个集群;');
    const last = text.indexOf('体制');
    expect(sentenceAround(text, { start: last, end: last + 2 }).text).toBe('完善体制');
  });

  it('gives a lab the plan’s sentence that names it', () => {
    const graph = builtInGraph();
    const span = node(graph, 'lab/jin-feng-shi-yan-shi').sources[0]!;
    const sentence = sentenceAround(graph.documents[0]!.text, span);
    expect(sentence.text).toBe('依托金凤实验室、机械传动等全国重点实验室、云创实验室和智能网联新能源汽车实验室建设,构建四级实验室体系;');
    expect(graph.documents[0]!.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });
});
