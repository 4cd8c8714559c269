/**
 * `npm run templates:publish -- ID@VERSION [--dir DIR]`: records a final template version's content hash in the lock.
 * From then on the version is immutable: `templates:check` fails on any edit to it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { templateKey } from '../core/template/canonical';
import { checkTemplateDirectory, formatProblems } from './template-catalog';
import { InputError, runMain, UsageError } from './run-main';

const USAGE = 'usage: npm run templates:publish -- ID@VERSION [--dir DIR]   e.g. npm run templates:publish -- mdma-therapy@1.1.0';

runMain(USAGE, () => {
  let parsed;
  try {
    parsed = parseArgs({ options: { dir: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const dir = parsed.values.dir ?? 'templates';
  const keys = parsed.positionals;
  if (keys.length === 0) throw new UsageError('name the version to publish');
  for (const key of keys) {
    if (!/^[a-z0-9-]+@\d+\.\d+\.\d+$/.test(key)) throw new UsageError(`"${key}" is not ID@VERSION, like mdma-therapy@1.1.0`);
  }

  const report = checkTemplateDirectory(dir, new Set(keys));
  if (report.problems.length > 0) {
    throw new InputError(`${formatProblems(report.problems)}\n\nNothing was published: fix the problems above first.`);
  }
  const published = { ...report.lock.published };
  for (const key of keys) {
    const entry = report.entries.find((e) => templateKey(e.template) === key);
    if (entry === undefined) throw new InputError(`${key}: there is no valid file ${dir}/${key.replace('@', '/')}.json to publish`);
    if (published[key] !== undefined) throw new InputError(`${key} is already published; nothing to do`);
    published[key] = entry.sha256;
  }
  const sorted = Object.fromEntries(Object.entries(published).sort(([a], [b]) => a.localeCompare(b, 'en')));
  const lock = {
    '//': 'Published template versions and the SHA-256 of their canonical content. Written by `npm run templates:publish`; never edit by hand.',
    lockVersion: 1,
    published: sorted,
  };
  writeFileSync(join(dir, 'lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
  process.stdout.write(`published ${keys.join(', ')}; ${join(dir, 'lock.json')} updated. Commit the template file and the lock together.\n`);
  return 0;
});
