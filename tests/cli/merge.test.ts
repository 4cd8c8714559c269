/**
 * `safety-card --stock`, `--merge` and `--copies`, run for real: the PDFs read back with pdfinfo, pdftotext and
 * qpdf, and every error with its exit code (1: input that cannot be printed, 2: a command line not understood), its
 * line number for merge files, and no PDF left behind.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stored, tool } from '../helpers/engine';
import { makePng } from '../helpers/images';
import { runCli, tempDir, type RunResult } from '../helpers/run';

const dir = tempDir('safety-card-merge-');
afterAll(() => dir.cleanup());
const card = (args: string[]) => runCli('safety-card.ts', ['--date', '2026-11-29', ...args], dir.path);
const file = (name: string, text: string) => {
  writeFileSync(join(dir.path, name), text);
  return name;
};
const STAMP = new RegExp(`#${stored.sha256.slice(0, 8)}`, 'g');
const SMALL = ['--region', 'US', '--sections', 'crisis-contacts,emergency-contact,always-avoid,about-me'];

function expectUserError(result: RunResult, code: 1 | 2, message: RegExp) {
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toMatch(/internal error/);
  expect(result.code).toBe(code);
}

async function pages(name: string): Promise<{ pages: number; size: string }> {
  const info = await tool('pdfinfo', [join(dir.path, name)]);
  return { pages: Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]), size: /^Page size:\s+(.+)$/m.exec(info)?.[1]?.trim() ?? '' };
}

describe('safety-card --stock', () => {
  it('prints on Avery C32011: A4 implied, wallet format, 10 a sheet, the scale in the notes', async () => {
    const result = await card(['--stock', 'avery-c32011', '--copies', '12', '--region', 'US', '--sections', 'crisis-contacts,always-avoid', '--out', 'avery.pdf']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^avery\.pdf: wallet \(2 faces\), 4 pages \(a4, Avery C32011, 12 copies\), body [\d.]+ pt, smallest 7 pt, [\d.]+ kB, mdma-therapy@1\.0\.0\n$/);
    expect(await pages('avery.pdf')).toEqual({ pages: 4, size: '595.276 x 841.89 pts (A4)' });
    const text = await tool('pdftotext', [join(dir.path, 'avery.pdf'), '-']);
    expect(text).toContain('Cards scaled to 99.3 % to fit Avery C32011 (85 × 54 mm).');
    expect(text.match(STAMP)).toHaveLength(12);
    const json = JSON.parse((await card(['--stock', 'zweckform-32010', '--region', 'US', '--sections', 'crisis-contacts,always-avoid', '--out', 'z.pdf', '--json'])).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ paper: 'a4', stock: 'zweckform-32010', format: 'wallet', pages: 2 });
  });

  it('lists the stocks', async () => {
    expect((await card(['--list'])).stdout).toMatch(/Stocks \(--stock\): plain \(Plain paper\), avery-c32011 \(Avery C32011, A4, 10 pre-cut wallet cards\), zweckform-32010 \(Zweckform 32010, A4, 10 pre-cut wallet cards\)/);
    const json = JSON.parse((await card(['--list', '--json'])).stdout) as { stocks: { id: string }[] };
    expect(json.stocks.map((stock) => stock.id)).toEqual(['plain', 'avery-c32011', 'zweckform-32010']);
  });

  const refused: [string, string[], 1 | 2, RegExp][] = [
    ['an unknown stock', ['--stock', 'avery-5371'], 2, /--stock takes one of plain, avery-c32011, zweckform-32010; got "avery-5371"/],
    ['stock on Letter', ['--stock', 'avery-c32011', '--paper', 'letter'], 1, /^Avery C32011 card stock is A4, so it cannot be printed on US Letter paper: choose paper A4, or plain paper \(stock "plain"\)\n$/],
    ['stock on card paper', ['--stock', 'avery-c32011', '--paper', 'card'], 1, /cannot be printed on card-printer paper/],
    ['a folding format on stock', ['--stock', 'zweckform-32010', '--format', 'fold-2'], 1, /^Zweckform 32010 card stock holds wallet cards only \(85 × 54 mm each\), and a fold-2 card folds out to two cards' width: choose plain paper/],
    ['fold-over on stock', ['--stock', 'avery-c32011', '--print-mode', 'fold-over'], 1, /fold-over layout \(the back printed below the front\) does not fit: choose duplex/],
    ['a card too big for stock', ['--stock', 'avery-c32011'], 1, /^Not everything fits on a wallet card, even at 7 pt, and Avery C32011 card stock holds wallet cards only\. Does not fit: .*Choose plain paper \(stock "plain"\) for a folding card, or fewer sections\.\n$/],
  ];
  for (const [name, args, code, message] of refused) {
    it(`exits ${code} for ${name}, writing nothing`, async () => {
      const out = `refused-${name.replace(/\W+/g, '-')}.pdf`;
      expectUserError(await card([...args, '--out', out]), code, message);
      expect(existsSync(join(dir.path, out))).toBe(false);
    });
  }
});

describe('safety-card --copies', () => {
  for (const copies of ['0', '1001', '100000', 'ten', '2.5', '-3']) {
    it(`exits 2 for --copies ${copies}`, async () => expectUserError(await card(['--paper', 'a4', `--copies=${copies}`]), 2, new RegExp(`--copies takes a whole number from 1 to 1000; got "${copies.replace('.', '\\.')}"`)));
  }
});

describe('safety-card --merge', () => {
  it('prints one card per row on A4 sheets, in row order, each row once, with quoted commas, "" and line breaks', async () => {
    const csv = file(
      'people.csv',
      '\uFEFFname,emergency-contact-name,emergency-contact-phone,medications\r\n' +
        'Ada Lovelace,"Byron, Lord",+44 7700 900123,\r\n' +
        '"Zoë ""Z"" Łódź",,,"Levothyroxine\r\nVitamin D"\r\n' +
        'Grace Hopper,Navy,+1 555 010 9999,\r\n',
    );
    const result = await card([...SMALL, '--paper', 'a4', '--merge', csv, '--out', 'people.pdf']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^people\.pdf: 3 cards from people\.csv, (wallet \(2 faces\)|fold-2 \(4 faces\)), 2 pages \(a4\), smallest 7 pt, [\d.]+ kB, mdma-therapy@1\.0\.0\n$/);
    expect(await pages('people.pdf')).toEqual({ pages: 2, size: '595.276 x 841.89 pts (A4)' });
    const text = await tool('pdftotext', [join(dir.path, 'people.pdf'), '-']);
    for (const printed of ['Ada Lovelace', 'Byron, Lord', 'Zoë "Z" Łódź', 'Levothyroxine', 'Vitamin D', 'Grace Hopper', '+1 555 010 9999']) expect(text).toContain(printed);
    expect(text.match(STAMP)).toHaveLength(3);
    await tool('qpdf', ['--check', join(dir.path, 'people.pdf')]);
    // Same bytes every run.
    await card([...SMALL, '--paper', 'a4', '--merge', csv, '--out', 'people-again.pdf']);
    expect(readFileSync(join(dir.path, 'people-again.pdf')).equals(readFileSync(join(dir.path, 'people.pdf')))).toBe(true);
  });

  it('prints copies of each row one after the other, and on card stock', async () => {
    const csv = file('two.csv', 'emergency-contact-name\nAda Lovelace\nGrace Hopper\n');
    const result = await card(['--region', 'US', '--sections', 'crisis-contacts,emergency-contact,always-avoid', '--stock', 'avery-c32011', '--copies', '6', '--merge', csv, '--out', 'two.pdf', '--json']);
    expect(JSON.parse(result.stdout)).toMatchObject({ rows: 2, copies: 6, cards: 12, paper: 'a4', stock: 'avery-c32011', format: 'wallet', pages: 4 });
    const onPage = async (page: number) => {
      const text = await tool('pdftotext', ['-f', String(page), '-l', String(page), join(dir.path, 'two.pdf'), '-']);
      return { ada: text.match(/Ada Lovelace/g)?.length ?? 0, grace: text.match(/Grace Hopper/g)?.length ?? 0 };
    };
    // Sheet 1 holds Ada's 6 copies and Grace's first 4; sheet 2 Grace's last 2 (page 3: its front).
    expect(await onPage(1)).toEqual({ ada: 6, grace: 4 });
    expect(await onPage(3)).toEqual({ ada: 0, grace: 2 });
  });

  it('says when a column is not printed because its section is not selected', async () => {
    const csv = file('unused.csv', 'name,emergency-contact-name\nAda,Byron\n');
    const result = await card(['--region', 'US', '--sections', 'crisis-contacts,emergency-contact,always-avoid', '--paper', 'a4', '--merge', csv, '--out', 'unused.pdf']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('note: column "name" is not printed because its section is not selected; add the section with --sections\n');
  });

  it('on card paper gives one page per face per card, in row order', async () => {
    const csv = file('cards.csv', 'name\nAda\nGrace\n');
    const result = await card([...SMALL, '--merge', csv, '--out', 'cards.pdf', '--json']);
    const summary = JSON.parse(result.stdout) as { faces: number; pages: number };
    expect(summary.pages).toBe(2 * summary.faces);
    expect((await pages('cards.pdf')).size).toBe('242.646 x 153.014 pts');
    expectUserError(await card([...SMALL, '--merge', csv, '--copies', '2', '--out', 'cards2.pdf']), 1, /copies apply to A4 and Letter sheets/);
  });

  const broken: [string, string, RegExp][] = [
    ['a row with too many values', 'name,emergency-contact-name\nAda,Byron\nGrace,Navy,Army\n', /^broken\.csv: line 3 has 3 values, but line 1 names 2 columns \(name, emergency-contact-name\): put a value that holds a comma in double quotes\n$/],
    ['a row with too few values', 'name,emergency-contact-name\nAda\n', /line 2 has 1 value, but line 1 names 2 columns/],
    ['an empty line', 'name,emergency-contact-name\nAda,Byron\n\nGrace,Navy\n', /line 3 is empty: remove it/],
    ['an unclosed quote', 'name\nAda\n"Grace\nHopper\n', /^broken\.csv: line 3: a quoted value is never closed: add the closing "/],
    ['a stray quote', 'name\n5\'10" Ada\n', /line 2: a " inside a value that does not start with one/],
    ['an unknown column', 'name,nmae\nAda,Ada\n', /^broken\.csv: line 1: unknown column "nmae"; the columns are field ids of mdma-therapy@1\.0\.0: .*name.* \(see --list\)\n$/],
    ['a column twice', 'name,name\nAda,Ada\n', /line 1: column "name" appears twice; keep one/],
    ['a value too long', `name\nAda\n${'A'.repeat(61)}\n`, /^broken\.csv: line 3: Name \(field "name"\) is 61 characters long; at most 60 fit on the card\n$/],
    ['characters the font lacks', 'name\nAda\n王小明\n', /^broken\.csv: line 3: "Name" has characters the card's font cannot print: 王 \(U\+738B\), 小 \(U\+5C0F\), 明 \(U\+660E\)/],
    ['a value for a write-in line', 'name,dose-taken\nAda,100 mg\n', /line 2: MDMA: dose and time \(field "dose-taken"\) is written in by hand/],
    ['an empty file', '', /^broken\.csv: the file is empty: its first line names the columns/],
    ['a header and no rows', 'name\n', /no cards: line 1 names the columns \(name\); add one line per card after it/],
  ];
  for (const [name, text, message] of broken) {
    it(`exits 1 for ${name}, naming the line, writing no PDF`, async () => {
      const csv = file('broken.csv', text);
      expectUserError(await card([...SMALL, '--paper', 'a4', '--merge', csv, '--out', 'broken.pdf']), 1, message);
      expect(existsSync(join(dir.path, 'broken.pdf'))).toBe(false);
    });
  }

  it('reports every bad row at once, in line order', async () => {
    const csv = file('many.csv', `name\n王\nAda\n${'B'.repeat(70)}\nGrace\n`);
    const result = await card([...SMALL, '--paper', 'a4', '--merge', csv, '--out', 'many.pdf']);
    expectUserError(result, 1, /^many\.csv: 2 problems, so no PDF was written:\n {2}line 2: "Name" has characters .*\n {2}line 4: Name \(field "name"\) is 70 characters long/);
  });

  it('exits 1 for a merge file that is not there', async () => expectUserError(await card(['--merge', 'nowhere.csv']), 1, /cannot read the merge file nowhere\.csv: ENOENT/));

  it('exits 1, as a single card does, for a logo whose image data is damaged, writing nothing', async () => {
    const png = makePng(40, 40);
    // The chunks are whole (the logo passes the check by its bytes), but the compressed pixels are spoilt.
    const idat = Buffer.from(png).indexOf('IDAT');
    const broken = new Uint8Array(png);
    broken.fill(0xff, idat + 4, idat + 20);
    writeFileSync(join(dir.path, 'broken-logo.png'), broken);
    const csv = file('logo-rows.csv', 'name\nAda\nZoë\n');
    const result = await card(['--merge', csv, '--paper', 'a4', ...SMALL, '--clinic-name', 'Harbour Care', '--logo', 'broken-logo.png', '--out', 'broken-logo.pdf']);
    expectUserError(result, 1, /logo/i);
    expect(existsSync(join(dir.path, 'broken-logo.pdf'))).toBe(false);
  });
});
