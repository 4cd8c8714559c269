/** The real engine in Node for tests: the bundled templates, the card font, and the real PDF readers. */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSpec, type CardSpec } from '../../src/core/spec/schema';
import type { Template } from '../../src/core/template/schema';
import { findTemplate, loadTemplates } from '../../src/cli/template-store';
import { CARD_FONT_FAMILY, cardFontNames } from '../../src/fonts/card-font';
import { loadFontBytes, loadNodeMeasurer } from '../../src/fonts/node';
import { makeCard, type MadeCard } from '../../src/render/pdf/make-card';

export const stored = findTemplate(loadTemplates(), 'mdma-therapy');
export const template: Template = stored.template;
export const measurer = loadNodeMeasurer(CARD_FONT_FAMILY);
export const fonts = { ...loadFontBytes(CARD_FONT_FAMILY), ...cardFontNames() };
export const CREATOR = 'Safety Card test';

/** A spec of the real template: the defaults with `change` on top, dated so output is reproducible. */
export function specWith(change: Partial<CardSpec> = {}): CardSpec {
  return { ...defaultSpec(template, '2026-11-29'), ...change };
}

export function render(spec: CardSpec): Promise<MadeCard> {
  return makeCard({ template, contentHash: stored.sha256, spec, measurer, fonts, creator: CREATOR });
}

/** Runs a program and returns its standard output; rejects with its standard error. */
export function tool(program: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => (error === null ? resolve(stdout) : reject(new Error(`${program} ${args.join(' ')}: ${stderr || error.message}`))));
  });
}

/** Writes bytes to `dir/name` and returns the path. */
export function save(dir: string, name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Text without any white space, for finding wrapped text in pdftotext output. */
export const squash = (text: string) => text.replace(/\s+/g, '');

/** The words pdftotext finds, with their boxes in points (origin top-left). */
export async function wordBoxes(path: string): Promise<{ page: number; word: string; xMin: number; yMin: number; xMax: number; yMax: number }[]> {
  const html = await tool('pdftotext', ['-bbox', path, '-']);
  const words: { page: number; word: string; xMin: number; yMin: number; xMax: number; yMax: number }[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const match = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (match !== null) words.push({ page, xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), yMax: Number(match[4]), word: match[5] ?? '' });
  }
  return words;
}
