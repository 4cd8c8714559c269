/**
 * A published version never changes: the real templates/ tree, copied, edited in ways an author might, and checked
 * by the real `templates:check`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyToTemp, REPO_ROOT, runCli } from '../helpers/run';

const PUBLISHED = 'mdma-therapy/1.0.0.json';

async function checkEdited(change: (text: string) => string) {
  const dir = copyToTemp(join(REPO_ROOT, 'templates'));
  try {
    const file = join(dir.path, PUBLISHED);
    const before = readFileSync(file, 'utf8');
    const after = change(before);
    expect(after).not.toBe(before);
    writeFileSync(file, after);
    return await runCli('templates-check.ts', ['--dir', dir.path]);
  } finally {
    dir.cleanup();
  }
}

describe('the lock of published templates', () => {
  it('catches a one-word edit to a published version and says to publish a new one', async () => {
    const result = await checkEdited((text) => text.replace('never combine with MDMA', 'avoid combining with MDMA'));
    expect(result.stderr).toMatch(/mdma-therapy@1\.0\.0 was published and its content has changed since/);
    expect(result.stderr).toMatch(/Published versions never change: undo this edit .* copy the file to a new version \(1\.0\.1 for wording, 1\.1\.0 for additions, 2\.0\.0 for removals or a changed safety meaning\)/);
    expect(result.code).toBe(1);
  });

  it('catches a changed number in a contact', async () => {
    const result = await checkEdited((text) => text.replace('"+16234737433"', '"+16234737434"').replace('+1 623-473-7433', '+1 623-473-7434'));
    expect(result.stderr).toMatch(/was published and its content has changed/);
    expect(result.code).toBe(1);
  });

  it('ignores changes that are not content: indentation and key order', async () => {
    const result = await checkEdited((text) => {
      const data = JSON.parse(text) as Record<string, unknown>;
      const reordered = Object.fromEntries(Object.entries(data).reverse());
      return `${JSON.stringify(reordered, null, 4)}\n`;
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
