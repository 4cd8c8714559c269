/**
 * `npm run templates:check` on broken template trees: each break gives exit 1 and a line naming the file, the JSON
 * path, what was expected and what was found. The tree is a small valid template, published with the real
 * `templates:publish`, then broken in one known way per test.
 */
import { readFileSync, rmSync, writeFileSync, mkdirSync, renameSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyToTemp, REPO_ROOT, runCli, tempDir } from '../helpers/run';

const FIXTURE = join(REPO_ROOT, 'tests/fixtures/templates');
type Json = Record<string, unknown> & { sections: Record<string, unknown>[] };

let base: { path: string; cleanup: () => void };

beforeAll(async () => {
  base = copyToTemp(FIXTURE);
  const published = await runCli('templates-publish.ts', ['mini@1.0.0', '--dir', base.path]);
  expect(published.stderr).toBe('');
  expect(published.code).toBe(0);
});
afterAll(() => base.cleanup());

/** A copy of the published fixture tree, with `break_` applied, checked by the real CLI. */
async function checkBroken(break_: (dir: string) => void) {
  const dir = copyToTemp(base.path);
  try {
    break_(dir.path);
    const result = await runCli('templates-check.ts', ['--dir', dir.path]);
    return { ...result, lines: result.stderr.split('\n').filter((line) => line.includes('.json: ')) };
  } finally {
    dir.cleanup();
  }
}

const templateFile = (dir: string) => join(dir, 'mini/1.0.0.json');
const writeText = (dir: string, text: string) => writeFileSync(templateFile(dir), text);
/** Edits the fixture template as JSON. */
const edit = (change: (template: Json) => void) => (dir: string) => {
  const template = JSON.parse(readFileSync(templateFile(dir), 'utf8')) as Json;
  change(template);
  writeText(dir, JSON.stringify(template, null, 2));
};
const section = (template: Json, index: number) => template.sections[index] as Record<string, unknown> & { items: Record<string, unknown>[]; contacts: Record<string, unknown>[] };

