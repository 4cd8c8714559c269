/** The bundled templates, read from the repository's templates/ folder for the CLI. */
import { fileURLToPath } from 'node:url';
import { groupById } from '../core/template/catalog';
import type { Template } from '../core/template/schema';
import { InputError } from './run-main';
import { parseTemplateFiles } from './template-catalog';
import { readTemplateTree } from './template-files';

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
