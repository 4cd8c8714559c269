/**
 * The code card-store.ts loads with `import()` only when there is something to read or check: it brings zod and the
 * spec and template schemas, which a first visit (nothing stored) does not need.
 */
import { migrateSpec, type CardSpec } from '../../core/spec/schema';
import { en } from '../messages/en';
import { StorageError } from './records';

export { buildExport, buildSetAsideExport, parseExport, planImport, readCard } from './export-format';
export { planTemplateImport, readStoredTemplate, readTemplateFile } from './custom-templates';
export { formatTemplateProblem } from '../../core/template/custom';

const m = en.storage;

/** The spec migrated to the current version, or a StorageError ('invalid-spec') saying what is wrong with it. */
export function validSpec(spec: unknown): CardSpec {
  try {
    return migrateSpec(spec);
  } catch (error) {
    throw new StorageError('invalid-spec', m.invalidSpec(error instanceof Error ? error.message : String(error)));
  }
}
