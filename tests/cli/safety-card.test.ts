/**
 * The `safety-card` command line, run for real: the summary, the listing, the same bytes as the library, and every
 * error path with its exit code (1 for a spec that cannot be printed, 2 for usage) and no stack trace.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../src/cli/version';
import { makeCard } from '../../src/render/pdf/make-card';
import { fonts, measurer, specWith, stored, template, tool } from '../helpers/engine';
import { REPO_ROOT, runCli, tempDir, type RunResult } from '../helpers/run';

const dir = tempDir('safety-card-cli-');
afterAll(() => dir.cleanup());
const card = (args: string[]) => runCli('safety-card.ts', args, dir.path);

function expectUserError(result: RunResult, code: 1 | 2, message: RegExp) {
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toMatch(/internal error/);
  expect(result.code).toBe(code);
}

describe('safety-card', () => {
  it('writes card.pdf by default and prints a one-line summary', async () => {
    const result = await card(['--date', '2026-11-29']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^card\.pdf: fold-3 \(6 faces\), 6 pages \(card\), body [\d.]+ pt, smallest 7 pt, [\d.]+ kB, mdma-therapy@1\.0\.0\n$/);
    expect(result.code).toBe(0);
    expect(await tool('pdfinfo', [join(dir.path, 'card.pdf')])).toMatch(/Pages:\s+6\n/);
  });

  it('prints the summary as JSON', async () => {
    const result = await card(['--region', 'us', '--sections', 'crisis-contacts,always-avoid', '--paper', 'a4', '--copies', '20', '--out', 'sheet.pdf', '--json']);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ out: 'sheet.pdf', template: 'mdma-therapy@1.0.0', format: 'wallet', faces: 2, paper: 'a4', copies: 20, pages: 4, minSizePt: 7 });
    expect(summary.bytes).toBe(readFileSync(join(dir.path, 'sheet.pdf')).length);
  });

  it('lists templates, sections, fields and formats', async () => {
    const text = await card(['--list']);
    expect(text.stdout).toMatch(/mdma-therapy: 1\.0\.0 \(2026-11-29\)/);
    expect(text.stdout).toMatch(/\* always-avoid\s+Always avoid — risk of death or lasting harm \[items, danger\]/);
    expect(text.stdout).toMatch(/dose-taken\s+MDMA: dose and time \[write-in: a blank line, filled in by hand\]/);
    const json = JSON.parse((await card(['--list', '--json'])).stdout) as { sections: { id: string }[]; fields: { id: string }[]; formats: string[] };
    expect(json.sections.map((s) => s.id)).toEqual(template.sections.map((s) => s.id));
    expect(json.fields.map((f) => f.id)).toContain('name');
    expect(json.formats).toEqual(['auto', 'wallet', 'fold-2', 'fold-3']);
  });

  it('writes the same bytes as the library for the same spec, from the sources and from the built command', async () => {
    const args = ['--region', 'US', '--field', 'name=Ada Lovelace', '--field', 'medications=Levothyroxine 50 µg\\nVitamin D', '--date', '2026-11-29', '--out', 'same.pdf'];
    expect((await card(args)).code).toBe(0);
    const spec = specWith({ region: 'US', fields: { name: 'Ada Lovelace', medications: 'Levothyroxine 50 µg\nVitamin D' } });
    const library = await makeCard({ template, contentHash: stored.sha256, spec, measurer, fonts, creator: `Safety Card ${APP_VERSION}` });
    expect(Buffer.from(readFileSync(join(dir.path, 'same.pdf'))).equals(Buffer.from(library.bytes))).toBe(true);

    const viaBin = await new Promise<number | null>((resolve) => execFile(process.execPath, [join(REPO_ROOT, 'bin/safety-card.js'), ...args.slice(0, -1), 'bin.pdf'], { cwd: dir.path }, (error) => resolve(error === null ? 0 : (error.code as number))));
    expect(viaBin).toBe(0);
    expect(readFileSync(join(dir.path, 'bin.pdf')).equals(Buffer.from(library.bytes))).toBe(true);
  });

  it('reads a saved spec, and flags override it', async () => {
    const spec = specWith({ region: 'DE', sections: ['crisis-contacts', 'always-avoid'], fields: { name: 'Ada' } });
    writeFileSync(join(dir.path, 'spec.json'), JSON.stringify(spec));
    const result = await card(['--spec', 'spec.json', '--format', 'fold-2', '--json', '--out', 'from-spec.pdf']);
    expect(JSON.parse(result.stdout)).toMatchObject({ format: 'fold-2', faces: 4 });
    const text = await tool('pdftotext', [join(dir.path, 'from-spec.pdf'), '-']);
    expect(text).toContain('112');
    expect(text).not.toContain('911');
  });

  it('says when a field is given for a section that is not selected', async () => {
    const result = await card(['--sections', 'always-avoid', '--field', 'name=Ada', '--out', 'unused.pdf']);
    expect(result.stderr).toMatch(/note: field "name" is not printed because its section is not selected; add the section with --sections/);
    expect(result.code).toBe(0);
    const contact = await card(['--sections', 'always-avoid', '--contact', 'Guide Sam=+44 7700 900123', '--out', 'unused-contact.pdf']);
    expect(contact.stderr).toMatch(/note: the extra contacts are not printed because no contacts section is selected; add crisis-contacts with --sections/);
  });

  const usage: [string, string[], RegExp][] = [
    ['an unknown option', ['--colour', 'red'], /Unknown option '--colour'[\s\S]*usage: safety-card/],
    ['a positional argument', ['card.pdf'], /positional argument[\s\S]*usage: safety-card/],
    ['an unknown format', ['--format', 'poster'], /--format takes one of auto, wallet, fold-2, fold-3; got "poster"/],
    ['an unknown paper', ['--paper', 'a5'], /--paper takes one of card, a4, letter; got "a5"/],
    ['zero copies', ['--copies', '0'], /--copies takes a whole number from 1 to 1000; got "0"/],
    ['too many copies', ['--copies', '100000'], /--copies takes a whole number from 1 to 1000; got "100000"/],
    ['copies that are not a number', ['--copies', 'ten'], /--copies takes a whole number/],
    ['a field without a value', ['--field', 'name'], /--field takes KEY=VALUE, like --field name=Ada; got "name"/],
    ['a bad region', ['--region', 'Europe'], /--region takes a two-letter region code like US or DE, or any; got "Europe"/],
    ['a bad back offset', ['--back-offset', '20,0'], /--back-offset takes X,Y in mm, each within ±10/],
    ['a bad date', ['--date', '29/11/2026'], /--date takes YYYY-MM-DD; got "29\/11\/2026"/],
    ['a bad extra contact', ['--contact', 'Sam'], /--contact takes "NAME=PHONE"/],
    ['a bad print mode', ['--print-mode', 'simplex'], /--print-mode takes one of duplex, fold-over; got "simplex"/],
  ];
  for (const [name, args, message] of usage) {
    it(`exits 2 for ${name}`, async () => expectUserError(await card(args), 2, message));
  }

  const input: [string, string[], RegExp][] = [
    ['an unknown template', ['--template', 'lsd-therapy'], /unknown template "lsd-therapy"; templates: mdma-therapy\. See --list\./],
    ['an unknown version', ['--template', 'mdma-therapy@9.9.9'], /template mdma-therapy has no version 9\.9\.9; versions: 1\.0\.0/],
    ['an unknown section', ['--sections', 'always-avoid,contraindications'], /unknown section "contraindications" in mdma-therapy@1\.0\.0; its sections are: crisis-contacts, /],
    ['an unknown field', ['--field', 'nmae=Ada'], /unknown field "nmae" in mdma-therapy@1\.0\.0; its fields are: /],
    ['a field too long', ['--field', `name=${'A'.repeat(61)}`], /Name \(field "name"\) is 61 characters long; at most 60 fit on the card/],
    ['a value for a write-in line', ['--field', 'dose-taken=100 mg'], /is written in by hand on the printed card; leave it empty/],
    ['a card that does not fit', ['--sections', 'all'], /Not everything fits on a fold-3 \(6 faces\) card, even at 7 pt\. Does not fit: .*"About me" \(/],
    ['a format too small', ['--format', 'wallet'], /Not everything fits on a wallet \(2 faces\) card, even at 7 pt\. Does not fit: .*Choose a larger format \(or auto\), or fewer sections\./],
    ['characters the font lacks', ['--field', 'name=王小明'], /"Name" has characters the card's font cannot print: 王 \(U\+738B\), 小 \(U\+5C0F\), 明 \(U\+660E\)/],
    ['copies on card paper', ['--copies', '5'], /copies apply to A4 and Letter sheets; card paper gives one card/],
    ['a missing spec file', ['--spec', 'nowhere.json'], /cannot read the spec nowhere\.json: ENOENT/],
    ['an output folder that does not exist', ['--out', 'no/such/folder/card.pdf'], /cannot write no\/such\/folder\/card\.pdf: ENOENT/],
  ];
  for (const [name, args, message] of input) {
    it(`exits 1 for ${name}`, async () => expectUserError(await card(args), 1, message));
  }

  it('exits 1 for spec files that are not JSON, from a newer version, or invalid', async () => {
    mkdirSync(join(dir.path, 'specs'), { recursive: true });
    const write = (name: string, text: string) => writeFileSync(join(dir.path, 'specs', name), text);
    write('broken.json', '{"specVersion": 1,');
    write('future.json', JSON.stringify({ ...specWith(), specVersion: 7 }));
    write('invalid.json', JSON.stringify({ ...specWith(), copies: -3 }));
    write('array.json', '[]');
    const [broken, future, invalid, array] = await Promise.all(['broken', 'future', 'invalid', 'array'].map((name) => card(['--spec', `specs/${name}.json`])));
    expectUserError(broken!, 1, /specs\/broken\.json is not valid JSON/);
    expectUserError(future!, 1, /this card was made by a newer Safety Card \(spec version 7; this one reads up to 2\): update the app or CLI/);
    expectUserError(invalid!, 1, /not a valid card spec: copies: at least 1/);
    expectUserError(array!, 1, /not a card spec: expected a JSON object with a "specVersion"/);
    expect(existsSync(join(dir.path, 'specs', 'card.pdf'))).toBe(false);
  });

  it('prints help', async () => {
    const result = await card(['--help']);
    expect(result.stdout).toMatch(/^usage: safety-card \[options\]/);
    expect(result.code).toBe(0);
  });
});
