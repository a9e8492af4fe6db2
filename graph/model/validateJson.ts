/**
 * Structural validation of PlanGraph JSON (format plangraph/1) where it enters a program from a
 * file: every field has the type the model says, prop values are PropValues (finite numbers,
 * homogeneous lists), spans are integer ranges inside their document, edges join nodes that
 * exist and ids are unique. Returns the input typed as PlanGraph, or throws
 * PlanGraphJsonError whose message names the file and the first problems.
 */
import { FORMAT, isEdgeType, isNodeKind, type PlanGraph } from './types.ts';

export class PlanGraphJsonError extends Error {
  override name = 'PlanGraphJsonError';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    const shown = problems.slice(0, 3).join('; ');
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
    super(`${file}: not valid PlanGraph JSON (${FORMAT}): ${shown}${more}`);
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const MAX_PROBLEMS = 50;

function propValueProblem(v: unknown): string | null {
  if (typeof v === 'string' || typeof v === 'boolean') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? null : 'is not a finite number';
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) return null;
    if (v.every((x) => typeof x === 'number' && Number.isFinite(x))) return null;
    return 'is a list mixing types (only all strings or all finite numbers)';
  }
  return `has unsupported type ${v === null ? 'null' : typeof v}`;
}

/** Validates parsed JSON; `file` names the input in messages. */
export function validatePlanGraphJson(json: unknown, file = 'input'): PlanGraph {
  const problems: string[] = [];
  const add = (p: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  if (!isObj(json)) throw new PlanGraphJsonError(file, ['the top level is not an object']);
  if (json.format !== FORMAT) add(`format is ${JSON.stringify(json.format)}, expected "${FORMAT}"`);

  const docLength = new Map<string, number>();
  if (!Array.isArray(json.documents)) add('documents is not an array');
  else
    json.documents.forEach((d: unknown, i) => {
      const where = `documents[${i}]`;
      if (!isObj(d)) return add(`${where} is not an object`);
      for (const key of ['id', 'title', 'issuer', 'published', 'text'] as const) {
        if (!isStr(d[key])) add(`${where}.${key} is not a string`);
      }
      if (d.meta !== undefined && (!isObj(d.meta) || !Object.values(d.meta).every(isStr))) add(`${where}.meta is not a map of strings`);
      if (isStr(d.id)) {
        if (docLength.has(d.id)) add(`${where} repeats document id ${d.id}`);
        docLength.set(d.id, isStr(d.text) ? d.text.length : 0);
      }
    });

  const checkProps = (props: unknown, where: string): void => {
    if (!isObj(props)) return add(`${where}.props is not an object`);
    for (const [key, value] of Object.entries(props)) {
      const problem = propValueProblem(value);
      if (problem) add(`${where}.props.${key} ${problem}`);
    }
  };
  const checkSpans = (spans: unknown, where: string): void => {
    if (!Array.isArray(spans)) return add(`${where}.sources is not an array`);
    spans.forEach((s: unknown, i) => {
      const at = `${where}.sources[${i}]`;
      if (!isObj(s) || !isStr(s.doc) || !Number.isInteger(s.start) || !Number.isInteger(s.end)) {
        return add(`${at} is not a span {doc, start, end} with integer offsets`);
      }
      const length = docLength.get(s.doc);
      const start = s.start as number;
      const end = s.end as number;
      if (length === undefined) add(`${at} names unknown document ${s.doc}`);
      else if (start < 0 || end < start || end > length) add(`${at} ${start}–${end} lies outside ${s.doc} (length ${length})`);
    });
  };

  const nodeIds = new Set<string>();
  if (!Array.isArray(json.nodes)) add('nodes is not an array');
  else
    json.nodes.forEach((n: unknown, i) => {
      if (!isObj(n) || !isStr(n.id) || n.id === '') return add(`nodes[${i}] has no id`);
      const where = `nodes[${i}] (${n.id})`;
      if (nodeIds.has(n.id)) add(`${where} repeats node id ${n.id}`);
      nodeIds.add(n.id);
      if (!isNodeKind(n.kind)) add(`${where} has unknown kind ${JSON.stringify(n.kind)}`);
      if (!isObj(n.name) || !isStr(n.name.zh) || !isStr(n.name.en)) add(`${where}.name lacks zh/en strings`);
      else if (n.name.pinyin !== undefined && !isStr(n.name.pinyin)) add(`${where}.name.pinyin is not a string`);
      checkProps(n.props, where);
      checkSpans(n.sources, where);
    });

  const edgeIds = new Set<string>();
  if (!Array.isArray(json.edges)) add('edges is not an array');
  else
    json.edges.forEach((e: unknown, i) => {
      if (!isObj(e) || !isStr(e.id) || e.id === '') return add(`edges[${i}] has no id`);
      const where = `edges[${i}] (${e.id})`;
      if (edgeIds.has(e.id)) add(`${where} repeats edge id ${e.id}`);
      edgeIds.add(e.id);
      if (!isEdgeType(e.type)) add(`${where} has unknown type ${JSON.stringify(e.type)}`);
      if (!isStr(e.source) || !nodeIds.has(e.source)) add(`${where} source ${JSON.stringify(e.source)} is not a node`);
      if (!isStr(e.target) || !nodeIds.has(e.target)) add(`${where} target ${JSON.stringify(e.target)} is not a node`);
      checkProps(e.props, where);
      if (isObj(e.props)) {
        if (e.props.basis !== 'stated' && e.props.basis !== 'inferred') add(`${where}.props.basis is not "stated" or "inferred"`);
        if (e.props.rationale !== undefined && !isStr(e.props.rationale)) add(`${where}.props.rationale is not a string`);
      }
      checkSpans(e.sources, where);
    });

  if (json.warnings !== undefined && !Array.isArray(json.warnings)) add('warnings is not an array');
  if (problems.length > 0) throw new PlanGraphJsonError(file, problems);
  if (json.warnings === undefined) json.warnings = [];
  return json as unknown as PlanGraph;
}

/** Parses text as JSON and validates it; a syntax error becomes a PlanGraphJsonError too. */
export function parsePlanGraphJson(text: string, file = 'input'): PlanGraph {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PlanGraphJsonError(file, [`it is not JSON (${(error as Error).message})`]);
  }
  return validatePlanGraphJson(json, file);
}
