/**
 * `safety-card --template-file`: a template file that is not bundled, validated like the bundled ones, printed with
 * "Custom template id@version" in the footer (read back with pdftotext); every refusal exits 1 with the file, the JSON
 * path and what to do, and writes no PDF.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { templateContentText } from '../../src/core/template/canonical';
import type { Template } from '../../src/core/template/schema';
import { sha256Hex } from '../../src/cli/template-files';
import { squash, tool } from '../helpers/engine';
import { miniTemplate, sectionOf, variant } from '../helpers/fixtures';
import { REPO_ROOT, runCli, tempDir, type RunResult } from '../helpers/run';

const dir = tempDir('safety-card-custom-');
afterAll(() => dir.cleanup());
const card = (args: string[]) => runCli('safety-card.ts', args, dir.path);

/** Writes a template (or any text) into the temporary directory and returns its name there. */
function file(name: string, content: Template | string): string {
  writeFileSync(join(dir.path, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return name;
}

function expectRefusal(result: RunResult, out: string, lines: RegExp) {
  expect(result.stderr).toMatch(lines);
  expect(result.stderr).not.toMatch(/^\s+at |internal error/m);
  expect(result.code).toBe(1);
  expect(existsSync(join(dir.path, out))).toBe(false);
}

const clinic = variant(miniTemplate(), (copy) => {
  copy.id = 'mini-clinic';
  copy.title = 'Clinic card';
});
const bundledText = readFileSync(join(REPO_ROOT, 'templates/mdma-therapy/1.0.0.json'), 'utf8');

describe('safety-card --template-file', () => {
  it('prints a card from a template file, its footer marked "Custom template id@version" with its content hash', async () => {
    const result = await card(['--template-file', file('clinic.json', clinic), '--date', '2026-11-29', '--out', 'clinic.pdf', '--json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ out: 'clinic.pdf', template: 'mini-clinic@1.0.0', customTemplate: true });
    const text = await tool('pdftotext', [join(dir.path, 'clinic.pdf'), '-']);
    const hash = sha256Hex(templateContentText(clinic)).slice(0, 8);
    expect(squash(text)).toContain(squash(`Custom template mini-clinic@1.0.0 · 2026-11-29 · #${hash}`));
    expect(squash(text)).toContain(squash(sectionOf(clinic, 'avoid', 'items').items[0]!.text));
  });

  it('opens a share link to a card of a template file with that file, and refuses it without', async () => {
    const made = await card(['--template-file', file('linked.json', clinic), '--field', 'name=Ada', '--print-link', 'https://cards.example/']);
    expect(made.code).toBe(0);
    const link = made.stdout.trim();
    expect(link).toMatch(/^https:\/\/cards\.example\/#s=1\./);
    const opened = await card(['--link', link, '--template-file', 'linked.json', '--date', '2026-11-29', '--out', 'linked.pdf']);
    expect(opened.stderr).toBe('');
    expect(squash(await tool('pdftotext', [join(dir.path, 'linked.pdf'), '-']))).toContain(squash('Custom template mini-clinic@1.0.0'));
    expectRefusal(await card(['--link', link, '--out', 'unlinked.pdf']), 'unlinked.pdf', /--link: .*mini-clinic@1\.0\.0/);
  });

  it('prints a bundled published file as the bundled template (no "Custom" mark)', async () => {
    const result = await card(['--template-file', file('bundled.json', bundledText), '--date', '2026-11-29', '--out', 'bundled.pdf']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/, mdma-therapy@1\.0\.0\n$/);
    const text = await tool('pdftotext', [join(dir.path, 'bundled.pdf'), '-']);
    expect(squash(text)).toContain(squash('mdma-therapy@1.0.0 · 2026-11-29'));
    expect(text).not.toMatch(/Custom template/);
  });

  it('lists every problem of a broken file with its JSON path, and prints nothing', async () => {
    const broken = variant(clinic, (copy) => {
      copy.version = '1.0';
      sectionOf(copy, 'avoid', 'items').items[0]!.refs = ['nowhere'];
    });
    const result = await card(['--template-file', file('broken.json', broken), '--out', 'broken.pdf']);
    expectRefusal(result, 'broken.pdf', /^broken\.json: version: expected a version MAJOR\.MINOR\.PATCH, like "1\.0\.0", found "1\.0"\nbroken\.json: sections\[1\]\.items\[0\]\.refs\[0\]: reference "nowhere" is not defined; add it to "references" or fix the id\n2 problems in broken\.json; nothing was printed\.\n$/);
  });

  it('says where a file stops being JSON, by line and column', async () => {
    const result = await card(['--template-file', file('cut.json', '{\n  "id": "mini-clinic",\n  "version": 1.0.0\n}'), '--out', 'cut.pdf']);
    expectRefusal(result, 'cut.pdf', /^cut\.json: \(root\): not valid JSON: .* at line 3 column 17\n1 problem in cut\.json/);
  });

  it('refuses a file over the size limit', async () => {
    const big = `${JSON.stringify(clinic).slice(0, -1)}, "pad": "${'x'.repeat(600 * 1024)}"}`;
    const result = await card(['--template-file', file('big.json', big), '--out', 'big.pdf']);
    expectRefusal(result, 'big.pdf', /^big\.json: \(root\): expected a template file of at most 512 kB, found 60\d kB\n/);
  });

  it('refuses a bundled id@version with other content, and another version of a bundled id', async () => {
    const edited = bundledText.replace('"title": "', '"title": "Our ');
    expectRefusal(await card(['--template-file', file('edited.json', edited), '--out', 'edited.pdf']), 'edited.pdf', /^edited\.json: version: mdma-therapy@1\.0\.0 is a version Safety Card publishes, and this file's content differs from it .*give your template its own id, like "mdma-therapy-clinic"\./);
    const newer = edited.replace('"version": "1.0.0"', '"version": "1.1.0"');
    expectRefusal(await card(['--template-file', file('newer.json', newer), '--out', 'newer.pdf']), 'newer.pdf', /^newer\.json: id: "mdma-therapy" is the id of a template Safety Card publishes/);
  });

  it('is a usage error together with --template, and a missing file is an input error', async () => {
    const both = await card(['--template', 'mdma-therapy', '--template-file', 'clinic.json']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^give --template or --template-file, not both\nusage:/);
    const missing = await card(['--template-file', 'nowhere.json', '--out', 'missing.pdf']);
    expectRefusal(missing, 'missing.pdf', /^cannot read the template file nowhere\.json: ENOENT/);
  });

  it('lists the file\'s template, sections and fields with --list', async () => {
    const result = await card(['--template-file', file('clinic.json', clinic), '--list']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  mini-clinic: 1.0.0 (2026-01-10)\n');
    expect(result.stdout).toContain('Sections of custom template mini-clinic@1.0.0 (* = on by default):\n');
    expect(result.stdout).toMatch(/^ {2}\* avoid {16}Avoid \[items, danger\]$/m);
  });

  it('says how in --help', async () => {
    expect((await card(['--help'])).stdout).toMatch(/--template-file FILE\.json a template file of your own/);
  });
});
