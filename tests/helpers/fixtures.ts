/** Loading the small fixture template, validated by the real parser, and variants of it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Template } from '../../src/core/template/schema';
import { parseTemplateText } from '../../src/core/template/validate';
import { REPO_ROOT } from './run';

/** The fixture template `tests/fixtures/templates/mini/1.0.0.json`, parsed. */
export function miniTemplate(): Template {
  const result = parseTemplateText(readFileSync(join(REPO_ROOT, 'tests/fixtures/templates/mini/1.0.0.json'), 'utf8'));
  if (!result.ok) throw new Error(`fixture invalid: ${JSON.stringify(result.problems)}`);
  return result.template;
}

/** A deep copy of `template` changed by `change`. */
export function variant(template: Template, change: (copy: Template) => void): Template {
  const copy = structuredClone(template);
  change(copy);
  return copy;
}

/** The section with `id`, for editing in a variant; throws when absent. */
export function sectionOf<K extends Template['sections'][number]['kind']>(template: Template, id: string, kind: K): Extract<Template['sections'][number], { kind: K }> {
  const section = template.sections.find((s) => s.id === id);
  if (section?.kind !== kind) throw new Error(`no ${kind} section "${id}"`);
  return section as Extract<Template['sections'][number], { kind: K }>;
}
