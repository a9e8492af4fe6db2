/**
 * The build: every plan found (source text + metadata + optional curation) is
 * extracted, curated, merged into one graph — the same thing named by two plans
 * is one node — validated, and returned with its warnings. Nothing is written here;
 * a failed build throws before the caller writes anything.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { extract, ExtractionError, type Extraction } from '../extract/index.ts';
import { edgeId, toPinyin } from '../extract/draft.ts';
import { FORMAT, type GraphWarning, type PlanDocument, type PlanEdge, type PlanGraph, type PlanNode } from '../model/types.ts';
import { parseCuration, type Curation } from './curation.ts';
import { BuildError, BuildErrors } from './errors.ts';
import { validateGraph } from './validate.ts';
import { readPlanText } from './input.ts';
import { parseMetaFile, type PlanMeta } from './meta.ts';

export { BuildError, BuildErrors } from './errors.ts';

export interface PlanInput {
  meta: PlanMeta;
  /** Where the text came from, for messages. */
  textFile: string;
  text: string;
  curation?: Curation;
}

export const DEFAULT_SOURCES_DIR = new URL('../sources/', import.meta.url).pathname;
export const DEFAULT_PLANS_DIR = new URL('../plans/', import.meta.url).pathname;

/** Find every plan: each `<name>.meta.json` in the sources folder names its text; curation is `<plans>/<id>.yaml`. */
export function discoverPlans(sourcesDir = DEFAULT_SOURCES_DIR, plansDir = DEFAULT_PLANS_DIR): PlanInput[] {
  if (!existsSync(sourcesDir)) throw new BuildError(sourcesDir, 'the sources folder does not exist');
  const metaFiles = readdirSync(sourcesDir).filter((f) => f.endsWith('.meta.json')).sort();
  if (metaFiles.length === 0) throw new BuildError(sourcesDir, 'no plan found: expected <name>.meta.json beside <name>.txt');
  const errors: Error[] = [];
  const plans: PlanInput[] = [];
  for (const file of metaFiles) {
    try {
      const metaPath = join(sourcesDir, file);
      const meta = parseMetaFile(rel(metaPath), readFileSync(metaPath, 'utf8'));
      const textFile = join(sourcesDir, meta.text);
      const text = readPlanText(rel(textFile));
      const curationPath = join(plansDir, `${meta.id}.yaml`);
      const plan: PlanInput = { meta, textFile: rel(textFile), text };
      if (existsSync(curationPath)) {
        plan.curation = parseCuration(rel(curationPath), readFileSync(curationPath, 'utf8'));
        if (plan.curation.plan && plan.curation.plan !== meta.id) {
          throw new BuildError(rel(curationPath), `names plan ${plan.curation.plan}, but the file is for ${meta.id}`, 1, 'plan');
        }
      }
      plans.push(plan);
    } catch (error) {
      errors.push(error as Error);
    }
  }
  if (errors.length > 0) throw errors.length === 1 ? errors[0]! : new BuildErrors(errors);
  const ids = new Map<string, string>();
  for (const p of plans) {
    const other = ids.get(p.meta.id);
    if (other) throw new BuildError(p.textFile, `plan id ${p.meta.id} is already used by ${other}`);
    ids.set(p.meta.id, p.textFile);
  }
  return plans;
}

/** A plan from a lone text file, with no metadata or curation: the draft mode. */
export function planFromTextFile(file: string): PlanInput {
  const text = readPlanText(file);
  const id = basename(file).replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'plan';
  return { meta: { id, text: basename(file) }, textFile: file, text };
}

export interface BuildOptions {
  /** Apply curation files (default true); drafts of unseen texts are built without. */
  curate?: boolean;
}

export function buildGraph(plans: PlanInput[], options: BuildOptions = {}): PlanGraph {
  const curate = options.curate ?? true;
  const extractions: Array<{ plan: PlanInput; result: Extraction }> = [];
  const errors: Error[] = [];
  for (const plan of plans) {
    try {
      const result = extract({ id: plan.meta.id, text: plan.text, meta: metaOverrides(plan.meta) });
      result.document.meta = documentMeta(plan);
      const planNode = result.nodes.find((n) => n.id === plan.meta.id);
      if (planNode && plan.meta.titleEn) planNode.name.en = plan.meta.titleEn;
      if (curate && plan.curation) applyCuration(result, plan.curation);
      extractions.push({ plan, result });
    } catch (error) {
      if (error instanceof ExtractionError) errors.push(new BuildError(plan.textFile, error.message, 1));
      else errors.push(error as Error);
    }
  }
  if (errors.length > 0) throw errors.length === 1 ? errors[0]! : new BuildErrors(errors);

  const graph = mergePlans(extractions.map((e) => e.result));
  if (curate) {
    for (const { plan, result } of extractions) {
      if (plan.curation) addCuratedEdges(graph, result.document, plan.curation);
    }
  }
  sortGraph(graph);
  graph.warnings.push(...coverageWarnings(graph));
  const problems = validateGraph(graph);
  if (problems.length > 0) {
    throw new BuildErrors(problems.map((p) => new Error(p)));
  }
  return graph;
}

