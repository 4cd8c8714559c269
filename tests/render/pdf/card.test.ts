/**
 * Real cards from the real template, read back with real PDF readers (pdfinfo, pdffonts, qpdf, pdftotext):
 * exact ID-1 pages and sheets, embedded subset fonts, clean structure, every selected item's text present and
 * nothing unselected, every word inside the 3 mm safe area, and the same bytes every time.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { servesRegion } from '../../../src/core/compose';
import { OverflowError } from '../../../src/core/layout/layout';
import type { CardSpec } from '../../../src/core/spec/schema';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_VERSION } from '../../../src/cli/version';
import { makeCard } from '../../../src/render/pdf/make-card';
import { fonts, measurer, render, save, specWith, squash, stored, template, tool, wordBoxes } from '../../helpers/engine';
import { runCli, tempDir } from '../../helpers/run';

const dir = tempDir('safety-card-pdf-');
afterAll(() => dir.cleanup());

const MM = 72 / 25.4;

/** What the card must print for a spec, and what it must not (items of unselected sections). */
function textsOf(spec: CardSpec): { printed: string[]; absent: string[] } {
  const printed: string[] = [`${template.id}@${template.version}`, spec.date];
  const absent: string[] = [];
  for (const section of template.sections) {
    const selected = spec.sections.includes(section.id);
    const list = selected ? printed : absent;
    if (selected) printed.push(section.title);
    switch (section.kind) {
      case 'items':
        list.push(...section.items.map((item) => item.text));
        break;
      case 'contacts':
        for (const contact of section.contacts.filter((c) => servesRegion(c, spec.region))) list.push(contact.name, ...(contact.phone ? [contact.phone.display] : []), ...(contact.notes ? [contact.notes] : []));
        break;
      case 'fields':
        for (const field of section.fields) list.push(selected && spec.fields[field.id] ? `${field.label}: ${spec.fields[field.id]}` : `${field.label}:`);
        break;
      case 'text':
        list.push(section.text);
    }
  }
  return { printed, absent: absent.filter((text) => !printed.some((p) => squash(p).includes(squash(text)))) };
}

const cases: [string, Partial<CardSpec>, string][] = [
  ['the default card', {}, 'fold-3'],
  ['a US card with a name in Latin Extended', { region: 'US', fields: { name: 'Zoë Łukasiewicz-Ødegård', 'emergency-contact-name': 'Ярослава', 'emergency-contact-phone': '+44 7700 900123' } }, 'fold-3'],
  ['a small wallet card', { region: 'US', sections: ['crisis-contacts', 'always-avoid'] }, 'wallet'],
  ['a two-panel card', { region: 'DE', sections: ['crisis-contacts', 'emergency-contact', 'taken-today', 'always-avoid', 'take-precaution'] }, 'fold-2'],
  ['a discreet card', { region: 'GB', discreet: true }, 'fold-3'],
];

