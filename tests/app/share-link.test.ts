/**
 * Share links with the app's codec (CompressionStream / DecompressionStream, as in the browser): round trips, personal
 * details left out, and every kind of damaged, tampered or hostile link refused with a clear ShareLinkError. The QR
 * code of a link is read back with jsQR.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { crc32, decodeShareFragment, encodeShareFragment, SHARE_LINK, ShareLinkError, shareLinkErrors, toBase64Url } from '../../src/core/share-link';
import { defaultSpec, type CardSpec } from '../../src/core/spec/schema';
import type { Template } from '../../src/core/template/schema';
import { parseTemplateText } from '../../src/core/template/validate';
import { streamCodec } from '../../src/app/share/codec';
import { makeQr, QR_QUIET_MODULES } from '../../src/app/share/qr';
import { miniTemplate } from '../helpers/fixtures';
import { REPO_ROOT } from '../helpers/run';

const parsed = parseTemplateText(readFileSync(join(REPO_ROOT, 'templates/mdma-therapy/1.0.0.json'), 'utf8'));
if (!parsed.ok) throw new Error('the bundled template does not parse');
const mdma = parsed.template;
const mini = miniTemplate();
const templates: Template[] = [mdma, mini];
const TODAY = '2027-03-04';
const context = { today: TODAY, findTemplate: (id: string, version: string) => templates.find((t) => t.id === id && t.version === version) };

const personalSpec: CardSpec = {
  ...defaultSpec(mdma, '2026-11-29'),
  sections: ['crisis-contacts', 'always-avoid', 'about-me', 'emergency-contact', 'dosing'],
  fields: { name: 'Zoë Ярослава Ἀθηνᾶ', medications: 'Սերտրալին 50 mg — ქართული', 'emergency-contact-name': 'Ηλίας', 'emergency-contact-phone': '+30 690 000 0000' },
  region: 'DE',
  extraContacts: [{ name: 'Guide Sam', phone: '+44 7700 900123' }],
  format: 'fold-2',
  paper: 'a4',
  stock: 'avery-c32011',
  copies: 20,
  printMode: 'fold-over',
  backOffsetMm: { x: 1.5, y: -0.5 },
  discreet: true,
  clinic: { name: 'Κλινική Αθηνών', phone: '+30 21 0000 0000', url: 'example.org/care', logo: null },
};

/** Packs any bytes as a version-1 fragment with correct check digits: to reach the later layers of the decoder. */
function pack(bytes: Uint8Array): string {
  return `s=1.${toBase64Url(bytes)}.${crc32(bytes).toString(16).padStart(8, '0')}`;
}
async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
}
const utf8 = (text: string) => new TextEncoder().encode(text);

async function refusal(fragment: string): Promise<string> {
  const error = await decodeShareFragment(fragment, streamCodec, context).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, `decoding ${fragment.slice(0, 60)}… should fail`).toBeInstanceOf(ShareLinkError);
  return (error as ShareLinkError).message;
}

