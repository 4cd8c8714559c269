/** The rules for custom templates (src/core/template/custom.ts), on real template data and real SHA-256 hashes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateContentText } from '../../../src/core/template/canonical';
import { decideCustomImport, formatTemplateProblem, type HashedTemplate } from '../../../src/core/template/custom';
import type { Template } from '../../../src/core/template/schema';
import { sha256Hex } from '../../../src/cli/template-files';
import { parseTemplateText } from '../../../src/core/template/validate';
import { miniTemplate, sectionOf, variant } from '../../helpers/fixtures';
import { REPO_ROOT } from '../../helpers/run';

const hashed = (template: Template): HashedTemplate => ({ template, sha256: sha256Hex(templateContentText(template)) });
const mini = hashed(miniTemplate());
/** The mini fixture as if Safety Card published it. */
const bundled = { 'mini@1.0.0': mini.sha256 };
const clinic = (change: (copy: Template) => void = () => undefined) =>
  hashed(
    variant(miniTemplate(), (copy) => {
      copy.id = 'mini-clinic';
      change(copy);
    }),
  );

describe('decideCustomImport', () => {
  it('stores a template that is new to the device', () => {
    expect(decideCustomImport(clinic(), { bundled, custom: [] })).toEqual({ kind: 'new' });
  });

  it('says "already bundled" for a bundled published version with the same content, whatever the file\'s layout', () => {
    const reindented = hashed(JSON.parse(JSON.stringify(miniTemplate(), null, 7)) as Template);
    expect(decideCustomImport(reindented, { bundled, custom: [] })).toEqual({ kind: 'already-bundled' });
  });

  it('refuses a bundled id@version with other content, and any other version of a bundled id', () => {
    const edited = hashed(variant(miniTemplate(), (copy) => (copy.title = 'Our own title')));
    const decision = decideCustomImport(edited, { bundled, custom: [] });
    expect(decision.kind).toBe('refused');
    if (decision.kind !== 'refused') return;
    expect(decision.problems).toEqual([
      {
        path: 'version',
        message: `mini@1.0.0 is a version Safety Card publishes, and this file's content differs from it (#${edited.sha256.slice(0, 8)} here, #${mini.sha256.slice(0, 8)} published). A published version never changes: give your template its own id, like "mini-clinic".`,
      },
    ]);
    const newer = hashed(variant(miniTemplate(), (copy) => (copy.version = '1.1.0')));
    expect(decideCustomImport(newer, { bundled, custom: [] })).toMatchObject({ kind: 'refused', problems: [{ path: 'id', message: expect.stringMatching(/^"mini" is the id of a template Safety Card publishes; your own wording needs its own id/) }] });
  });

  it('treats the same id@version again as a no-op with the same content, and refuses other content', () => {
    const stored = [clinic()];
    expect(decideCustomImport(clinic(), { bundled, custom: stored })).toEqual({ kind: 'already-imported' });
    const changed = clinic((copy) => (sectionOf(copy, 'avoid', 'items').items[0]!.text = 'Something else to avoid'));
    const decision = decideCustomImport(changed, { bundled, custom: stored });
    expect(decision).toMatchObject({ kind: 'refused', problems: [{ path: 'version' }] });
    if (decision.kind === 'refused') {
      expect(formatTemplateProblem(decision.problems[0]!)).toMatch(/^version: mini-clinic@1\.0\.0 is already imported with other content \(#[0-9a-f]{8} there, #[0-9a-f]{8} here\)\. A published version never changes: give it a new version \(1\.0\.1 for wording, 1\.1\.0 for additions, 2\.0\.0 for removals or a changed safety meaning\)\.$/);
    }
  });

  it('accepts a new version whose bump covers its changes, on either side of the stored ones', () => {
    const first = clinic();
    const reworded = clinic((copy) => {
      copy.version = '1.0.1';
      sectionOf(copy, 'avoid', 'items').items[0]!.text = 'The first thing to avoid';
    });
    expect(decideCustomImport(reworded, { bundled, custom: [first] })).toEqual({ kind: 'new' });
    expect(decideCustomImport(first, { bundled, custom: [reworded] })).toEqual({ kind: 'new' });
  });

  it('refuses a version whose bump is smaller than its changes need, naming the version needed', () => {
    const first = clinic();
    const removed = clinic((copy) => {
      copy.version = '1.1.0';
      sectionOf(copy, 'avoid', 'items').items.splice(1, 1);
    });
    const decision = decideCustomImport(removed, { bundled, custom: [first] });
    expect(decision).toEqual({
      kind: 'refused',
      problems: [{ path: 'version', message: 'mini-clinic@1.1.0 removes entries (second) since 1.0.0, which needs a major version (at least 2.0.0), not a minor one. Change "version" in the file.' }],
    });
    // The same pair the other way round: the stored 1.1.0 comes after the file, and the file cannot precede it.
    const later = decideCustomImport(first, { bundled, custom: [removed] });
    expect(later).toMatchObject({ kind: 'refused', problems: [{ path: 'version', message: expect.stringMatching(/This file cannot come before 1\.1\.0 with these changes/) }] });
  });
});

describe('docs/TEMPLATES.md', () => {
  it('gives a minimal example that passes every check and is a new custom template', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs/TEMPLATES.md'), 'utf8');
    const example = /## A minimal template\n[^]*?```json\n([^]*?)\n```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const parsed = parseTemplateText(example ?? '');
    expect(parsed).toMatchObject({ ok: true, template: { id: 'clinic-example', version: '1.0.0' } });
    if (parsed.ok) expect(decideCustomImport(hashed(parsed.template), { bundled: { 'mdma-therapy@1.0.0': 'x'.repeat(64) }, custom: [] })).toEqual({ kind: 'new' });
  });
});
