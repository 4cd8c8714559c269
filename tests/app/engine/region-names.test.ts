/** Region names for the region choice (src/app/engine/region-names.ts): made at build time, Intl for the rest. */
import { describe, expect, it } from 'vitest';
import { namedRegions } from '../../../src/app/engine/region-names';
import { loadTemplates } from '../../../src/app/engine/templates';
import { templateRegions } from '../../../src/core/spec/defaults';

const regionsOf = (template: Parameters<typeof templateRegions>[0]) => new Set([...templateRegions(template)].filter((code) => code !== 'any'));

describe('region names', () => {
  it('names every region of the bundled templates as Intl does, in alphabetical order', async () => {
    for (const { template } of await loadTemplates()) {
      const codes = regionsOf(template);
      const names = new Intl.DisplayNames([template.locale], { type: 'region' });
      const collator = new Intl.Collator(template.locale);
      const expected = [...codes].map((code) => ({ code, name: names.of(code) })).sort((a, b) => collator.compare(a.name!, b.name!));
      expect(codes.size).toBeGreaterThan(10);
      expect(namedRegions(template.locale, codes)).toEqual(expected);
    }
  });

  it('names regions of another language, or ones no bundled template has, with Intl', () => {
    expect(namedRegions('de', new Set(['CH', 'AT', 'DE']))).toEqual([
      { code: 'DE', name: 'Deutschland' },
      { code: 'AT', name: 'Österreich' },
      { code: 'CH', name: 'Schweiz' },
    ]);
    const withJapan = namedRegions('en', new Set(['GB', 'JP', 'AU']));
    expect(withJapan.map((region) => region.name)).toEqual(['Australia', 'Japan', 'United Kingdom']);
  });
});
