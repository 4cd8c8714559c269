/**
 * Custom templates: a template file that is not one of Safety Card's bundled published versions (a clinic's own
 * wording, another language), imported in the app or given to the CLI with --template-file. It is read with the same
 * parser as the bundled ones (`parseTemplateText`: the zod schema, the rules across values and the size limit) and
 * hashed the same way (SHA-256 of `templateContentText`; hashing is the caller's job, so this stays pure).
 *
 * Rules, in this order (see docs/TEMPLATES.md):
 * 1. An id@version that Safety Card publishes is "already bundled" when the content hash is the published one, and
 *    refused otherwise: a published version never changes.
 * 2. Another version of a bundled template id is refused: a clinic's wording takes its own id, so that it is never
 *    offered as an update of the reviewed content.
 * 3. An id@version already imported is a no-op with the same content, and refused with other content.
 * 4. Between versions of one custom id, each version bumps at least as much as its changes need (as for bundled ones).
 */
import { compareSemver, nextVersion } from '../semver';
import { bumpProblem } from './catalog';
import { SHORT_HASH_CHARS, templateKey } from './canonical';
import type { Template } from './schema';
import type { TemplateProblem } from './validate';

/** A template with the SHA-256 (hex) of its canonical content. */
export interface HashedTemplate {
  template: Template;
  sha256: string;
}

/** What an imported template is checked against. */
export interface KnownTemplates {
  /** "id@version" → SHA-256 (hex) of every bundled published version (templates/lock.json's `published`). */
  bundled: Readonly<Record<string, string>>;
  /** The custom templates already stored, any order. */
  custom: readonly HashedTemplate[];
}

/**
 * What to do with an imported template: store it (`new`), nothing because it is already here (`already-bundled`,
 * `already-imported`), or nothing because it breaks a rule (`refused`, with problems at JSON paths).
 */
export type CustomImportDecision =
  | { kind: 'new' }
  | { kind: 'already-bundled' }
  | { kind: 'already-imported' }
  | { kind: 'refused'; problems: TemplateProblem[] };

const short = (sha256: string) => `#${sha256.slice(0, SHORT_HASH_CHARS)}`;

function bumpAdvice(version: string): string {
  return `${nextVersion(version, 'patch')} for wording, ${nextVersion(version, 'minor')} for additions, ${nextVersion(version, 'major')} for removals or a changed safety meaning`;
}

/** Applies the rules above to a valid template and its content hash. */
export function decideCustomImport(imported: HashedTemplate, known: KnownTemplates): CustomImportDecision {
  const { template, sha256 } = imported;
  const key = templateKey(template);
  const refused = (path: string, message: string): CustomImportDecision => ({ kind: 'refused', problems: [{ path, message }] });

  const published = known.bundled[key];
  if (published !== undefined) {
    if (published === sha256) return { kind: 'already-bundled' };
    return refused(
      'version',
      `${key} is a version Safety Card publishes, and this file's content differs from it (${short(sha256)} here, ${short(published)} published). ` +
        `A published version never changes: give your template its own id, like "${template.id}-clinic".`,
    );
  }
  if (Object.keys(known.bundled).some((bundledKey) => bundledKey.startsWith(`${template.id}@`))) {
    return refused(
      'id',
      `"${template.id}" is the id of a template Safety Card publishes; your own wording needs its own id, like "${template.id}-clinic", so that nobody takes it for a published version.`,
    );
  }

  const versions = known.custom.filter((entry) => entry.template.id === template.id);
  const same = versions.find((entry) => entry.template.version === template.version);
  if (same !== undefined) {
    if (same.sha256 === sha256) return { kind: 'already-imported' };
    return refused(
      'version',
      `${key} is already imported with other content (${short(same.sha256)} there, ${short(sha256)} here). A published version never changes: give it a new version (${bumpAdvice(template.version)}).`,
    );
  }

  const sorted = [...versions].sort((a, b) => compareSemver(a.template.version, b.template.version));
  const before = sorted.filter((entry) => compareSemver(entry.template.version, template.version) < 0).at(-1);
  const after = sorted.find((entry) => compareSemver(entry.template.version, template.version) > 0);
  const problems: TemplateProblem[] = [];
  for (const [from, to] of [
    [before?.template, template],
    [template, after?.template],
  ] as const) {
    if (from === undefined || to === undefined) continue;
    const bump = bumpProblem(from, to);
    if (bump === undefined) continue;
    problems.push({
      path: 'version',
      message: `${bump} ${to === template ? 'Change "version" in the file.' : `This file cannot come before ${to.version} with these changes: check its "version".`}`,
    });
  }
  return problems.length > 0 ? { kind: 'refused', problems } : { kind: 'new' };
}

/** "sections[0].items[2].text: expected …" — a problem as one line, as `templates:check` prints it (without the file). */
export function formatTemplateProblem(problem: TemplateProblem): string {
  return `${problem.path}: ${problem.message}`;
}
