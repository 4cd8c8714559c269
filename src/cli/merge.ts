/**
 * `--merge FILE.csv`: a CSV file → one row of field values per card. The first line names the columns, each a
 * field id of the template (`--list` shows them); every further line is one card. Every problem is reported with
 * its line number, all at once; nothing is skipped.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { CsvError, parseCsv } from '../core/csv';
import { describeGeometry } from '../core/layout/layout';
import type { Measurer } from '../core/layout/types';
import type { CardSpec } from '../core/spec/schema';
import type { Template } from '../core/template/schema';
import type { CardFontFiles } from '../render/pdf/card';
import { BatchError, makeBatch, type BatchRow } from '../render/pdf/make-batch';
import { isPrintProblem } from '../render/pdf/make-card';
import { STOCK_PRESETS } from '../core/layout/sheet-layout';
import { InputError } from './run-main';
import { templateFields } from '../core/spec/defaults';

/** The most rows one merge file may have (one PDF). */
export const MAX_MERGE_ROWS = 1000;
/** A merge file larger than this is refused before it is read (a row of every field is under 2 kB). */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Problems listed in full before "and N more". */
const MAX_LISTED = 20;

/** A merge file that cannot be used; the message lists each problem on its own line, with its line number. */
export class MergeError extends Error {
  override name = 'MergeError';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(describeProblems(file, problems));
  }
}

/** "FILE: 3 problems, nothing printed:\n  line 4: …" */
export function describeProblems(file: string, problems: readonly string[]): string {
  if (problems.length === 1) return `${file}: ${problems[0]}`;
  const listed = problems.slice(0, MAX_LISTED).map((problem) => `  ${problem}`);
  if (problems.length > MAX_LISTED) listed.push(`  …and ${problems.length - MAX_LISTED} more`);
  return `${file}: ${problems.length} problems, so no PDF was written:\n${listed.join('\n')}`;
}

/** The rows of a merge file: each row's field values by field id, labelled with its line. Throws MergeError. */
export function readMergeRows(text: string, file: string, template: Template): BatchRow[] {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new MergeError(file, [error.message]);
    throw error;
  }
  const fieldIds = templateFields(template).map(({ field }) => field.id);
  const [header, ...rows] = records;
  const example = fieldIds.slice(0, 2).join(',');
  if (header === undefined) {
    throw new MergeError(file, [`the file is empty: its first line names the columns (field ids, e.g. ${example}) and each line after it is one card`]);
  }

  const problems: string[] = [];
  const columns = header.values.map((name) => name.trim());
  const seen = new Set<string>();
  columns.forEach((name, index) => {
    if (name === '') problems.push(`line ${header.line}: column ${index + 1} has no name; name every column with a field id (${fieldIds.join(', ')})`);
    else if (!fieldIds.includes(name)) problems.push(`line ${header.line}: unknown column "${name}"; the columns are field ids of ${template.id}@${template.version}: ${fieldIds.join(', ')} (see --list)`);
    else if (seen.has(name)) problems.push(`line ${header.line}: column "${name}" appears twice; keep one`);
    seen.add(name);
  });
  if (problems.length > 0) throw new MergeError(file, problems);
  if (rows.length === 0) throw new MergeError(file, [`no cards: line ${header.line} names the columns (${columns.join(', ')}); add one line per card after it`]);
  if (rows.length > MAX_MERGE_ROWS) throw new MergeError(file, [`${rows.length} cards, but one PDF takes at most ${MAX_MERGE_ROWS}: split the file`]);

  const result: BatchRow[] = [];
  for (const row of rows) {
    if (row.values.length !== columns.length) {
      problems.push(
        row.values.length === 1 && row.values[0] === ''
          ? `line ${row.line} is empty: remove it (a card with every value empty is a line of ${columns.length - 1} comma${columns.length === 2 ? '' : 's'})`
          : `line ${row.line} has ${row.values.length} value${row.values.length === 1 ? '' : 's'}, but line ${header.line} names ${columns.length} column${columns.length === 1 ? '' : 's'} (${columns.join(', ')}): put a value that holds a comma in double quotes`,
      );
      continue;
    }
    // Line breaks inside a quoted value, as Windows or old Macs write them, become plain line breaks.
    const fields = Object.fromEntries(columns.map((name, index) => [name, (row.values[index] ?? '').replace(/\r\n?/g, '\n')]));
    result.push({ label: `line ${row.line}`, fields });
  }
  if (problems.length > 0) throw new MergeError(file, problems);
  return result;
}

export interface MergeRun {
  file: string;
  out: string;
  json: boolean;
  template: Template;
  contentHash: string;
  custom: boolean;
  spec: CardSpec;
  measurer: Measurer;
  fonts: CardFontFiles;
  creator: string;
}

/**
 * Reads the merge file, makes every row's card into one PDF, writes it and prints one summary line (or JSON).
 * Throws InputError (exit 1) for a file that cannot be read or used and for rows that cannot be printed; then no
 * PDF is written.
 */
export async function runMerge(run: MergeRun): Promise<number> {
  let text: string;
  try {
    const size = statSync(run.file).size;
    if (size > MAX_FILE_BYTES) throw new InputError(`${run.file} is ${(size / 1024 / 1024).toFixed(1)} MB; a merge file may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB (${MAX_MERGE_ROWS} cards)`);
    text = readFileSync(run.file, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read the merge file ${run.file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let made;
  try {
    const rows = readMergeRows(text, run.file, run.template);
    made = await makeBatch({ template: run.template, contentHash: run.contentHash, custom: run.custom, spec: run.spec, rows, measurer: run.measurer, fonts: run.fonts, creator: run.creator });
  } catch (error) {
    if (error instanceof MergeError) throw new InputError(error.message);
    if (error instanceof BatchError) throw new InputError(describeProblems(run.file, error.problems.map((problem) => `${problem.label}: ${problem.message}`)));
    if (isPrintProblem(error)) throw new InputError(error.message);
    throw error;
  }
  try {
    writeFileSync(run.out, made.bytes);
  } catch (error) {
    throw new InputError(`cannot write ${run.out}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const unused = [...new Set(made.documents.flatMap((document) => document.unusedFields))];
  for (const id of unused) process.stderr.write(`note: column "${id}" is not printed because its section is not selected; add the section with --sections\n`);
  const { spec } = run;
  const rows = made.layouts.length;
  const summary = {
    out: run.out,
    merge: run.file,
    template: `${run.template.id}@${run.template.version}`,
    rows,
    copies: spec.copies,
    cards: made.cards,
    format: made.format.id,
    faces: made.format.faceCount,
    paper: spec.paper,
    stock: spec.stock,
    pages: made.pageCount,
    distinctFaces: made.distinctFaces,
    unusedFields: unused,
    minSizePt: Math.min(...made.layouts.map((layout) => layout.minSizePt)),
    bytes: made.bytes.length,
  };
  const where = spec.paper === 'card' ? 'card' : spec.stock === 'plain' ? spec.paper : `a4, ${STOCK_PRESETS[spec.stock].name}`;
  process.stdout.write(
    run.json
      ? `${JSON.stringify(summary)}\n`
      : `${run.out}: ${rows} card${rows === 1 ? '' : 's'} from ${run.file}${spec.copies > 1 ? ` × ${spec.copies} copies` : ''}, ${describeGeometry(made.format)}, ` +
          `${summary.pages} page${summary.pages === 1 ? '' : 's'} (${where}), smallest ${summary.minSizePt} pt, ${(summary.bytes / 1024).toFixed(1)} kB, ${summary.template}\n`,
  );
  return 0;
}