describe('card PDFs', () => {
  for (const [name, change, format] of cases) {
    it(`${name}: ${format}, exact ID-1 pages, subset fonts, clean, all its text and nothing else, inside the safe area`, async () => {
      const spec = specWith(change);
      const made = await render(spec);
      expect(made.layout.format.id).toBe(format);
      expect(made.layout.minSizePt).toBeGreaterThanOrEqual(7);
      const path = save(dir.path, `${name.replace(/\W+/g, '-')}.pdf`, made.bytes);

      const info = await tool('pdfinfo', ['-f', '1', '-l', '99', path]);
      expect(info).toMatch(new RegExp(`Pages:\\s+${made.layout.faces.length}\\n`));
      const sizes = info.split('\n').filter((line) => /^Page\s+\d+ size:/.test(line));
      expect(sizes).toHaveLength(made.layout.faces.length);
      for (const line of sizes) expect(line).toMatch(/size:\s+242\.646 x 153\.014 pts/);
      expect(info).toMatch(/Creator:\s+Safety Card test/);

      const fontsOut = await tool('pdffonts', [path]);
      const fontLines = fontsOut.split('\n').slice(2).filter((line) => line.trim() !== '');
      expect(fontLines).toHaveLength(2);
      for (const line of fontLines) expect(line).toMatch(/^[A-Z]{6}\+DejaVuSansCondensed(-Bold)?\s+CID TrueType\s+Identity-H\s+yes yes yes/);

      expect(await tool('qpdf', ['--check', path])).toMatch(/No syntax or stream encoding errors found/);

      const text = squash(await tool('pdftotext', ['-enc', 'UTF-8', path, '-']));
      const { printed, absent } = textsOf(spec);
      for (const expected of printed.filter((t) => !(spec.discreet && t === template.title))) expect(text, expected).toContain(squash(expected));
      for (const unexpected of absent) expect(text, unexpected).not.toContain(squash(unexpected));

      for (const word of await wordBoxes(path)) {
        expect(word.xMin, word.word).toBeGreaterThanOrEqual(3 * MM - 0.01);
        expect(word.xMax, word.word).toBeLessThanOrEqual(242.646 - 3 * MM + 0.01);
        expect(word.yMin, word.word).toBeGreaterThanOrEqual(3 * MM - 0.01);
        expect(word.yMax, word.word).toBeLessThanOrEqual(153.014 - 3 * MM + 0.01);
      }
    });
  }

  it('keeps the drug off the outside of a discreet card: a generic front, a blank back cover', async () => {
    const made = await render(specWith({ discreet: true, region: 'GB' }));
    const path = save(dir.path, 'discreet.pdf', made.bytes);
    const pages = made.layout.faces.length;
    expect(await tool('pdftotext', ['-f', String(pages), '-l', String(pages), path, '-'])).toMatch(/^\s*$/);
    const front = await tool('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', path, '-']);
    expect(squash(front)).toContain(squash('Medical information — in an emergency, read inside'));
    expect(front).not.toMatch(/MDMA|ecstasy|molly/i);
  });

  it('prints the heading marks and dashes as real Unicode text', async () => {
    const path = save(dir.path, 'unicode.pdf', (await render(specWith({ region: 'US' }))).bytes);
    const text = await tool('pdftotext', ['-enc', 'UTF-8', path, '-']);
    expect(text).toContain('⚠ Always avoid — risk of death or lasting harm');
    expect(text).toContain('▲ Use caution with');
    expect(text).toContain('+1 623-473-7433');
  });

  it('says which items do not fit instead of dropping them', async () => {
    const all = template.sections.map((section) => section.id);
    await expect(render(specWith({ sections: all }))).rejects.toThrow(OverflowError);
    await expect(render(specWith({ sections: all }))).rejects.toThrow(/^Not everything fits on a fold-3 \(6 faces\) card, even at 7 pt\. Does not fit: .*"About me" \(.*allergies-conditions\)\. Choose fewer sections, or shorten what you typed\.$/);
    await expect(render(specWith({ format: 'wallet' }))).rejects.toThrow(/^Not everything fits on a wallet \(2 faces\) card, even at 7 pt\. Does not fit: .*Choose a larger format \(or auto\), or fewer sections\.$/);
  });

  it('gives bytes that do not depend on what was rendered before (letters drawn alone after accented ones)', async () => {
    // Accented Greek capitals are composite glyphs made of the plain capitals; rendered first, they must not change
    // how the plain capitals are written into the next PDF (its text layer, its bytes).
    await render(specWith({ sections: ['about-me'], fields: { name: 'Ϊ Ά Έ Ώ Ύ' } }));
    const after = await render(specWith({ sections: ['about-me'], fields: { name: 'Ι Α Ε Ω Υ' } }));
    const text = await tool('pdftotext', ['-enc', 'UTF-8', save(dir.path, 'plain-letters.pdf', after.bytes), '-']);
    expect(text).toContain('Name: Ι Α Ε Ω Υ');
    const fresh = await runCli('safety-card.ts', ['--sections', 'about-me', '--field', 'name=Ι Α Ε Ω Υ', '--date', '2026-11-29', '--out', join(dir.path, 'fresh.pdf')]);
    expect(fresh.code).toBe(0);
    const inProcess = await makeCard({ template, contentHash: stored.sha256, spec: specWith({ sections: ['about-me'], fields: { name: 'Ι Α Ε Ω Υ' } }), measurer, fonts, creator: `Safety Card ${APP_VERSION}` });
    expect(readFileSync(join(dir.path, 'fresh.pdf')).equals(Buffer.from(inProcess.bytes))).toBe(true);
  });

  it('gives the same bytes for the same spec', async () => {
    const spec = specWith({ region: 'US', fields: { name: 'Ada' } });
    const [first, second] = [await render(spec), await render(spec)];
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
    const other = await render({ ...spec, date: '2026-11-30' });
    expect(Buffer.from(first.bytes).equals(Buffer.from(other.bytes))).toBe(false);
  });
});

