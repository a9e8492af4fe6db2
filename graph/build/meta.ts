/**
 * A plan's metadata record (graph/sources/<name>.meta.json):
 *
 *   { "id": "cq-hitech-2023", "text": "<name>.txt", "title": "…", "issuer": "…",
 *     "interpreter": "…", "published": "2023-05-05", "period": "2023–2027" }
 *
 * `id` and `text` are required; the rest override or confirm what the text says.
 */
import { BuildError } from './errors.ts';

export interface PlanMeta {
  id: string;
  text: string;
  title?: string;
  titleEn?: string;
  issuer?: string;
  interpreter?: string;
  published?: string;
  period?: string;
}

const FIELDS: Record<keyof PlanMeta, RegExp | null> = {
  id: /^[a-z0-9][a-z0-9-]*$/,
  text: /^[^/\\]+\.txt$/,
  title: null,
  titleEn: null,
  issuer: null,
  interpreter: null,
  published: /^\d{4}-\d{2}-\d{2}$/,
  period: /^\d{4}[–-]\d{4}$/,
};

export function parseMetaFile(file: string, source: string): PlanMeta {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? source.slice(0, Number(position[1])).split('\n').length : 1;
    throw new BuildError(file, `not valid JSON: ${message}`, line);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BuildError(file, 'expected a JSON object', 1);
  }
  const record = value as Record<string, unknown>;
  const lineOfKey = (key: string) => {
    const at = source.indexOf(`"${key}"`);
    return at < 0 ? 1 : source.slice(0, at).split('\n').length;
  };
  const meta: Partial<PlanMeta> = {};
  for (const [key, v] of Object.entries(record)) {
    if (!(key in FIELDS)) throw new BuildError(file, `unknown field; expected one of ${Object.keys(FIELDS).join(', ')}`, lineOfKey(key), key);
    const pattern = FIELDS[key as keyof PlanMeta];
    if (typeof v !== 'string' || !v.trim() || (pattern && !pattern.test(v))) {
      throw new BuildError(file, `invalid value ${JSON.stringify(v)}${pattern ? ` (expected ${pattern.source})` : ''}`, lineOfKey(key), key);
    }
    meta[key as keyof PlanMeta] = v;
  }
  for (const required of ['id', 'text'] as const) {
    if (!meta[required]) throw new BuildError(file, `the field "${required}" is required`, 1, required);
  }
  return meta as PlanMeta;
}