describe('a share link', () => {
  it('round-trips a whole setup with personal details, in any script, when they are included', async () => {
    const fragment = await encodeShareFragment(personalSpec, mdma, { includePersonal: true }, streamCodec);
    expect(fragment).toMatch(/^s=1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
    const decoded = await decodeShareFragment(`#${fragment}`, streamCodec, context);
    expect(decoded).toEqual({ spec: personalSpec, includesPersonal: true });
  });

  it('leaves personal details out by default: the opener gets an empty form and today’s date', async () => {
    const fragment = await encodeShareFragment(personalSpec, mdma, { includePersonal: false }, streamCodec);
    const data = fragment.split('.')[1] ?? '';
    const json = await streamCodec.decompress(Buffer.from(data, 'base64url'), SHARE_LINK.maxJsonBytes);
    expect(json).not.toMatch(/Zoë|Ярослава|Սերտրալին|Ηλίας|690|Sam|7700|2026-11-29/);
    const decoded = await decodeShareFragment(fragment, streamCodec, context);
    expect(decoded.includesPersonal).toBe(false);
    expect(decoded.spec).toEqual({ ...personalSpec, fields: {}, extraContacts: [], date: TODAY });
  });

  it('never carries the clinic logo', async () => {
    const withLogo = { ...personalSpec, clinic: { ...personalSpec.clinic, logo: { mediaType: 'image/png' as const, base64: readFileSync(join(REPO_ROOT, 'public/icons/icon-192.png')).toString('base64') } } };
    const fragment = await encodeShareFragment(withLogo, mdma, { includePersonal: true }, streamCodec);
    expect((await decodeShareFragment(fragment, streamCodec, context)).spec.clinic.logo).toBeNull();
    expect(fragment.length).toBeLessThan(2000);
  });

  it('opens an older spec version, migrated', async () => {
    const v1 = { specVersion: 1, template: { id: 'mini', version: '1.0.0' }, sections: ['contacts'], fields: {}, region: 'US', extraContacts: [], format: 'wallet', paper: 'card', copies: 1, printMode: 'duplex', backOffsetMm: { x: 0, y: 0 }, discreet: false };
    const { spec } = await decodeShareFragment(pack(await deflate(utf8(JSON.stringify(v1)))), streamCodec, context);
    expect(spec).toMatchObject({ specVersion: 2, stock: 'plain', clinic: { name: '', logo: null }, date: TODAY, region: 'US' });
  });
});

describe('a damaged or hostile link is refused with a ShareLinkError that says what to do', () => {
  let good = '';
  it('(a good link to tamper with)', async () => {
    good = await encodeShareFragment(personalSpec, mdma, { includePersonal: false }, streamCodec);
  });

  it('any one character changed in the data or the check digits', async () => {
    const start = 's=1.'.length;
    for (let at = start; at < good.length; at++) {
      if (good[at] === '.') continue;
      const changed = `${good.slice(0, at)}${good[at] === 'A' ? 'B' : 'A'}${good.slice(at + 1)}`;
      expect(await refusal(changed), `character ${at} changed`).toBe(shareLinkErrors.damaged);
    }
  });

  it('cut short anywhere', async () => {
    for (const length of [good.length - 1, good.length - 8, good.length - 9, Math.floor(good.length / 2), 5]) {
      expect(await refusal(good.slice(0, length)), `cut to ${length}`).toBe(shareLinkErrors.damaged);
    }
    expect(await refusal('s=1')).toBe(shareLinkErrors.damaged);
    expect(await refusal('s=')).toBe(shareLinkErrors.notALink);
  });

  it('a wrong prefix or format version', async () => {
    expect(await refusal(good.replace('s=1.', 's=2.'))).toBe(shareLinkErrors.newerFormat('2'));
    expect(await refusal(good.replace('s=1.', 's=0.'))).toBe(shareLinkErrors.notALink);
    expect(await refusal(good.replace('s=1.', 's=v1.'))).toBe(shareLinkErrors.notALink);
    expect(await refusal(good.replace('s=1.', 'x=1.'))).toBe(shareLinkErrors.notALink);
    expect(shareLinkErrors.newerFormat('2')).toMatch(/newer version of Safety Card .* Reload the page to update the app/);
  });

  it('data that is not base64url', async () => {
    const [, data = '', check = ''] = good.split('.');
    expect(await refusal(`s=1.${data.slice(0, 10)}+/${data.slice(12)}.${check}`)).toBe(shareLinkErrors.damaged);
    expect(await refusal(`s=1.${data}%20.${check}`)).toBe(shareLinkErrors.damaged);
  });

  it('valid base64 of bytes that are not deflate', async () => {
    expect(await refusal(pack(utf8('{"specVersion": 2} is not compressed')))).toBe(shareLinkErrors.notDeflate);
    expect(await refusal(pack(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff])))).toBe(shareLinkErrors.notDeflate);
    expect(shareLinkErrors.notDeflate).toMatch(/Copy the whole link again, or ask for a new one/);
  });

  it('deflate of text that is not JSON, or of bytes that are not UTF-8', async () => {
    expect(await refusal(pack(await deflate(utf8('specVersion=2; region=DE'))))).toBe(shareLinkErrors.notJson);
    expect(await refusal(pack(await deflate(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]))))).toBe(shareLinkErrors.notJson);
  });

  it('JSON that is not a valid spec, or a spec that does not fit its template', async () => {
    const json = (value: unknown) => deflate(utf8(JSON.stringify(value))).then(pack);
    const { date: _date, ...setup } = defaultSpec(mdma);
    expect(await refusal(await json([1, 2, 3]))).toBe(shareLinkErrors.invalidSpec('not a JSON object'));
    expect(await refusal(await json({ ...setup, copies: 5000 }))).toMatch(/^This setup link does not hold a valid card setup \(not a valid card spec: copies: at most 1000\)\. Ask for a new link\.$/);
    expect(await refusal(await json({ ...setup, specVersion: 9 }))).toMatch(/newer Safety Card \(spec version 9/);
    expect(await refusal(await json({ ...setup, template: { id: 'clinic-own', version: '2.1.0' } }))).toBe(shareLinkErrors.missingTemplate('clinic-own@2.1.0'));
    expect(shareLinkErrors.missingTemplate('clinic-own@2.1.0')).toMatch(/clinic-own@2\.1\.0, which is not on this device\. Reload the page to update the app, or import that custom template/);
    expect(await refusal(await json({ ...setup, sections: ['always-avoid', 'jokes'] }))).toMatch(/^This setup does not fit its card content: unknown section "jokes" in mdma-therapy@1\.0\.0/);
    expect(await refusal(await json({ ...setup, fields: { name: 'x'.repeat(61) } }))).toMatch(/at most 60 fit on the card/);
  });

  it('a fragment longer than 16 kB, before decoding anything', async () => {
    const long = `s=1.${'A'.repeat(SHARE_LINK.maxFragmentChars)}.00000000`;
    expect(await refusal(long)).toBe(shareLinkErrors.tooLong(long.length));
  });

  it('a zip bomb: a small link that unpacks to megabytes stops at 64 kB', async () => {
    const bomb = pack(await deflate(utf8(`{"specVersion":2,"x":"${'A'.repeat(12_000_000)}"}`)));
    expect(bomb.length).toBeLessThan(SHARE_LINK.maxFragmentChars);
    expect(await refusal(bomb)).toBe(shareLinkErrors.tooLarge);
    const zeros = pack(await deflate(new Uint8Array(12_000_000)));
    expect(await refusal(zeros)).toBe(shareLinkErrors.tooLarge);
  });
});

describe('the QR code of a link', () => {
  /** The code drawn as a grey-level image, 4 px a module, its light margin included, and read back with jsQR. */
  function readBack(text: string): string | undefined {
    const qr = makeQr(text);
    if (qr === undefined) return undefined;
    const px = 4;
    const side = (qr.size + 2 * QR_QUIET_MODULES) * px;
    const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        if (qr.code.get(Math.floor(x / px) - QR_QUIET_MODULES, Math.floor(y / px) - QR_QUIET_MODULES)) rgba.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
      }
    }
    return jsQR(rgba, side, side)?.data;
  }

  it('reads back as the link, with and without personal details', async () => {
    for (const includePersonal of [false, true]) {
      const link = `https://cards.example.org/#${await encodeShareFragment(personalSpec, mdma, { includePersonal }, streamCodec)}`;
      expect(readBack(link)).toBe(link);
    }
  });

  it('is not made for a link too long for any QR code', () => {
    expect(makeQr(`https://cards.example.org/#s=1.${'a'.repeat(3000)}`)).toBeUndefined();
  });
});
