/**
 * Curation files (graph/plans/<plan>.yaml): what the text cannot say, reviewed like code.
 *
 *   plan: cq-hitech-2023            # must match the plan's id
 *   names:   { <node id>: English name }
 *   kinds:   { <node id>: Kind }                  # the kind of an ambiguous member
 *   props:   { <node id>: { key: value } }
 *   remove:  [<node id>]                          # something the extractor got wrong
 *   merge:   [{ into: <id>, from: [<id>, …] }]    # one thing named two ways
 *   same_as: { <node id>: <id in another plan> }  # the same thing across plans
 *   edges:   [{ type, source, target, rationale, quote? }]
 *
 * An edge with `quote` is stated: the quote must occur in the plan's text and becomes
 * its span. Without it the edge is inferred and its rationale is required.
 * Every reference is checked; an error names the file, the line and the key.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { isEdgeType, isNodeKind, type EdgeType, type NodeKind, type PropValue } from '../model/types.ts';
import { BuildError, BuildErrors } from './errors.ts';

export interface CuratedEdge {
  type: EdgeType;
  source: string;
  target: string;
  rationale: string;
  quote?: string;
  line: number;
}

export interface Curation {
  file: string;
  plan: string;
  names: Map<string, { en: string; line: number }>;
  kinds: Map<string, { kind: NodeKind; line: number }>;
  props: Map<string, { props: Record<string, PropValue>; line: number }>;
  remove: Array<{ id: string; line: number }>;
  merge: Array<{ into: string; from: string[]; line: number }>;
  sameAs: Map<string, { id: string; line: number }>;
  edges: CuratedEdge[];
}

const SECTIONS = new Set(['plan', 'names', 'kinds', 'props', 'remove', 'merge', 'same_as', 'edges']);

export function parseCuration(file: string, source: string): Curation {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: YamlNode | null | undefined | unknown): number => {
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  const errors: BuildError[] = [];
  for (const e of doc.errors) {
    const line = e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line;
    const dup = /Map keys must be unique/.test(e.message);
    const key = dup ? keyAt(source, e.pos[0]) : undefined;
    errors.push(new BuildError(file, dup ? 'duplicate key' : `YAML error: ${e.message.split('\n')[0]}`, line, key));
  }
  if (errors.length > 0) throw errors.length === 1 ? errors[0]! : new BuildErrors(errors);

  const curation: Curation = {
    file, plan: '', names: new Map(), kinds: new Map(), props: new Map(), remove: [], merge: [], sameAs: new Map(), edges: [],
  };
  const fail = (node: unknown, detail: string, key?: string) => errors.push(new BuildError(file, detail, lineOf(node), key));
  const root = doc.contents;
  if (root === null) return curation;
  if (!isMap(root)) {
    fail(root, 'a curation file is a mapping of sections (plan, names, kinds, props, remove, merge, same_as, edges)');
    throw errors[0]!;
  }
  const scalarString = (node: unknown): string | undefined =>
    isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : undefined;

  const entries = (section: Pair, what: string): Array<{ key: string; value: unknown; node: unknown }> => {
    if (section.value === null) return [];
    if (!isMap(section.value)) {
      fail(section.value, `expected a mapping of ${what}`, String((section.key as { value?: unknown }).value));
      return [];
    }
    return section.value.items.flatMap((pair) => {
      const key = scalarString(pair.key);
      if (key === undefined) {
        fail(pair.key, 'expected a node id as key');
        return [];
      }
      return [{ key, value: pair.value, node: pair.key }];
    });
  };

  for (const section of root.items) {
    const name = scalarString(section.key) ?? '';
    if (!SECTIONS.has(name)) {
      fail(section.key, `unknown section; expected one of ${[...SECTIONS].join(', ')}`, name);
      continue;
    }
    switch (name) {
      case 'plan':
        curation.plan = scalarString(section.value) ?? '';
        if (!curation.plan) fail(section.value ?? section.key, 'expected the plan id', 'plan');
        break;
      case 'names':
        for (const { key, value, node } of entries(section, 'node ids to English names')) {
          const en = scalarString(value);
          if (!en) fail(value ?? node, 'expected an English name', key);
          else curation.names.set(key, { en, line: lineOf(node) });
        }
        break;
      case 'kinds':
        for (const { key, value, node } of entries(section, 'node ids to kinds')) {
          const kind = scalarString(value);
          if (!isNodeKind(kind)) fail(value ?? node, `unknown kind ${JSON.stringify(kind)}`, key);
          else curation.kinds.set(key, { kind, line: lineOf(node) });
        }
        break;
      case 'props':
        for (const { key, value, node } of entries(section, 'node ids to properties')) {
          const props = value && isMap(value) ? propsOf(value.toJSON() as Record<string, unknown>) : undefined;
          if (!props) fail(value ?? node, 'expected a mapping of scalar properties', key);
          else curation.props.set(key, { props, line: lineOf(node) });
        }
        break;
      case 'same_as':
        for (const { key, value, node } of entries(section, 'node ids to ids in other plans')) {
          const id = scalarString(value);
          if (!id) fail(value ?? node, 'expected a node id', key);
          else curation.sameAs.set(key, { id, line: lineOf(node) });
        }
        break;
      case 'remove':
        if (!isSeq(section.value)) fail(section.value ?? section.key, 'expected a list of node ids', 'remove');
        else for (const item of section.value.items) {
          const id = scalarString(item);
          if (!id) fail(item, 'expected a node id', 'remove');
          else curation.remove.push({ id, line: lineOf(item) });
        }
        break;
      case 'merge':
        if (!isSeq(section.value)) fail(section.value ?? section.key, 'expected a list of { into, from }', 'merge');
        else for (const item of section.value.items) {
          const value = isMap(item) ? (item.toJSON() as Record<string, unknown>) : undefined;
          const from = value?.from;
          if (!value || typeof value.into !== 'string' || !Array.isArray(from) || !from.every((f) => typeof f === 'string')) {
            fail(item, 'expected { into: <id>, from: [<id>, …] }', 'merge');
          } else curation.merge.push({ into: value.into, from: from as string[], line: lineOf(item) });
        }
        break;
      case 'edges':
        if (!isSeq(section.value)) fail(section.value ?? section.key, 'expected a list of edges', 'edges');
        else for (const item of section.value.items) {
          const value = isMap(item) ? (item.toJSON() as Record<string, unknown>) : undefined;
          const line = lineOf(item);
          if (!value) {
            fail(item, 'expected { type, source, target, rationale }', 'edges');
            continue;
          }
          for (const k of Object.keys(value)) {
            if (!['type', 'source', 'target', 'rationale', 'quote'].includes(k)) fail(item, `unknown edge field`, k);
          }
          if (!isEdgeType(value.type)) fail(item, `unknown relationship type ${JSON.stringify(value.type)}`, 'type');
          if (typeof value.source !== 'string') fail(item, 'expected a node id', 'source');
          if (typeof value.target !== 'string') fail(item, 'expected a node id', 'target');
          if (typeof value.rationale !== 'string' || !value.rationale.trim()) fail(item, 'every curated edge needs a one-line rationale', 'rationale');
          if (value.quote !== undefined && typeof value.quote !== 'string') fail(item, 'expected the quoted text', 'quote');
          if (isEdgeType(value.type) && typeof value.source === 'string' && typeof value.target === 'string' && typeof value.rationale === 'string') {
            curation.edges.push({
              type: value.type, source: value.source, target: value.target, rationale: value.rationale.trim(), line,
              ...(typeof value.quote === 'string' ? { quote: value.quote } : {}),
            });
          }
        }
        break;
    }
  }
  if (errors.length > 0) throw errors.length === 1 ? errors[0]! : new BuildErrors(errors);
  return curation;
}

function propsOf(value: Record<string, unknown>): Record<string, PropValue> | undefined {
  const out: Record<string, PropValue> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v as string[];
    else if (Array.isArray(v) && v.every((x) => typeof x === 'number')) out[k] = v as number[];
    else return undefined;
  }
  return out;
}

/** The key text at an offset, for duplicate-key messages. */
function keyAt(source: string, offset: number): string {
  const rest = source.slice(offset);
  const m = /^\s*["']?([^:"'\n]+)["']?\s*:/.exec(rest);
  return m ? m[1]!.trim() : rest.split('\n')[0]!.trim();
}
