/** Validates a whole template directory: every file, its placement, the lock, and the rules between versions. */
import { join } from 'node:path';
import { checkCatalog, LockSchema, type CatalogEntry, type CatalogProblem, type TemplateLock } from '../core/template/catalog';
import { templateContentText } from '../core/template/canonical';
import { formatPath } from '../core/template/schema';
import { parseTemplateText } from '../core/template/validate';
import { displayPath, readLockText, readTemplateTree, sha256Hex, type TemplateFile } from './template-files';

export const PUBLISH_COMMAND = 'npm run templates:publish --';

export interface CatalogReport {
  /** Files read, valid or not. */
  fileCount: number;
  entries: CatalogEntry[];
  lock: TemplateLock;
  lockFile: string;
  problems: CatalogProblem[];
}

/** Everything wrong with the templates under `rootDir`; `publishing` lists "id@version" keys about to be published. */
export function checkTemplateDirectory(rootDir: string, publishing: ReadonlySet<string> = new Set()): CatalogReport {
  const lockFile = displayPath(join(rootDir, 'lock.json'));
  const problems: CatalogProblem[] = [];
  const { files, misplaced } = readTemplateTree(rootDir);
  for (const item of misplaced) problems.push({ file: item.file, path: '(file)', message: item.message });

  const parsed = parseTemplateFiles(files);
  const { entries } = parsed;
  problems.push(...parsed.problems);

  let lock: TemplateLock = { lockVersion: 1, published: {} };
  const lockText = readLockText(rootDir);
  if (lockText === undefined) {
    if (publishing.size === 0) problems.push({ file: lockFile, path: '(file)', message: `missing: the lock of published versions belongs at ${lockFile}; create it with \`${PUBLISH_COMMAND} <id>@<version>\`` });
  } else {
    let data: unknown;
    try {
      data = JSON.parse(lockText);
    } catch (error) {
      problems.push({ file: lockFile, path: '(root)', message: `not valid JSON (${error instanceof Error ? error.message : String(error)}); restore it from git` });
    }
    if (data !== undefined) {
      const parsed = LockSchema.safeParse(data);
      if (parsed.success) lock = parsed.data;
      else for (const issue of parsed.error.issues) problems.push({ file: lockFile, path: formatPath(issue.path), message: `${issue.message}; the lock is written by \`${PUBLISH_COMMAND}\`, restore it from git` });
    }
  }

  problems.push(...checkCatalog(entries, lock, { lockFile, publishCommand: PUBLISH_COMMAND, publishing }));
  return { fileCount: files.length, entries, lock, lockFile, problems };
}

/** Parses template files: the valid ones with their content hash, and every problem of the others. */
export function parseTemplateFiles(files: readonly TemplateFile[]): { entries: CatalogEntry[]; problems: CatalogProblem[] } {
  const entries: CatalogEntry[] = [];
  const problems: CatalogProblem[] = [];
  for (const file of files) {
    const result = parseTemplateText(file.text, file.placement);
    if (result.ok) entries.push({ file: file.file, template: result.template, sha256: sha256Hex(templateContentText(result.template)) });
    else for (const problem of result.problems) problems.push({ file: file.file, path: problem.path, message: problem.message });
  }
  return { entries, problems };
}

/** "file: path: message" lines. */
export function formatProblems(problems: readonly CatalogProblem[]): string {
  return problems.map((problem) => `${problem.file}: ${problem.path}: ${problem.message}`).join('\n');
}
