/** The bundled templates, read from the repository's templates/ folder for the CLI, and template files given by path. */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { templateContentText } from '../core/template/canonical';
import { groupById } from '../core/template/catalog';
import { templateKey } from '../core/template/canonical';
import { decideCustomImport, formatTemplateProblem } from '../core/template/custom';
import type { Template } from '../core/template/schema';
import { MAX_TEMPLATE_FILE_BYTES, templateTooLarge } from '../core/template/limits';
import { parseTemplateText, type TemplateProblem } from '../core/template/validate';
import { InputError } from './run-main';
import { parseTemplateFiles } from './template-catalog';
import { readTemplateTree, sha256Hex } from './template-files';

/** templates/ next to src/. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));

export interface StoredTemplate {
  template: Template;
  /** SHA-256 (hex) of its canonical content. */
  sha256: string;
}

/** Every valid template file, grouped by id, each group oldest version first. */
export function loadTemplates(dir = TEMPLATES_DIR): Map<string, StoredTemplate[]> {
  // Broken files are reported by `npm run templates:check`; the CLI offers only the valid ones.
  return groupById(parseTemplateFiles(readTemplateTree(dir).files).entries);
}

/** Finds "id" (the latest version) or "id@version"; an InputError lists what exists. */
export function findTemplate(templates: Map<string, StoredTemplate[]>, reference: string): StoredTemplate {
  const [id = '', version] = reference.split('@');
  const versions = templates.get(id);
  if (versions === undefined || versions.length === 0) {
    throw new InputError(`unknown template "${id}"; templates: ${[...templates.keys()].join(', ') || '(none)'}. See --list.`);
  }
  if (version === undefined) return versions[versions.length - 1] as StoredTemplate;
  const found = versions.find((entry) => entry.template.version === version);
  if (found === undefined) {
    throw new InputError(`template ${id} has no version ${version}; versions: ${versions.map((entry) => entry.template.version).join(', ')}`);
  }
  return found;
}

/** A template given as a file (--template-file): `custom` unless it is one of the bundled published versions. */
export interface FileTemplate extends StoredTemplate {
  custom: boolean;
}

/**
 * Reads a template file that is not (necessarily) bundled, validated like the bundled ones (schema, rules across
 * values, size limit) and against the rules for custom templates (src/core/template/custom.ts); an InputError lists
 * every problem as "FILE: path: message".
 */
export function loadTemplateFile(path: string, bundled: Map<string, StoredTemplate[]>): FileTemplate {
  let text: string;
  try {
    const sizeBytes = statSync(path).size;
    if (sizeBytes > MAX_TEMPLATE_FILE_BYTES) {
      const tooLarge = templateTooLarge(sizeBytes);
      throw new InputError(`${path}: ${tooLarge.path}: ${tooLarge.message}`);
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read the template file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseTemplateText(text);
  const fail = (problems: readonly TemplateProblem[]) =>
    new InputError(`${problems.map((problem) => `${path}: ${formatTemplateProblem(problem)}`).join('\n')}\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${path}; nothing was printed.`);
  if (!parsed.ok) throw fail(parsed.problems);
  const entry = { template: parsed.template, sha256: sha256Hex(templateContentText(parsed.template)) };
  const published = Object.fromEntries([...bundled.values()].flat().map((stored) => [templateKey(stored.template), stored.sha256]));
  const decision = decideCustomImport(entry, { bundled: published, custom: [] });
  if (decision.kind === 'refused') throw fail(decision.problems);
  return { ...entry, custom: decision.kind !== 'already-bundled' };
}