function metaOverrides(meta: PlanMeta): Record<string, string> {
  const out: Record<string, string> = {};
  if (meta.title) out.title = meta.title;
  if (meta.issuer) out.issuer = meta.issuer;
  if (meta.published) out.published = meta.published;
  return out;
}

function documentMeta(plan: PlanInput): Record<string, string> {
  const { id: _id, text: _text, ...rest } = plan.meta;
  const meta: Record<string, string> = { file: basename(plan.textFile) };
  for (const [k, v] of Object.entries(rest)) if (typeof v === 'string') meta[k] = v;
  return meta;
}

function applyCuration(result: Extraction, curation: Curation): void {
  const errors: BuildError[] = [];
  const nodes = new Map(result.nodes.map((n) => [n.id, n]));
  const need = (id: string, line: number, key: string) => {
    if (!nodes.has(id)) errors.push(new BuildError(curation.file, `unknown node id ${JSON.stringify(id)}${suggest(id, nodes)}`, line, key));
    return nodes.has(id);
  };
  for (const { id, line } of curation.remove) {
    if (!need(id, line, 'remove')) continue;
    nodes.delete(id);
    result.edges = result.edges.filter((e) => e.source !== id && e.target !== id);
  }
  for (const { into, from, line } of curation.merge) {
    if (!need(into, line, 'merge.into')) continue;
    for (const id of from) {
      if (!need(id, line, 'merge.from')) continue;
      const target = nodes.get(into)!;
      target.sources.push(...nodes.get(id)!.sources);
      nodes.delete(id);
      rewire(result, id, into);
    }
  }
  for (const [id, { line }] of curation.kinds) if (need(id, line, id)) nodes.get(id)!.kind = curation.kinds.get(id)!.kind;
  for (const [id, { en, line }] of curation.names) if (need(id, line, id)) nodes.get(id)!.name.en = en;
  for (const [id, { props, line }] of curation.props) if (need(id, line, id)) Object.assign(nodes.get(id)!.props, props);
  for (const [id, { id: other, line }] of curation.sameAs) {
    if (!need(id, line, id)) continue;
    const node = nodes.get(id)!;
    nodes.delete(id);
    node.id = other;
    nodes.set(other, node);
    rewire(result, id, other);
  }
  if (errors.length > 0) throw errors.length === 1 ? errors[0]! : new BuildErrors(errors);
  result.nodes = [...nodes.values()];
}

function rewire(result: Extraction, from: string, to: string): void {
  const seen = new Map<string, PlanEdge>();
  for (const edge of result.edges) {
    if (edge.source === from) edge.source = to;
    if (edge.target === from) edge.target = to;
    edge.id = edgeId(edge.type, edge.source, edge.target);
    const twin = seen.get(edge.id);
    if (twin) twin.sources.push(...edge.sources);
    else seen.set(edge.id, edge);
  }
  result.edges = [...seen.values()].filter((e) => e.source !== e.target);
}

/** One graph from several plans: nodes with one id (the same thing) keep every plan's spans. */
function mergePlans(results: Extraction[]): PlanGraph {
  const nodes = new Map<string, PlanNode>();
  const edges = new Map<string, PlanEdge>();
  const warnings: GraphWarning[] = [];
  for (const result of results) {
    for (const node of result.nodes) {
      const known = nodes.get(node.id);
      if (!known) {
        nodes.set(node.id, { ...node, name: { ...node.name, pinyin: toPinyin(node.name.zh) } });
        continue;
      }
      known.sources.push(...node.sources);
      if (!known.name.en && node.name.en) known.name.en = node.name.en;
      for (const [k, v] of Object.entries(node.props)) if (!(k in known.props)) known.props[k] = v;
    }
    for (const edge of result.edges) {
      if (edge.sources.length === 0 && !edge.props.plan) edge.props.plan = result.document.id;
      const known = edges.get(edge.id);
      if (known) known.sources.push(...edge.sources);
      else edges.set(edge.id, edge);
    }
    warnings.push(...result.warnings);
  }
  return { format: FORMAT, documents: results.map((r) => r.document), nodes: [...nodes.values()], edges: [...edges.values()], warnings };
}

