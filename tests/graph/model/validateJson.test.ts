/** PlanGraph JSON is checked where it enters (the loader's --in file, the explorer's snapshot). */
import { describe, expect, it } from 'vitest';
import { parsePlanGraphJson, PlanGraphJsonError, validatePlanGraphJson } from '../../../graph/model/validateJson.ts';
import { builtInGraph } from '../support.ts';

const good = () => JSON.parse(JSON.stringify(builtInGraph())) as Record<string, unknown> & {
  format: string;
  nodes: { kind: string; sources: { end: number }[] }[];
  edges: { target: string }[];
};

describe('validatePlanGraphJson', () => {
  it('accepts the built-in graph', () => {
    expect(validatePlanGraphJson(good()).nodes).toHaveLength(builtInGraph().nodes.length);
  });

  it('names the file and lists what is wrong', () => {
    const bad = good();
    bad.format = 'other';
    bad.nodes[0]!.kind = 'Alien';
    bad.edges[0]!.target = 'missing';
    try {
      validatePlanGraphJson(bad, 'snap.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PlanGraphJsonError);
      expect((e as Error).message).toMatch(/^snap\.json: not valid PlanGraph JSON/);
      const problems = (e as PlanGraphJsonError).problems.join('\n');
      expect(problems).toMatch(/format is "other"/);
      expect(problems).toMatch(/unknown kind "Alien"/);
      expect(problems).toMatch(/target "missing" is not a node/);
    }
  });

  it('rejects spans outside their document', () => {
    const bad = good();
    bad.nodes[0]!.sources[0]!.end = 10 ** 9;
    expect(() => validatePlanGraphJson(bad)).toThrow(/lies outside/);
  });

  it('rejects non-objects and non-JSON', () => {
    expect(() => validatePlanGraphJson(null)).toThrow(PlanGraphJsonError);
    expect(() => validatePlanGraphJson([])).toThrow(/top level is not an object/);
    expect(() => parsePlanGraphJson('{"format":', 'x.json')).toThrow(/^x\.json: .*it is not JSON/);
  });
});
