/**
 * The templates shipped with the app: every published `templates/<id>/<version>.json` (npm test checks each against
 * the schema and the lock), loaded as a separate chunk, with the content hash the lock records for it.
 */
import lock from '../../../templates/lock.json';
import { compareSemver } from '../../core/semver';
import type { Template } from '../../core/template/schema';

const modules = import.meta.glob<Template>('/templates/*/*.json', { import: 'default' });
const hashes: Record<string, string> = (lock as { published: Record<string, string> }).published;

export interface BundledTemplate {
  template: Template;
  /** "mdma-therapy@1.0.0" */
  key: string;
  /** SHA-256 of its canonical content, from templates/lock.json. */
  sha256: string;
}

/** Every bundled template version, by id, newest version first. */
export async function loadTemplates(): Promise<BundledTemplate[]> {
  const templates = await Promise.all(Object.values(modules).map((load) => load()));
  return templates
    .map((template) => ({ template, key: `${template.id}@${template.version}`, sha256: hashes[`${template.id}@${template.version}`] ?? '' }))
    .filter((entry) => entry.sha256 !== '')
    .sort((a, b) => a.template.id.localeCompare(b.template.id) || compareSemver(b.template.version, a.template.version));
}

/** The newest version of a template id, or undefined. */
export function latestOf(templates: readonly BundledTemplate[], id: string): BundledTemplate | undefined {
  return templates.find((entry) => entry.template.id === id);
}