describe('templates:check', () => {
  it('passes the fixture tree once published', async () => {
    const result = await checkBroken(() => {});
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/templates ok: 1 file valid, 1 published version unchanged/);
    expect(result.code).toBe(0);
  });

  it('passes the real templates', async () => {
    const result = await runCli('templates-check.ts', []);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  const cases: [string, (dir: string) => void, RegExp][] = [
    ['invalid JSON', (dir) => writeText(dir, '{\n  "id": "mini",\n  "version": "1.0.0",\n}\n'), /mini\/1\.0\.0\.json: \(root\): not valid JSON: .* at line 4 column 1/],
    ['an empty file', (dir) => writeText(dir, ''), /mini\/1\.0\.0\.json: \(root\): not valid JSON/],
    ['a missing field', edit((t) => delete t.title), /1\.0\.0\.json: title: expected a string, found nothing \(the key is missing\)/],
    ['a boolean given as text', edit((t) => (section(t, 1).defaultSelected = 'yes')), /sections\[1\]\.defaultSelected: expected true or false, found "yes"/],
    ['sections that are not a list', edit((t) => (t.sections = {} as never)), /: sections: expected a list \[ … \], found an object/],
    ['a priority that is not a whole number', edit((t) => (section(t, 1).frontPriority = 2.5)), /sections\[1\]\.frontPriority: expected a whole number, found 2\.5/],
    ['an empty string', edit((t) => (t.title = '')), /: title: expected a non-empty string, found ""/],
    ['a duplicate section id', edit((t) => (section(t, 2).id = 'avoid')), /sections\[2\]\.id: section id "avoid" is used twice/],
    ['an item id used in two sections', edit((t) => (section(t, 1).items[1]!.id = 'line')), /sections\[1\]\.items\[1\]\.id: id "line" is already used at sections\[0\]\.contacts\[0\]/],
    ['a dangling reference', edit((t) => (section(t, 1).items[0]!.refs = ['ref-z'])), /sections\[1\]\.items\[0\]\.refs\[0\]: reference "ref-z" is not defined; add it to "references"/],
    ['bad semver', edit((t) => (t.version = '1.0')), /: version: expected a version MAJOR\.MINOR\.PATCH, like "1\.0\.0", found "1\.0"/],
    ['a phone number that is not E.164', edit((t) => ((section(t, 0).contacts[0]!.phone as Record<string, string>).tel = '623-473-7433')), /sections\[0\]\.contacts\[0\]\.phone\.tel: expected an E\.164 number like "\+16234737433" or a short code like "911", found "623-473-7433"/],
    ['a displayed number with other digits', edit((t) => ((section(t, 0).contacts[0]!.phone as Record<string, string>).display = '+1 623-473-7434')), /contacts\[0\]\.phone\.display: display "\+1 623-473-7434" does not show the digits of tel "\+16234737433"/],
    ['an unknown section kind', edit((t) => (section(t, 1).kind = 'list')), /sections\[1\]\.kind: expected a section kind: one of "items", "contacts", "fields", "text", found "list"/],
    ['a version that does not match the file name', edit((t) => (t.version = '1.0.1')), /: version: expected "1\.0\.0", the file name without \.json, found "1\.0\.1"/],
    ['an id that does not match the folder', edit((t) => (t.id = 'maxi')), /: id: expected "mini", the name of the folder the file is in, found "maxi"/],
    ['an oversize item text', edit((t) => (section(t, 1).items[0]!.text = 'x'.repeat(500))), /sections\[1\]\.items\[0\]\.text: expected at most 160 characters, found "x{40}"… \(500 characters\)/],
    ['a huge file', (dir) => writeText(dir, `{"pad": "${'x'.repeat(600 * 1024)}"}`), /\(root\): expected a template file of at most 512 kB, found 601 kB/],
    ['a misspelt key', edit((t) => { const s = section(t, 1); s.defaultSelcted = s.defaultSelected; delete s.defaultSelected; }), /sections\[1\]: unknown key "defaultSelcted": check the spelling/],
    ['an unassigned region code', edit((t) => (section(t, 0).contacts[1]!.regions = ['DE', 'XX'])), /contacts\[1\]\.regions\[1\]: expected an assigned ISO 3166-1 alpha-2 region code, like "US", or "any", found "XX"/],
    ['a review date before publication', edit((t) => (t.reviewBy = '2025-01-01')), /: reviewBy: review-by date 2025-01-01 must be after the published date 2026-01-10/],
    ['an impossible date', edit((t) => (t.published = '2026-02-30')), /: published: expected a date YYYY-MM-DD, like "2026-11-29", found "2026-02-30"/],
    ['a locale that is not a language tag', edit((t) => (t.locale = 'English')), /: locale: expected a BCP 47 language tag, like "en" or "pt-BR", found "English"/],
    ['an http:// source', edit((t) => (section(t, 0).contacts[0]!.source = 'http://example.org')), /contacts\[0\]\.source: expected an https:\/\/ address, found "http:\/\/example\.org"/],
    ['an item without references', edit((t) => (section(t, 1).items[0]!.refs = [])), /items\[0\]\.refs: expected at least one reference id, found a list of 0/],
    ['an edited published version', edit((t) => (section(t, 1).items[0]!.text = 'First thing to avoid, reworded')), /mini@1\.0\.0 was published and its content has changed since .* Published versions never change: undo this edit .* copy the file to a new version \(1\.0\.1 for wording, 1\.1\.0 for additions, 2\.0\.0 for removals/],
    ['an unpublished version', (dir) => { cpSync(templateFile(dir), join(dir, 'mini/1.1.0.json')); edit((t) => { t.version = '1.1.0'; section(t, 1).items.push({ id: 'third', text: 'Third', refs: ['ref-a'] }); })(dir); renameSync(templateFile(dir), join(dir, 'mini/1.1.0.json')); cpSync(join(base.path, 'mini/1.0.0.json'), templateFile(dir)); }, /mini\/1\.1\.0\.json: \(root\): mini@1\.1\.0 is not published\. When its content is final, run `npm run templates:publish -- mini@1\.1\.0`/],
    ['a published version deleted', (dir) => rmSync(templateFile(dir)), /lock\.json: published\["mini@1\.0\.0"\]: mini@1\.0\.0 is published but templates\/mini\/1\.0\.0\.json is missing or invalid/],
    ['a misnamed version file', (dir) => writeFileSync(join(dir, 'mini/v2.json'), '{}'), /mini\/v2\.json: \(file\): a template version file is named MAJOR\.MINOR\.PATCH\.json/],
  ];

  for (const [name, break_, message] of cases) {
    it(`reports ${name}`, async () => {
      const result = await checkBroken(break_);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/\d+ problems? in \d+ files?\.\n$/);
      expect(result.stderr).not.toMatch(/^\s+at /m); // no stack trace
      expect(result.code).toBe(1);
    });
  }

  it('reports every problem in a file, not just the first', async () => {
    const result = await checkBroken(edit((t) => { t.version = '1.0'; t.title = ''; section(t, 1).items[0]!.refs = ['nope']; }));
    expect(result.lines.length).toBeGreaterThanOrEqual(3);
    expect(result.code).toBe(1);
  });

  it('refuses a new version whose bump is smaller than its changes', async () => {
    const dir = copyToTemp(base.path);
    try {
      const next = JSON.parse(readFileSync(templateFile(dir.path), 'utf8')) as Json;
      next.version = '1.0.1';
      section(next, 1).items.pop(); // a removal needs a major version
      writeFileSync(join(dir.path, 'mini/1.0.1.json'), JSON.stringify(next, null, 2));
      const publish = await runCli('templates-publish.ts', ['mini@1.0.1', '--dir', dir.path]);
      expect(publish.stderr).toMatch(/mini\/1\.0\.1\.json: version: mini@1\.0\.1 removes entries \(second\) since 1\.0\.0, which needs a major version \(at least 2\.0\.0\), not a patch one/);
      expect(publish.stderr).toMatch(/Nothing was published/);
      expect(publish.code).toBe(1);
      expect(readFileSync(join(dir.path, 'lock.json'), 'utf8')).toBe(readFileSync(join(base.path, 'lock.json'), 'utf8'));

      rmSync(join(dir.path, 'mini/1.0.1.json'));
      next.version = '2.0.0';
      writeFileSync(join(dir.path, 'mini/2.0.0.json'), JSON.stringify(next, null, 2));
      const ok = await runCli('templates-publish.ts', ['mini@2.0.0', '--dir', dir.path]);
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
      const lock = JSON.parse(readFileSync(join(dir.path, 'lock.json'), 'utf8')) as { published: Record<string, string> };
      expect(Object.keys(lock.published)).toEqual(['mini@1.0.0', 'mini@2.0.0']);
      const again = await runCli('templates-publish.ts', ['mini@2.0.0', '--dir', dir.path]);
      expect(again.stderr).toMatch(/mini@2\.0\.0 is already published/);
      expect(again.code).toBe(1);
    } finally {
      dir.cleanup();
    }
  });

  it('gives usage errors exit 2', async () => {
    const check = await runCli('templates-check.ts', ['--bogus']);
    expect(check.stderr).toMatch(/Unknown option '--bogus'[\s\S]*usage: npm run templates:check/);
    expect(check.code).toBe(2);
    const publish = await runCli('templates-publish.ts', ['mdma-therapy']);
    expect(publish.stderr).toMatch(/"mdma-therapy" is not ID@VERSION/);
    expect(publish.code).toBe(2);
  });

  it('says how to start when there is no lock', async () => {
    const dir = tempDir();
    try {
      mkdirSync(join(dir.path, 'mini'));
      cpSync(join(FIXTURE, 'mini/1.0.0.json'), join(dir.path, 'mini/1.0.0.json'));
      const result = await runCli('templates-check.ts', ['--dir', dir.path]);
      expect(result.stderr).toMatch(/lock\.json: \(file\): missing: the lock of published versions belongs at/);
      expect(result.code).toBe(1);
    } finally {
      dir.cleanup();
    }
  });
});
