/**
 * The set of published templates: the lock of content hashes that keeps published versions immutable, and the
 * rules between versions of one template (each new version bumps at least as much as its changes need).
 * Hashing is the caller's job (node:crypto or WebCrypto), so this stays pure.
 */
import { z } from '../zod-config';
import { bumpBetween, bumpCovers, compareSemver, nextVersion } from '../semver';
import { diffTemplates, type TemplateDiff } from './diff';
import type { Template } from './schema';
import { templateKey } from './canonical';

export const LockSchema = z.strictObject({
  '//': z.string().optional(),
  lockVersion: z.literal(1),
  /** "id@version" → SHA-256 (hex) of the template's canonical content text. */
  published: z.record(z.string().regex(/^[a-z0-9-]+@\d+\.\d+\.\d+$/), z.string().regex(/^[0-9a-f]{64}$/)),
});
export type TemplateLock = z.infer<typeof LockSchema>;

/** A valid template file, with the SHA-256 of `templateContentText(template)` in hex. */
export interface CatalogEntry {
  /** The file's path as shown to the author, e.g. "templates/mdma-therapy/1.0.0.json". */
  file: string;
  template: Template;
  sha256: string;
}

/** A problem in the catalog, attached to a file (or the lock) and a JSON path. */
export interface CatalogProblem {
  file: string;
  path: string;
  message: string;
}

export interface CatalogCheckOptions {
  /** Names the lock in messages, e.g. "templates/lock.json". */
  lockFile: string;
  /** How to publish a version, e.g. "npm run templates:publish --". */
  publishCommand: string;
  /** "id@version" keys about to be published: not being in the lock is not a problem for them. */
  publishing?: ReadonlySet<string>;
}

/** Checks valid template files against the lock and against each other. */
export function checkCatalog(entries: readonly CatalogEntry[], lock: TemplateLock, options: CatalogCheckOptions): CatalogProblem[] {
  const { lockFile, publishCommand, publishing = new Set<string>() } = options;
  const problems: CatalogProblem[] = [];
  const byKey = new Map(entries.map((entry) => [templateKey(entry.template), entry]));

  for (const entry of entries) {
    const key = templateKey(entry.template);
    const locked = lock.published[key];
    if (locked === undefined) {
      if (publishing.has(key)) continue;
      problems.push({
        file: entry.file,
        path: '(root)',
        message: `${key} is not published. When its content is final, run \`${publishCommand} ${key}\` to add it to ${lockFile}.`,
      });
    } else if (locked !== entry.sha256) {
      problems.push({
        file: entry.file,
        path: '(root)',
        message:
          `${key} was published and its content has changed since (${lockFile} has sha256 ${locked.slice(0, 12)}…, the file now ${entry.sha256.slice(0, 12)}…). ` +
          `Published versions never change: undo this edit (git checkout -- ${entry.file}), copy the file to a new version ` +
          `(${nextVersion(entry.template.version, 'patch')} for wording, ${nextVersion(entry.template.version, 'minor')} for additions, ${nextVersion(entry.template.version, 'major')} for removals or a changed safety meaning), edit that, and publish it.`,
      });
    }
  }
  for (const key of Object.keys(lock.published)) {
    if (!byKey.has(key)) {
      const [id, version] = key.split('@');
      problems.push({
        file: lockFile,
        path: `published["${key}"]`,
        message: `${key} is published but templates/${id}/${version}.json is missing or invalid. Published versions stay available for reprints: restore the file.`,
      });
    }
  }

  for (const versions of groupById(entries).values()) {
    for (let index = 1; index < versions.length; index++) {
      const previous = versions[index - 1] as CatalogEntry;
      const current = versions[index] as CatalogEntry;
      const bump = bumpProblem(previous.template, current.template);
      if (bump !== undefined) problems.push({ file: current.file, path: 'version', message: `${bump} Rename the file and its "version".` });
      if (current.template.published < previous.template.published) {
        problems.push({
          file: current.file,
          path: 'published',
          message: `published ${current.template.published} is before ${previous.template.version}'s ${previous.template.published}; a later version cannot be published earlier`,
        });
      }
    }
  }
  return problems;
}

/**
 * What is wrong with the version of `to` after `from`, when it bumps less than their differences need ("x@1.1.0 removes
 * entries (second) since 1.0.0, which needs a major version (at least 2.0.0), not a minor one."); undefined when the
 * bump is enough. Used for the published versions (checkCatalog) and for custom ones (custom.ts).
 */
export function bumpProblem(from: Template, to: Template): string | undefined {
  const diff = diffTemplates(from, to);
  const bump = bumpBetween(from.version, to.version);
  // Every bump covers 'none', so a problem always needs at least a patch.
  if (bumpCovers(bump, diff.requiredBump) || diff.requiredBump === 'none') return undefined;
  return `${templateKey(to)} ${describeChange(diff)} since ${from.version}, which needs a ${diff.requiredBump} version (at least ${nextVersion(from.version, diff.requiredBump)}), not a ${bump} one.`;
}

/** Entries grouped by template id, each group sorted by version. */
export function groupById<T extends { template: Pick<Template, 'id' | 'version'> }>(entries: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const group = groups.get(entry.template.id) ?? [];
    group.push(entry);
    groups.set(entry.template.id, group);
  }
  for (const group of groups.values()) group.sort((a, b) => compareSemver(a.template.version, b.template.version));
  return groups;
}

/** "removes items (x, y) and adds items (z)" for a diff. */
export function describeChange(diff: TemplateDiff): string {
  const parts: string[] = [];
  const list = (ids: { id: string }[]) => ids.map((x) => x.id).join(', ');
  if (diff.sections.removed.length > 0) parts.push(`removes sections (${list(diff.sections.removed)})`);
  if (diff.entries.removed.length > 0) parts.push(`removes entries (${list(diff.entries.removed)})`);
  if (diff.sections.severityChanged.length > 0) parts.push(`changes the severity of sections (${list(diff.sections.severityChanged)})`);
  if (diff.sections.added.length > 0) parts.push(`adds sections (${list(diff.sections.added)})`);
  if (diff.entries.added.length > 0) parts.push(`adds entries (${list(diff.entries.added)})`);
  if (diff.entries.reworded.length > 0) parts.push(`rewords entries (${list(diff.entries.reworded)})`);
  if (parts.length === 0 && diff.requiredBump !== 'none') parts.push('changes details');
  if (parts.length === 0) parts.push('changes nothing');
  return parts.join(', ');
}
