/**
 * The templates the app offers: the bundled ones — every published `templates/<id>/<version>.json` (npm test checks
 * each against the schema and the lock), loaded as a separate chunk, with the content hash the lock records for it —
 * and the custom ones imported on this device (src/app/storage, marked `custom`: their cards say "Custom template").
 */
import lock from '../../../templates/lock.json';
import { compareSemver } from '../../core/semver';
import type { Template } from '../../core/template/schema';
import { templateKey } from '../../core/template/canonical';

const modules = import.meta.glob<Template>('/templates/*/*.json', { import: 'default' });
/** "id@version" → SHA-256 (hex) of every bundled published template version (templates/lock.json). */
export const BUNDLED_HASHES: Readonly<Record<string, string>> = (lock as { published: Record<string, string> }).published;

/** A template the card can use: bundled, or custom (imported on this device). */
export interface TemplateEntry {
  template: Template;
  /** "mdma-therapy@1.0.0" */
  key: string;
  /** SHA-256 of its canonical content (from templates/lock.json for bundled ones, computed at import for custom ones). */
  sha256: string;
  /** True for a template imported on this device, not one of Safety Card's published versions. */
  custom: boolean;
}

/** The earlier name of TemplateEntry. */
export type BundledTemplate = TemplateEntry;

const byIdThenNewest = (a: TemplateEntry, b: TemplateEntry) => a.template.id.localeCompare(b.template.id) || compareSemver(b.template.version, a.template.version);

/** Every bundled template version, by id, newest version first. */
export async function loadTemplates(): Promise<TemplateEntry[]> {
  const templates = await Promise.all(Object.values(modules).map((load) => load()));
  return templates
    .map((template) => ({ template, key: templateKey(template), sha256: BUNDLED_HASHES[templateKey(template)] ?? '', custom: false }))
    .filter((entry) => entry.sha256 !== '')
    .sort(byIdThenNewest);
}

/**
 * The bundled templates and the custom ones, by id, newest version first. A custom entry whose id@version is also
 * bundled is left out (the import refuses that; this only guards against an old record).
 */
export function withCustom(bundled: readonly TemplateEntry[], custom: readonly { template: Template; sha256: string }[]): TemplateEntry[] {
  const keys = new Set(bundled.map((entry) => entry.key));
  const extra = custom
    .map((entry) => ({ template: entry.template, key: templateKey(entry.template), sha256: entry.sha256, custom: true }))
    .filter((entry) => !keys.has(entry.key));
  return [...bundled, ...extra].sort(byIdThenNewest);
}

/** The newest version of a template id, or undefined. */
export function latestOf(templates: readonly TemplateEntry[], id: string): TemplateEntry | undefined {
  return templates.find((entry) => entry.template.id === id);
}
