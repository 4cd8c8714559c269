/**
 * Turning template text into a `Template`, or into problems a template author can act on:
 * each problem names the JSON path, what was expected there and what was found.
 */
import type { z } from 'zod';
import { MAX_TEMPLATE_TEXT_CHARS, templateTooLarge } from './limits';
import { formatPath, TemplateSchema, type Template } from './schema';

export { MAX_TEMPLATE_TEXT_CHARS } from './limits';

/** One thing wrong with a template, at a JSON path ("(root)", "sections[0].items[2].text", …). */
export interface TemplateProblem {
  path: string;
  /** What a correct value looks like, e.g. "a version MAJOR.MINOR.PATCH, like \"1.0.0\"". Absent for rules across values. */
  expected?: string;
  /** What the file holds there, e.g. "\"1.0\"" or "nothing (the key is missing)". */
  found?: string;
  /** The whole sentence to show. */
  message: string;
}

export type TemplateParseResult = { ok: true; template: Template } | { ok: false; problems: TemplateProblem[] };

/** Where a template file sits: `templates/<id>/<version>.json` promises that id and version. */
export interface TemplatePlacement {
  id: string;
  version: string;
}

/**
 * Parses and validates the text of a template file. With `placement`, also checks that the id and version in the
 * file match the folder and file name it was found under.
 */
export function parseTemplateText(text: string, placement?: TemplatePlacement): TemplateParseResult {
  if (text.length > MAX_TEMPLATE_TEXT_CHARS) {
    return { ok: false, problems: [templateTooLarge(text.length)] };
  }
  let data: unknown;
  try {
    data = JSON.parse(stripByteOrderMark(text));
  } catch (error) {
    return { ok: false, problems: [{ path: '(root)', message: describeJsonError(text, error) }] };
  }
  return validateTemplateData(data, placement);
}

/** Validates already-parsed JSON data as a template. */
export function validateTemplateData(data: unknown, placement?: TemplatePlacement): TemplateParseResult {
  const result = TemplateSchema.safeParse(data);
  const problems: TemplateProblem[] = result.success ? [] : result.error.issues.map((issue) => issueToProblem(issue, data));
  if (placement !== undefined && isRecord(data)) {
    if (typeof data.id === 'string' && data.id !== placement.id) {
      problems.push(problem('id', `"${placement.id}", the name of the folder the file is in`, JSON.stringify(data.id)));
    }
    if (typeof data.version === 'string' && data.version !== placement.version) {
      problems.push(problem('version', `"${placement.version}", the file name without .json`, JSON.stringify(data.version)));
    }
  }
  if (problems.length > 0 || !result.success) return { ok: false, problems };
  return { ok: true, template: result.data };
}

function problem(path: string, expected: string, found: string): TemplateProblem {
  return { path, expected, found, message: `expected ${expected}, found ${found}` };
}

function issueToProblem(issue: z.core.$ZodIssue, data: unknown): TemplateProblem {
  const path = formatPath(issue.path);
  const value = valueAt(data, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return problem(path, describeType(issue.expected), describeValue(value));
    case 'unrecognized_keys': {
      const keys = issue.keys.map((key) => `"${key}"`).join(', ');
      return {
        path,
        expected: 'only the keys the template format defines (see templates/schema.json)',
        found: `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${keys}`,
        message: `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${keys}: check the spelling against templates/schema.json, or remove ${issue.keys.length === 1 ? 'it' : 'them'}`,
      };
    }
    case 'custom':
      // Rules across values are whole sentences; single-value refinements say what was expected.
      if (issue.params?.crossCheck === true) return { path, message: issue.message };
      return problem(path, issue.message, describeValue(value));
    default:
      return problem(path, issue.message, describeValue(value));
  }
}

function describeType(expected: string): string {
  switch (expected) {
    case 'string':
      return 'a string';
    case 'number':
    case 'int':
      return expected === 'int' ? 'a whole number' : 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list [ … ]';
    case 'object':
      return 'an object { … }';
    default:
      return expected;
  }
}

/** A short, readable rendering of a JSON value for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the key is missing)';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (value.length > 60) return `${JSON.stringify(value.slice(0, 40))}… (${value.length} characters)`;
    return JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return 'an object';
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isRecord(current) && typeof key === 'string') current = current[key];
    else return undefined;
  }
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** "not valid JSON: …, at line 3 column 7" from a JSON.parse error, whatever engine produced it. */
function describeJsonError(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(raw);
  const reason = raw.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '').replace(/,? ?".*" is not valid JSON$/s, '');
  if (position?.[1] !== undefined) {
    const offset = Number(position[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return `not valid JSON: ${reason} at line ${line} column ${column}`;
  }
  if (text.trim() === '') return 'not valid JSON: the file is empty';
  return `not valid JSON: ${reason}`;
}
