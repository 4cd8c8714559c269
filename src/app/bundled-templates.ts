/**
 * The templates shipped with the app: every published `templates/<id>/<version>.json` (`npm test` checks each one
 * against the schema and the lock), loaded lazily so they stay out of the first download.
 */
import type { Template } from '../core/template/schema';

const modules = import.meta.glob<Template>('/templates/*/*.json', { import: 'default' });

/** All bundled templates, newest version first within each id. */
export async function loadBundledTemplates(): Promise<Template[]> {
  const templates = await Promise.all(Object.values(modules).map((load) => load()));
  return templates.sort((a, b) => a.id.localeCompare(b.id) || b.published.localeCompare(a.published) || b.version.localeCompare(a.version, 'en', { numeric: true }));
}
