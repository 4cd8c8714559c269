/** The app's template list (src/app/engine/templates.ts): the bundled templates with the custom ones merged in. */
import { describe, expect, it } from 'vitest';
import { templateContentText } from '../../../src/core/template/canonical';
import type { Template } from '../../../src/core/template/schema';
import { latestOf, loadTemplates, withCustom } from '../../../src/app/engine/templates';
import { sha256Hex } from '../../../src/cli/template-files';
import { miniTemplate, variant } from '../../helpers/fixtures';

const custom = (change: (copy: Template) => void) => {
  const template = variant(miniTemplate(), change);
  return { template, sha256: sha256Hex(templateContentText(template)) };
};

describe('the template list', () => {
  it('loads the bundled templates with their lock hashes, not custom', async () => {
    const bundled = await loadTemplates();
    expect(bundled.map((entry) => [entry.key, entry.custom])).toEqual([['mdma-therapy@1.0.0', false]]);
    expect(bundled[0]?.sha256).toBe(sha256Hex(templateContentText(bundled[0]!.template)));
  });

  it('merges custom templates by id, newest version first, marked custom, leaving out one that claims a bundled id@version', async () => {
    const bundled = await loadTemplates();
    const merged = withCustom(bundled, [
      custom((copy) => (copy.id = 'a-clinic')),
      custom((copy) => ((copy.id = 'z-clinic'), (copy.version = '1.0.0'))),
      custom((copy) => ((copy.id = 'z-clinic'), (copy.version = '1.10.0'))),
      custom((copy) => ((copy.id = 'z-clinic'), (copy.version = '1.9.0'))),
      custom((copy) => ((copy.id = 'mdma-therapy'), (copy.version = '1.0.0'))),
    ]);
    expect(merged.map((entry) => [entry.key, entry.custom])).toEqual([
      ['a-clinic@1.0.0', true],
      ['mdma-therapy@1.0.0', false],
      ['z-clinic@1.10.0', true],
      ['z-clinic@1.9.0', true],
      ['z-clinic@1.0.0', true],
    ]);
    expect(merged[1]).toBe(bundled[0]);
    expect(latestOf(merged, 'z-clinic')?.template.version).toBe('1.10.0');
  });
});
