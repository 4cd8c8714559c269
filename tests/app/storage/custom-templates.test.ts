/**
 * Reading an imported template file in the app (src/app/storage/custom-templates.ts): the same parser, size limit and
 * content hash (WebCrypto here, node:crypto in the CLI) as the bundled templates, and the import plan.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_HASHES, planTemplateImport, readStoredTemplate, readTemplateFile, sha256Hex } from '../../../src/app/storage/custom-templates';
import { MAX_TEMPLATE_TEXT_CHARS } from '../../../src/core/template/validate';
import { miniTemplate, variant } from '../../helpers/fixtures';
import { REPO_ROOT } from '../../helpers/run';

const bundledText = readFileSync(join(REPO_ROOT, 'templates/mdma-therapy/1.0.0.json'), 'utf8');
const clinicText = JSON.stringify(variant(miniTemplate(), (copy) => (copy.id = 'mini-clinic')), null, 2);

describe('reading a template file in the app', () => {
  it('hashes a bundled file to the hash templates/lock.json records for it, with WebCrypto', async () => {
    const read = await readTemplateFile(bundledText);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.sha256).toBe(BUNDLED_HASHES['mdma-therapy@1.0.0']);
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('says where the JSON breaks, by line and column', async () => {
    const read = await readTemplateFile('{\n  "id": "mini-clinic",\n  "version": 1.0.0\n}');
    expect(read).toEqual({ ok: false, problems: [{ path: '(root)', message: expect.stringMatching(/^not valid JSON: .* at line 3 column 17$/) }] });
  });

  it('lists schema problems and rules across values with their JSON paths', async () => {
    const broken = variant(miniTemplate(), (copy) => {
      copy.id = 'Mini Clinic';
      const section = copy.sections[1];
      if (section?.kind === 'items') section.items[0]!.refs = ['nowhere'];
    });
    const read = await readTemplateFile(JSON.stringify(broken));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toEqual([
      { path: 'id', expected: 'an id of lower-case letters, digits and single hyphens, like "always-avoid"', found: '"Mini Clinic"', message: expect.stringMatching(/^expected an id of lower-case letters/) },
      { path: 'sections[1].items[0].refs[0]', message: 'reference "nowhere" is not defined; add it to "references" or fix the id' },
    ]);
    expect((await readTemplateFile(JSON.stringify({ ...miniTemplate(), colour: 'red' }))).ok).toBe(false);
  });

  it('refuses a file over the size limit before parsing it (600 kB here)', async () => {
    const big = `${clinicText.slice(0, -1)}, "pad": "${'x'.repeat(600 * 1024)}"}`;
    expect(big.length).toBeGreaterThan(MAX_TEMPLATE_TEXT_CHARS);
    const foundKb = `${Math.ceil(big.length / 1024)} kB`;
    expect(await readTemplateFile(big)).toEqual({ ok: false, problems: [{ path: '(root)', expected: 'a template file of at most 512 kB', found: foundKb, message: `expected a template file of at most 512 kB, found ${foundKb}` }] });
  });
});

describe('planning a template import', () => {
  it('adds a new template with the text as imported, and reports a second import as a no-op', async () => {
    const read = await readTemplateFile(clinicText);
    if (!read.ok) throw new Error('fixture invalid');
    const first = planTemplateImport(read, clinicText, [], '2026-11-29T12:00:00.000Z');
    expect(first).toEqual({ record: { key: 'mini-clinic@1.0.0', text: clinicText, sha256: read.sha256, importedAt: '2026-11-29T12:00:00.000Z' }, result: { ok: true, status: 'added', key: 'mini-clinic@1.0.0' } });
    const stored = readStoredTemplate(first.record);
    expect(stored).toMatchObject({ ok: true, entry: { key: 'mini-clinic@1.0.0', template: read.template } });
    if (!stored.ok) return;
    expect(planTemplateImport(read, clinicText, [stored.entry], '2026-11-30T00:00:00.000Z')).toEqual({ result: { ok: true, status: 'already-imported', key: 'mini-clinic@1.0.0' } });
  });

  it('says "already bundled" for a bundled file, and refuses the bundled id@version with other content', async () => {
    const read = await readTemplateFile(bundledText);
    if (!read.ok) throw new Error('bundled template invalid');
    expect(planTemplateImport(read, bundledText, [], '2026-11-29T12:00:00.000Z')).toEqual({ result: { ok: true, status: 'already-bundled', key: 'mdma-therapy@1.0.0' } });
    const editedText = bundledText.replace('"title": "', '"title": "Our ');
    const edited = await readTemplateFile(editedText);
    if (!edited.ok) throw new Error('edit broke the template');
    expect(planTemplateImport(edited, editedText, [], '2026-11-29T12:00:00.000Z')).toMatchObject({ result: { ok: false, key: 'mdma-therapy@1.0.0', problems: [{ path: 'version', message: expect.stringContaining('A published version never changes') }] } });
  });

  it('keeps a stored record it cannot read as unreadable, with its text', () => {
    expect(readStoredTemplate({ key: 'x@1.0.0', text: '{}', sha256: 'a', importedAt: 'b' })).toMatchObject({ ok: false, unreadable: { key: 'x@1.0.0', text: '{}', problems: expect.arrayContaining([expect.stringMatching(/^id: /)]) } });
  });
});
