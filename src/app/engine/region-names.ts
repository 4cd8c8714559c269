/**
 * Region names in a template's language, for the region choice. The bundled templates' regions come named and sorted
 * from the build (`virtual:region-names`, see vite.config.ts): in the browser, Intl.DisplayNames and Intl.Collator
 * load their locale data the first time they are used, which would hold up drawing the editor. Regions the build did
 * not name (custom templates) are named and sorted by Intl here.
 */
import bundled from 'virtual:region-names';

export interface NamedRegion {
  /** ISO 3166-1 alpha-2 */
  code: string;
  name: string;
}

/** The regions `codes` with their names in `locale`, in that language's alphabetical order. */
export function namedRegions(locale: string, codes: ReadonlySet<string>): NamedRegion[] {
  const table = bundled[locale] ?? [];
  const named = table.filter(([code]) => codes.has(code));
  if (named.length === codes.size) return named.map(([code, name]) => ({ code, name }));
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const collator = new Intl.Collator(locale);
  return [...codes].map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
}
