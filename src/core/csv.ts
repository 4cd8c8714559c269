/**
 * A CSV reader after RFC 4180, written out by hand so that every problem can name its line: fields separated by
 * commas, records by line breaks (CRLF, LF or CR); a field in double quotes may hold commas, line breaks and quotes
 * written twice (""). A UTF-8 byte order mark at the start is dropped, and a line break at the very end of the text
 * ends the last record rather than starting an empty one. Pure: text in, records out.
 */

/** One record: its values in order, and the line (1-based) of the text it starts on. */
export interface CsvRecord {
  line: number;
  values: string[];
}

/** Text that is not CSV: `line` is the 1-based line of the problem, and the message says how to fix it. */
export class CsvError extends Error {
  override name = 'CsvError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const QUOTE = '"';
const COMMA = ',';
const CR = '\r';
const LF = '\n';

/** Reads CSV text into records. Throws CsvError for an unclosed quote or a stray quote, naming the line. */
export function parseCsv(text: string): CsvRecord[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let at = 0;
  const length = source.length;
  if (length === 0) return records;

  /** After a line break at `at`: skips it (CRLF as one) and counts the line. */
  const skipBreak = () => {
    if (source[at] === CR && source[at + 1] === LF) at += 2;
    else at += 1;
    line += 1;
  };
  const isBreak = (char: string | undefined) => char === CR || char === LF;

  while (at < length) {
    const record: CsvRecord = { line, values: [] };
    for (;;) {
      // One field, starting at `at`.
      let value = '';
      if (source[at] === QUOTE) {
        const openedOn = line;
        at += 1;
        for (;;) {
          if (at >= length) throw new CsvError(openedOn, 'a quoted value is never closed: add the closing " (and write a " inside a quoted value as "")');
          const char = source[at] as string;
          if (char === QUOTE) {
            if (source[at + 1] === QUOTE) {
              value += QUOTE;
              at += 2;
              continue;
            }
            at += 1;
            break;
          }
          if (isBreak(char)) {
            const breakText = char === CR && source[at + 1] === LF ? '\r\n' : char;
            value += breakText;
            at += breakText.length;
            line += 1;
            continue;
          }
          value += char;
          at += 1;
        }
        const next = source[at];
        if (next !== undefined && next !== COMMA && !isBreak(next)) {
          throw new CsvError(line, `a quoted value must end at a comma or the end of the line, but ${JSON.stringify(next)} follows its closing quote: write a " inside a quoted value as ""`);
        }
      } else {
        const start = at;
        while (at < length && source[at] !== COMMA && !isBreak(source[at])) {
          if (source[at] === QUOTE) {
            throw new CsvError(line, 'a " inside a value that does not start with one: put the whole value in double quotes and write each " in it as ""');
          }
          at += 1;
        }
        value = source.slice(start, at);
      }
      record.values.push(value);
      if (source[at] === COMMA) {
        at += 1;
        continue;
      }
      break;
    }
    records.push(record);
    if (at < length) skipBreak();
  }
  return records;
}
