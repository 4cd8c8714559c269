/**
 * Share links on the command line: `--print-link` makes the link the app opens, `--link` prints the setup a link
 * carries (the same PDF bytes as the same choices given as flags), and a damaged link exits 1 with the reason. Node's
 * zlib and the browser's CompressionStream read each other's links.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { streamCodec } from '../../src/app/share/codec';
import { nodeShareCodec } from '../../src/cli/share-link';
import { crc32, decodeShareFragment, encodeShareFragment, shareLinkErrors, toBase64Url } from '../../src/core/share-link';
import { defaultSpec } from '../../src/core/spec/schema';
import { template } from '../helpers/engine';
import { runCli, tempDir } from '../helpers/run';

const dir = tempDir('safety-card-share-cli-');
afterAll(() => dir.cleanup());
const card = (args: string[]) => runCli('safety-card.ts', args, dir.path);
const context = { today: '2027-01-01', findTemplate: (id: string, version: string) => (id === template.id && version === template.version ? template : undefined) };
const CHOICES = ['--paper', 'a4', '--copies', '12', '--region', 'DE', '--field', 'name=Zoë Ярослава', '--clinic-name', 'Κλινική Αθηνών', '--date', '2026-11-29'];

describe('safety-card and share links', () => {
  it('--print-link prints a link the app opens, personal details left out', async () => {
    const result = await card([...CHOICES, '--print-link', 'https://cards.example.org/app/']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const link = result.stdout.trim();
    expect(link).toMatch(/^https:\/\/cards\.example\.org\/app\/#s=1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
    const { spec, includesPersonal } = await decodeShareFragment(link.slice(link.indexOf('#')), streamCodec, context);
    expect(includesPersonal).toBe(false);
    expect(spec).toMatchObject({ paper: 'a4', copies: 12, region: 'DE', fields: {}, clinic: { name: 'Κλινική Αθηνών' }, date: '2027-01-01' });
  });

  it('--link prints exactly the card of the same choices given as flags', async () => {
    const link = (await card([...CHOICES, '--print-link', 'https://cards.example.org/', '--link-personal'])).stdout.trim();
    const fromLink = await card(['--link', link, '--out', 'from-link.pdf']);
    expect(fromLink.code).toBe(0);
    expect((await card([...CHOICES, '--out', 'from-flags.pdf'])).code).toBe(0);
    expect(readFileSync(join(dir.path, 'from-link.pdf')).equals(readFileSync(join(dir.path, 'from-flags.pdf')))).toBe(true);
  });

  it('refuses a damaged link with the reason (exit 1), and --spec with --link (exit 2)', async () => {
    const link = (await card(['--print-link', 'https://cards.example.org/'])).stdout.trim();
    const damaged = await card(['--link', `${link.slice(0, -12)}${link.slice(-11)}`]);
    expect(damaged.stderr).toBe(`--link: ${shareLinkErrors.damaged}\n`);
    expect(damaged.code).toBe(1);
    const both = await card(['--link', link, '--spec', 'card.json']);
    expect(both.stderr).toMatch(/^give --spec or --link, not both\nusage:/);
    expect(both.code).toBe(2);
    const notWeb = await card(['--print-link', 'cards.example.org']);
    expect(notWeb.stderr).toMatch(/^--print-link takes the app's address, like --print-link https:\/\/cards\.example\.org\/; got "cards\.example\.org"/);
    expect(notWeb.code).toBe(2);
  });
});

describe('the two codecs', () => {
  const spec = { ...defaultSpec(template, '2026-11-29'), fields: { name: 'Zoë Ярослава' } };

  it('read each other’s links', async () => {
    for (const [make, read] of [
      [nodeShareCodec, streamCodec],
      [streamCodec, nodeShareCodec],
    ] as const) {
      const fragment = await encodeShareFragment(spec, template, { includePersonal: true }, make);
      expect((await decodeShareFragment(fragment, read, context)).spec).toEqual(spec);
    }
  });

  it('both stop a zip bomb at the limit', async () => {
    const bytes = await nodeShareCodec.compress(`{"x":"${'A'.repeat(12_000_000)}"}`);
    const fragment = `s=1.${toBase64Url(bytes)}.${crc32(bytes).toString(16).padStart(8, '0')}`;
    for (const codec of [nodeShareCodec, streamCodec]) {
      await expect(decodeShareFragment(fragment, codec, context)).rejects.toThrow(shareLinkErrors.tooLarge);
    }
  });
});