describe('the default card and the all-sections card in every format and paper', () => {
  const formats = ['auto', 'wallet', 'fold-2', 'fold-3'] as const;
  const papers = ['card', 'a4', 'letter'] as const;
  for (const format of formats) {
    for (const paper of papers) {
      it(`default sections, ${format}, ${paper}: a fold-3 card of exact pages, or a clear overflow`, async () => {
        const spec = specWith({ format, paper, copies: paper === 'card' ? 1 : 2 });
        if (format === 'wallet' || format === 'fold-2') {
          await expect(render(spec)).rejects.toThrow(new RegExp(`^Not everything fits on a ${format} \\(\\d faces\\) card, even at 7 pt\\. Does not fit: "`));
          return;
        }
        const made = await render(spec);
        expect(made.layout.format.id).toBe('fold-3');
        const path = save(dir.path, `default-${format}-${paper}.pdf`, made.bytes);
        const info = await tool('pdfinfo', ['-f', '1', '-l', '99', path]);
        expect(info).toMatch(new RegExp(`Pages:\\s+${made.pageCount}\\n`));
        const expectedSize = { card: '242.646 x 153.014 pts', a4: '595.276 x 841.89 pts (A4)', letter: '612 x 792 pts (letter)' }[paper];
        for (const line of info.split('\n').filter((l) => /^Page\s+\d+ size:/.test(l))) expect(line).toContain(expectedSize);
        expect(await tool('qpdf', ['--check', path])).toMatch(/No syntax or stream encoding errors found/);
        const fontLines = (await tool('pdffonts', [path])).split('\n').slice(2).filter((line) => line.trim() !== '');
        for (const line of fontLines.filter((l) => l.includes('DejaVu'))) expect(line).toMatch(/^[A-Z]{6}\+DejaVuSansCondensed(-Bold)?\s+CID TrueType\s+Identity-H\s+yes yes yes/);
      });
      it(`all sections, ${format}, ${paper}: names what does not fit`, async () => {
        const spec = specWith({ format, paper, copies: paper === 'card' ? 1 : 2, sections: template.sections.map((s) => s.id) });
        await expect(render(spec)).rejects.toThrow(/^Not everything fits on a .* card, even at 7 pt\. Does not fit: .*"About me" \(.*\)\./);
      });
    }
  }
});

describe('sheets', () => {
  const sheetCases: [string, Partial<CardSpec>, RegExp, number][] = [
    ['A4 duplex, 10 copies of the default card', { paper: 'a4', copies: 10 }, /595\.276 x 841\.89 pts \(A4\)/, 0],
    ['Letter fold-over, 3 copies of a wallet card', { paper: 'letter', copies: 3, printMode: 'fold-over', region: 'US', sections: ['crisis-contacts', 'always-avoid'] }, /612 x 792 pts \(letter\)/, 0],
    ['A4 duplex with a back offset, a two-panel card', { paper: 'a4', copies: 12, backOffsetMm: { x: 1.5, y: -1 }, region: 'DE', sections: ['crisis-contacts', 'emergency-contact', 'taken-today', 'always-avoid', 'take-precaution'] }, /595\.276 x 841\.89 pts \(A4\)/, 0],
  ];
  for (const [name, change, size] of sheetCases) {
    it(`${name}: paper size, clean, every item on it, the ruler note`, async () => {
      const spec = specWith(change);
      const made = await render(spec);
      const path = save(dir.path, `${name.replace(/\W+/g, '-')}.pdf`, made.bytes);
      const info = await tool('pdfinfo', ['-f', '1', '-l', '99', path]);
      expect(info).toMatch(new RegExp(`Pages:\\s+${made.pageCount}\\n`));
      for (const line of info.split('\n').filter((l) => /^Page\s+\d+ size:/.test(l))) expect(line).toMatch(size);
      expect(await tool('qpdf', ['--check', path])).toMatch(/No syntax or stream encoding errors found/);
      const text = await tool('pdftotext', ['-enc', 'UTF-8', path, '-']);
      expect(text).toMatch(/100 ?%/);
      expect(text).toMatch(/50 mm/);
      const flat = squash(text);
      // pdftotext reads panels side by side as one line, so whole items are checked on one-panel cards only.
      if (made.layout.format.panels === 1) for (const expected of textsOf(spec).printed) expect(flat, expected).toContain(squash(expected));
      const stamp = squash(`${template.id}@${template.version}`);
      expect(flat.split(stamp).length - 1).toBe(spec.copies);
    });
  }
});
