/**
 * The boundary between Neo4j values and PlanGraph shapes, for the Cypher engine: every value
 * that comes back from the database is checked and converted here (neo4j Integer → number,
 * flattened properties → PlanNode/PlanEdge), so the engine hands out exactly the shapes the
 * memory engine does.
 *
 * Storage, as graph/neo4j/loader.ts writes it:
 *   (:PlanNode:<Kind> {id, kind, name_zh, name_en, name_pinyin?, prop_<key>..., source_doc[],
 *                      source_start[], source_end[], plans[]})
 *   ()-[:<TYPE> {id, basis, rationale?, prop_<key>..., source_doc[], source_start[], source_end[], plans[]}]->()
 *   (:Document {id, title, issuer, published, text, meta_<key>..., plans[]})
 * Integers come back as neo4j Integers, other numbers as floats; `plans` is the loader's
 * bookkeeping and not part of the model.
 */
import neo4j from 'neo4j-driver';
import type { EdgeType, NodeKind, PlanEdge, PlanNode, PropValue, Props, Span } from '../model/types.ts';
import { isEdgeType, isNodeKind, NODE_KINDS } from '../model/types.ts';

export class StorageShapeError extends Error {
  override name = 'StorageShapeError';
}

/** A neo4j Integer (or a plain number) as a JS number; throws outside the safe range. */
export function toNumber(value: unknown, what: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return safe(Number(value), what);
  if (neo4j.isInt(value)) {
    if (!value.inSafeRange()) throw new StorageShapeError(`${what}: integer ${value.toString()} out of safe range`);
    return value.toNumber();
  }
  throw new StorageShapeError(`${what}: expected a number, got ${describe(value)}`);
}

function safe(n: number, what: string): number {
  if (!Number.isSafeInteger(n)) throw new StorageShapeError(`${what}: integer ${n} out of safe range`);
  return n;
}

export function toStr(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  throw new StorageShapeError(`${what}: expected a string, got ${describe(value)}`);
}

function optStr(value: unknown, what: string): string | undefined {
  return value === null || value === undefined ? undefined : toStr(value, what);
}

/** A list value (null/undefined give []). */
export function list(value: unknown, what: string): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value;
  throw new StorageShapeError(`${what}: expected a list, got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
}

/** A stored property value back to a PropValue (Integers to numbers, lists kept homogeneous). */
function toPropValue(value: unknown, what: string): PropValue {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' || neo4j.isInt(value) || typeof value === 'bigint') return toNumber(value, what);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return value as string[];
    return value.map((v, i) => toNumber(v, `${what}[${i}]`));
  }
  throw new StorageShapeError(`${what}: unsupported property value ${describe(value)}`);
}

function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new StorageShapeError(`${what}: expected a map, got ${describe(value)}`);
}

function propsFrom(p: Record<string, unknown>, reserved: ReadonlySet<string>, what: string): Props {
  const props: Props = {};
  for (const [k, v] of Object.entries(p)) {
    if (reserved.has(k) || v === null || v === undefined) continue;
    if (k.startsWith('prop_')) props[k.slice(5)] = toPropValue(v, `${what}.${k}`);
  }
  return props;
}

function spansFrom(p: Record<string, unknown>, what: string): Span[] {
  const docs = list(p.source_doc, `${what}.source_doc`);
  const starts = list(p.source_start, `${what}.source_start`);
  const ends = list(p.source_end, `${what}.source_end`);
  if (docs.length !== starts.length || docs.length !== ends.length)
    throw new StorageShapeError(`${what}: source_doc/start/end lengths differ`);
  return docs.map((d, i) => ({
    doc: toStr(d, `${what}.source_doc[${i}]`),
    start: toNumber(starts[i], `${what}.source_start[${i}]`),
    end: toNumber(ends[i], `${what}.source_end[${i}]`),
  }));
}

const NODE_RESERVED = new Set(['id', 'kind', 'name_zh', 'name_en', 'name_pinyin', 'source_doc', 'source_start', 'source_end', 'plans']);
const EDGE_RESERVED = new Set(['id', 'basis', 'rationale', 'source_doc', 'source_start', 'source_end', 'plans']);

/** A node from its property map (`n {.*}`) and, when `kind` is not stored, its labels. */
export function toPlanNode(properties: unknown, labels?: unknown): PlanNode {
  const p = asRecord(properties, 'node');
  const id = toStr(p.id, 'node.id');
  const what = `node ${id}`;
  let kind: NodeKind | undefined;
  if (p.kind !== undefined && p.kind !== null) {
    if (!isNodeKind(p.kind)) throw new StorageShapeError(`${what}: unknown kind ${String(p.kind)}`);
    kind = p.kind;
  } else {
    const ls = list(labels, `${what}.labels`);
    kind = NODE_KINDS.find((k) => ls.includes(k));
    if (!kind) throw new StorageShapeError(`${what}: no kind property or label`);
  }
  const pinyin = optStr(p.name_pinyin, `${what}.name_pinyin`);
  const zh = toStr(p.name_zh, `${what}.name_zh`);
  const en = toStr(p.name_en, `${what}.name_en`);
  return {
    id,
    kind,
    name: pinyin === undefined ? { zh, en } : { zh, en, pinyin },
    props: propsFrom(p, NODE_RESERVED, what),
    sources: spansFrom(p, what),
  };
}

/** An edge from its property map (`r {.*}`), `type(r)` and its end node ids. */
export function toPlanEdge(properties: unknown, type: unknown, source: unknown, target: unknown): PlanEdge {
  const p = asRecord(properties, 'edge');
  const id = toStr(p.id, 'edge.id');
  const what = `edge ${id}`;
  if (!isEdgeType(type)) throw new StorageShapeError(`${what}: unknown type ${String(type)}`);
  const basis = toStr(p.basis, `${what}.basis`);
  if (basis !== 'stated' && basis !== 'inferred') throw new StorageShapeError(`${what}: bad basis ${basis}`);
  const rationale = optStr(p.rationale, `${what}.rationale`);
  const rest = propsFrom(p, EDGE_RESERVED, what);
  const props: PlanEdge['props'] = rationale === undefined ? { ...rest, basis } : { ...rest, basis, rationale };
  return {
    id,
    type: type as EdgeType,
    source: toStr(source, `${what}.source`),
    target: toStr(target, `${what}.target`),
    props,
    sources: spansFrom(p, what),
  };
}
