/** `npm run templates:check [-- --dir DIR]`: validates every template file; exit 1 on any problem, 2 on bad usage. */
import { parseArgs } from 'node:util';
import { checkTemplateDirectory, formatProblems } from './template-catalog';
import { runMain, UsageError } from './run-main';

const USAGE = 'usage: npm run templates:check [-- --dir DIR]   (DIR defaults to ./templates)';

runMain(USAGE, () => {
  const { values } = parseArgsOrUsage();
  const dir = values.dir ?? 'templates';
  const report = checkTemplateDirectory(dir);
  if (report.problems.length > 0) {
    process.stderr.write(`${formatProblems(report.problems)}\n`);
    const files = new Set(report.problems.map((p) => p.file)).size;
    process.stderr.write(`\n${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.\n`);
    return 1;
  }
  const published = Object.keys(report.lock.published).length;
  process.stdout.write(`templates ok: ${report.fileCount} file${report.fileCount === 1 ? '' : 's'} valid, ${published} published version${published === 1 ? '' : 's'} unchanged.\n`);
  return 0;
});

function parseArgsOrUsage() {
  try {
    return parseArgs({ options: { dir: { type: 'string' } }, allowPositionals: false, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