function addCuratedEdges(graph: PlanGraph, doc: PlanDocument, curation: Curation): void {
  const errors: BuildError[] = [];
  const byId = new Map(graph.edges.map((e) => [e.id, e]));
  const nodeMap = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const edge of curation.edges) {
    if (!nodeMap.has(edge.source)) errors.push(new BuildError(curation.file, `unknown node id ${JSON.stringify(edge.source)}${suggest(edge.source, nodeMap)}`, edge.line, 'source'));
    if (!nodeMap.has(edge.target)) errors.push(new BuildError(curation.file, `unknown node id ${JSON.stringify(edge.target)}${suggest(edge.target, nodeMap)}`, edge.line, 'target'));
    if (!nodeMap.has(edge.source) || !nodeMap.has(edge.target)) continue;
    const id = edgeId(edge.type, edge.source, edge.target);
    let sources: PlanEdge['sources'] = [];
    if (edge.quote !== undefined) {
      const at = doc.text.indexOf(edge.quote);
      if (!edge.quote || at < 0) {
        errors.push(new BuildError(curation.file, `the quote does not occur in ${doc.id}: ${JSON.stringify(edge.quote)}`, edge.line, 'quote'));
        continue;
      }
      sources = [{ doc: doc.id, start: at, end: at + edge.quote.length }];
    }
    const props: PlanEdge['props'] = sources.length > 0
      ? { basis: 'stated', rationale: edge.rationale }
      : { basis: 'inferred', rationale: edge.rationale, plan: doc.id };
    const known = byId.get(id);
    if (known) {
      Object.assign(known.props, props);
      known.sources.push(...sources);
      continue;
    }
    const added: PlanEdge = { id, type: edge.type, source: edge.source, target: edge.target, props, sources };
    graph.edges.push(added);
    byId.set(id, added);
  }
  if (errors.length > 0) throw errors.length === 1 ? errors[0]! : new BuildErrors(errors);
}

function suggest(id: string, nodes: Map<string, PlanNode>): string {
  const tail = id.split('/').pop() ?? id;
  const near = [...nodes.keys()].find((k) => k.endsWith(tail.slice(0, Math.max(3, tail.length - 3))) || k.includes(tail));
  return near ? ` (did you mean ${near}?)` : '';
}

/** Document order: by first span (document, then position), spanless last; ties by id. */
function sortGraph(graph: PlanGraph): void {
  const docIndex = new Map(graph.documents.map((d, i) => [d.id, i]));
  const key = (sources: PlanNode['sources']) => {
    const first = [...sources].sort((a, b) => (docIndex.get(a.doc) ?? 0) - (docIndex.get(b.doc) ?? 0) || a.start - b.start)[0];
    return first ? [docIndex.get(first.doc) ?? 0, first.start] : [Number.MAX_SAFE_INTEGER, 0];
  };
  const compare = <T extends { id: string; sources: PlanNode['sources'] }>(a: T, b: T) => {
    const [ad, as] = key(a.sources);
    const [bd, bs] = key(b.sources);
    // Ties keep their extraction order (sort is stable), which follows the text.
    return ad! - bd! || as! - bs!;
  };
  for (const item of [...graph.nodes, ...graph.edges]) {
    item.sources.sort((a, b) => (docIndex.get(a.doc) ?? 0) - (docIndex.get(b.doc) ?? 0) || a.start - b.start || a.end - b.end);
    item.sources = item.sources.filter((s, i, all) => i === 0 || s.doc !== all[i - 1]!.doc || s.start !== all[i - 1]!.start || s.end !== all[i - 1]!.end);
  }
  graph.nodes.sort(compare);
  graph.edges.sort(compare);
}

/** Goals with a target that nothing serves, and actions whose whole subtree serves nothing. */
export function coverageWarnings(graph: PlanGraph): GraphWarning[] {
  const warnings: GraphWarning[] = [];
  const servedGoals = new Set(graph.edges.filter((e) => e.type === 'SERVES').map((e) => e.target));
  const serving = new Set(graph.edges.filter((e) => e.type === 'SERVES').map((e) => e.source));
  const children = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (e.type === 'HAS_TASK' || e.type === 'INVOLVES' || e.type === 'FEEDS') {
      const list = children.get(e.source);
      if (list) list.push(e.target);
      else children.set(e.source, [e.target]);
    }
  }
  const reachesGoal = (id: string, seen = new Set<string>()): boolean => {
    if (serving.has(id)) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return (children.get(id) ?? []).some((c) => reachesGoal(c, seen));
  };
  for (const node of graph.nodes) {
    const span = node.sources[0];
    const at = span ? { doc: span.doc, start: span.start, end: span.end } : {};
    if (node.kind === 'Goal' && typeof node.props.target === 'number' && !servedGoals.has(node.id)) {
      warnings.push({ code: 'unserved-goal', message: `nothing serves the goal “${node.name.zh}”`, ...at, node: node.id });
    }
    if (node.kind === 'Action' && !reachesGoal(node.id)) {
      warnings.push({ code: 'action-serves-nothing', message: `the action “${node.name.zh}” serves no goal`, ...at, node: node.id });
    }
  }
  const unnamed = graph.nodes.filter((n) => !n.name.en).length;
  if (unnamed > 0) warnings.push({ code: 'missing-english', message: `${unnamed} of ${graph.nodes.length} nodes have no English name (add them under names: in the curation file)` });
  return warnings;
}

function rel(path: string): string {
  const r = relative(process.cwd(), path);
  return r.startsWith('..') ? path : r;
}
