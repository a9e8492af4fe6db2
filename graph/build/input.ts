/**
 * Reading a plan's text where it enters: it must exist, be UTF-8 text (not a binary
 * file, not cut in the middle of a character) and be of a size a plan can have.
 * Each failure names the file and, where there is one, the line.
 */
import { readFileSync, statSync } from 'node:fs';
import { BuildError } from './errors.ts';

/** Plans of this genre run to tens of kilobytes; a text past a megabyte is not one (and would make a snapshot too large to embed). */
export const MAX_TEXT_BYTES = 1024 * 1024;

export function readPlanText(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new BuildError(file, 'the file does not exist');
  }
  if (size > MAX_TEXT_BYTES) {
    throw new BuildError(file, `the file is ${(size / 1024 / 1024).toFixed(1)} MB; a plan text may be at most ${MAX_TEXT_BYTES / 1024 / 1024} MB`);
  }
  return decodePlanText(file, readFileSync(file));
}

export function decodePlanText(file: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new BuildError(file, 'the file is empty', 1);
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new BuildError(file, 'the file holds NUL bytes: it is binary, not a plan text', lineAt(bytes, nul));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const why = at >= bytes.length - 4 ? 'the file ends in the middle of a character (was it truncated?)' : 'the file is not UTF-8 text';
    throw new BuildError(file, `${why}: invalid byte at offset ${at}`, lineAt(bytes, at));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) throw new BuildError(file, 'the file holds only whitespace', 1);
  return text;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}
