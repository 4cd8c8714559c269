/** Reading the template tree from disk: the one place the template tools touch the file system. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { TemplatePlacement } from '../core/template/validate';

export interface TemplateFile {
  /** Path relative to the working directory, as shown in messages. */
  file: string;
  placement: TemplatePlacement;
  text: string;
}

/** Something in the tree that is not where a template file can be. */
export interface MisplacedFile {
  file: string;
  message: string;
}

const VERSION_FILE = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)\.json$/;
const ID_FOLDER = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Files that may sit in a template folder besides its versions. */
const FOLDER_EXTRAS = new Set(['CHANGELOG.md', 'README.md']);
/** Files at the top of the templates directory. */
const ROOT_FILES = new Set(['schema.json', 'lock.json', 'README.md']);

/** A path as shown in messages: relative to the working directory when inside it, absolute otherwise. */
export function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? resolve(path) : shown;
}

/** Lists `<root>/<id>/<version>.json` files, and anything else that looks like a misplaced template. */
export function readTemplateTree(rootDir: string): { files: TemplateFile[]; misplaced: MisplacedFile[] } {
  const files: TemplateFile[] = [];
  const misplaced: MisplacedFile[] = [];
  for (const name of readdirSync(rootDir).sort()) {
    const path = join(rootDir, name);
    const shown = displayPath(path);
    if (!statSync(path).isDirectory()) {
      if (!ROOT_FILES.has(name)) misplaced.push({ file: shown, message: `unexpected file: templates go in ${displayPath(rootDir)}/<id>/<version>.json` });
      continue;
    }
    if (!ID_FOLDER.test(name)) {
      misplaced.push({ file: shown, message: 'a template folder is named by the template id: lower-case letters, digits and single hyphens, like "mdma-therapy"' });
      continue;
    }
    for (const fileName of readdirSync(path).sort()) {
      const filePath = join(path, fileName);
      const fileShown = displayPath(filePath);
      const match = VERSION_FILE.exec(fileName);
      if (match !== null) {
        files.push({ file: fileShown, placement: { id: name, version: fileName.slice(0, -'.json'.length) }, text: readFileSync(filePath, 'utf8') });
      } else if (!FOLDER_EXTRAS.has(fileName)) {
        misplaced.push({ file: fileShown, message: 'a template version file is named MAJOR.MINOR.PATCH.json, like "1.0.0.json"; other files here may be CHANGELOG.md or README.md' });
      }
    }
  }
  return { files, misplaced };
}

/** The lock's text, or undefined when there is no lock yet. */
export function readLockText(rootDir: string): string | undefined {
  const path = join(rootDir, 'lock.json');
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
