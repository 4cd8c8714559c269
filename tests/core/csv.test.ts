/** The CSV reader: RFC 4180 records, and every malformed input named by its line. */
import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from '../../src/core/csv';

const values = (text: string) => parseCsv(text).map((record) => record.values);

describe('parseCsv', () => {
  it('reads plain records, one a line, with their line numbers', () => {
    expect(parseCsv('name,phone\nAda,+44 1\nGrace,+1 2')).toEqual([
      { line: 1, values: ['name', 'phone'] },
      { line: 2, values: ['Ada', '+44 1'] },
      { line: 3, values: ['Grace', '+1 2'] },
    ]);
  });

  it('reads quoted values with commas, "" for a quote, and line breaks, counting the lines they span', () => {
    const records = parseCsv('name,notes\n"Lovelace, Ada","She said ""hi""\nand left"\nGrace,""\n');
    expect(records).toEqual([
      { line: 1, values: ['name', 'notes'] },
      { line: 2, values: ['Lovelace, Ada', 'She said "hi"\nand left'] },
      { line: 4, values: ['Grace', ''] },
    ]);
  });

  it('takes CRLF, LF and CR line breaks, inside quotes too (kept as written)', () => {
    expect(parseCsv('a,b\r\n1,"x\r\ny"\r\n2,z\r3,w')).toEqual([
      { line: 1, values: ['a', 'b'] },
      { line: 2, values: ['1', 'x\r\ny'] },
      { line: 4, values: ['2', 'z'] },
      { line: 5, values: ['3', 'w'] },
    ]);
  });

  it('drops a UTF-8 byte order mark, and a line break at the very end does not start a record', () => {
    expect(values('\uFEFFname\nZoë\n')).toEqual([['name'], ['Zoë']]);
    expect(values('\uFEFFname\r\nZoë\r\n')).toEqual([['name'], ['Zoë']]);
    expect(values('name\nZoë')).toEqual([['name'], ['Zoë']]);
  });

  it('keeps empty values: between commas, at the end of a line, an empty line as one empty value', () => {
    expect(values('a,b,c\n,,\nx,,\n\ny')).toEqual([['a', 'b', 'c'], ['', '', ''], ['x', '', ''], [''], ['y']]);
    expect(values('')).toEqual([]);
  });

  it('keeps spaces as written (around commas and inside values)', () => {
    expect(values(' a , b ')).toEqual([[' a ', ' b ']]);
  });

  const malformed: [string, string, number, RegExp][] = [
    ['an unclosed quote, named at the line it opens on', 'name\nAda\n"Grace\nHopper,\nx', 3, /^line 3: a quoted value is never closed: add the closing "/],
    ['text after a closing quote', 'name,x\n"Ada" Lovelace,1', 2, /^line 2: a quoted value must end at a comma or the end of the line, but " " follows its closing quote/],
    ['a quote inside an unquoted value', 'name\nAda\n5\'10",x', 3, /^line 3: a " inside a value that does not start with one: put the whole value in double quotes and write each " in it as ""$/],
    ['a stray quote after a multi-line value', 'a\n"x\ny"z', 3, /^line 3: a quoted value must end at a comma/],
  ];
  for (const [name, text, line, message] of malformed) {
    it(`refuses ${name} (line ${line})`, () => {
      const error = (() => {
        try {
          parseCsv(text);
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(CsvError);
      expect((error as CsvError).name).toBe('CsvError');
      expect((error as CsvError).line).toBe(line);
      expect((error as Error).message).toMatch(message);
    });
  }

  it('reads 10,000 quoted rows, numbering each', () => {
    const text = ['name,emergency-contact-name', ...Array.from({ length: 10_000 }, (_, i) => `"Person ${i}, Jr.","Friend ""${i}"""`)].join('\r\n');
    const records = parseCsv(text);
    expect(records).toHaveLength(10_001);
    expect(records[10_000]).toEqual({ line: 10_001, values: ['Person 9999, Jr.', 'Friend "9999"'] });
  });
});
