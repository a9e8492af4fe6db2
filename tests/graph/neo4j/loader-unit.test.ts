/** Loader parts that need no server: plan membership, property flattening, input validation, version check. */
import neo4j, { type Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { checkServer, DEFAULT_NEO4J_CONFIG, neo4jConfigFromEnv } from '../../../graph/neo4j/connection.ts';
import { edgeProperties, nodeProperties, planSubgraphs, SCHEMA_STATEMENTS } from '../../../graph/neo4j/loader.ts';
import { parsePlanGraphJson, PlanGraphJsonError, validatePlanGraphJson } from '../../../graph/model/validateJson.ts';
import { FORMAT, type PlanGraph } from '../../../graph/model/types.ts';
import { syntheticLoadGraph } from '../../../scripts/bench/synthetic.ts';

const tiny: PlanGraph = {
  format: FORMAT,
  documents: [
    { id: 'P', title: 't', issuer: 'i', published: '2023-01-01', text: 'abcdef' },
    { id: 'Q', title: 't', issuer: 'i', published: '2023-01-01', text: 'ghijkl' },
  ],
  nodes: [
    { id: 'p', kind: 'Plan', name: { zh: '甲', en: 'p' }, props: { order: 1, share: 0.25, years: [2023, 2024] }, sources: [{ doc: 'P', start: 0, end: 1 }] },
    { id: 'q', kind: 'Plan', name: { zh: '乙', en: 'q' }, props: {}, sources: [{ doc: 'Q', start: 0, end: 1 }] },
    { id: 's', kind: 'Corridor', name: { zh: '丙', en: 's' }, props: {}, sources: [{ doc: 'Q', start: 2, end: 3 }] },
  ],
  edges: [
    { id: 'e1', type: 'RELATES_TO', source: 'p', target: 's', props: { basis: 'inferred', rationale: 'why', plan: 'P' }, sources: [] },
    { id: 'e2', type: 'RELATES_TO', source: 'q', target: 's', props: { basis: 'stated' }, sources: [{ doc: 'Q', start: 2, end: 3 }] },
  ],
  warnings: [],
};

describe('plan subgraphs', () => {
  it('puts each element in the plans it quotes, and closes each plan over its edges', () => {
    const [p, q] = planSubgraphs(tiny);
    expect(p!.plan).toBe('P');
    expect(p!.nodes.map((n) => n.id)).toEqual(['p', 's']); // s is quoted by Q but touched by P's edge e1
    expect(p!.edges.map((e) => e.id)).toEqual(['e1']);
    expect(q!.nodes.map((n) => n.id)).toEqual(['q', 's']);
    expect(q!.edges.map((e) => e.id)).toEqual(['e2']);
  });

  it('every synthetic plan is closed: its edges join its own nodes', () => {
    const graph = syntheticLoadGraph({ plans: 3, nodesPerPlan: 100 });
    for (const sub of planSubgraphs(graph)) {
      const ids = new Set(sub.nodes.map((n) => n.id));
      for (const e of sub.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    }
  });
});

describe('stored properties', () => {
  it('flattens props, keeps integers as Neo4j integers and fractions as floats', () => {
    const props = nodeProperties(tiny.nodes[0]!);
    expect(props.kind).toBe('Plan');
    expect(neo4j.isInt(props.prop_order)).toBe(true);
    expect(props.prop_share).toBe(0.25);
    expect((props.prop_years as unknown[]).every((v) => neo4j.isInt(v))).toBe(true);
    expect(props.source_doc).toEqual(['P']);
    expect((props.source_start as unknown[]).every((v) => neo4j.isInt(v))).toBe(true);
    expect(props).not.toHaveProperty('name_pinyin');
    const edge = edgeProperties(tiny.edges[0]!);
    expect(edge).toMatchObject({ id: 'e1', basis: 'inferred', rationale: 'why', prop_plan: 'P', source_doc: [] });
  });

  it('splices only whitelisted labels and types into schema statements', () => {
    for (const s of SCHEMA_STATEMENTS) expect(s).toMatch(/^CREATE (CONSTRAINT|FULLTEXT INDEX|INDEX) \w+ IF NOT EXISTS/);
  });
});

describe('PlanGraph JSON validation', () => {
  it('accepts a valid graph', () => {
    expect(validatePlanGraphJson(JSON.parse(JSON.stringify(tiny)), 'x.json').nodes).toHaveLength(3);
  });
  it('names the file and what is wrong', () => {
    const bad = JSON.parse(JSON.stringify(tiny)) as Record<string, unknown> & PlanGraph;
    bad.nodes[0]!.props.bad = [1, 'a'] as unknown as string[];
    bad.nodes[1]!.sources = [{ doc: 'P', start: 0, end: 99 }];
    bad.edges[0]!.target = 'nowhere';
    bad.edges[1]!.props.basis = 'guessed' as 'stated';
    let error: unknown;
    try {
      validatePlanGraphJson(bad, 'in.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanGraphJsonError);
    const problems = (error as PlanGraphJsonError).problems.join('\n');
    expect((error as Error).message).toMatch(/^in\.json: not valid PlanGraph JSON/);
    expect(problems).toMatch(/props\.bad is a list mixing types/);
    expect(problems).toMatch(/0–99 lies outside P \(length 6\)/);
    expect(problems).toMatch(/target "nowhere" is not a node/);
    expect(problems).toMatch(/basis is not "stated" or "inferred"/);
  });
  it('reports text that is not JSON, and a wrong format', () => {
    expect(() => parsePlanGraphJson('{', 'f.json')).toThrow(/f\.json: .*not JSON/);
    expect(() => parsePlanGraphJson('{"format":"x","documents":[],"nodes":[],"edges":[]}', 'f.json')).toThrow(/format is "x"/);
    expect(() => parsePlanGraphJson('[]', 'f.json')).toThrow(/top level is not an object/);
  });
});

describe('connection', () => {
  it('reads the environment with defaults', () => {
    expect(neo4jConfigFromEnv({})).toEqual(DEFAULT_NEO4J_CONFIG);
    expect(neo4jConfigFromEnv({ NEO4J_URI: 'neo4j+s://x.example:7687', NEO4J_DATABASE: 'plans' })).toMatchObject({ uri: 'neo4j+s://x.example:7687', database: 'plans' });
  });
  it('refuses a Neo4j older than 5', async () => {
    const fake = {
      executeQuery: async () => ({ records: [{ get: (key: string) => (key === 'version' ? '4.4.30' : 'community') }] }),
    } as unknown as Driver;
    await expect(checkServer(fake, DEFAULT_NEO4J_CONFIG)).rejects.toThrow(/is version 4\.4\.30; PlanGraph needs Neo4j 5 or later/);
  });
});
