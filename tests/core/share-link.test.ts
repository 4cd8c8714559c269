/** The pure parts of share links: base64url, CRC-32, and what a link carries. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, fromBase64Url, sharedSetup, toBase64Url } from '../../src/core/share-link';
import { defaultSpec } from '../../src/core/spec/schema';
import { parseTemplateText } from '../../src/core/template/validate';
import { REPO_ROOT } from '../helpers/run';

const parsed = parseTemplateText(readFileSync(join(REPO_ROOT, 'templates/mdma-therapy/1.0.0.json'), 'utf8'));
if (!parsed.ok) throw new Error('the bundled template does not parse');
const template = parsed.template;

describe('base64url', () => {
  it('matches Node for any bytes, without padding, and decodes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it('refuses other characters, impossible lengths and changed unused bits', () => {
    expect(fromBase64Url('ab+c')).toBeUndefined();
    expect(fromBase64Url('ab/c')).toBeUndefined();
    expect(fromBase64Url('abc=')).toBeUndefined();
    expect(fromBase64Url('abcde')).toBeUndefined();
    expect(toBase64Url(new Uint8Array([255]))).toBe('_w');
    expect(fromBase64Url('_x')).toBeUndefined();
  });
});

describe('crc32', () => {
  it('gives the standard check value and the values zlib gives', async () => {
    const { crc32: zlibCrc32 } = await import('node:zlib');
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(crc32(bytes)).toBe(zlibCrc32(bytes));
      }),
    );
  });
});

describe('what a link carries', () => {
  const spec = {
    ...defaultSpec(template, '2026-11-29'),
    fields: { name: 'Zoë Ярослава', medications: 'sertraline 50 mg', 'dose-taken': '' },
    extraContacts: [{ name: 'Guide Sam', phone: '+44 7700 900123' }],
    clinic: { name: 'Κλινική Αθηνών', phone: '+30 21 0000 0000', url: 'example.org/care', logo: { mediaType: 'image/png' as const, base64: 'iVBORw0KGgo=' } },
  };

  it('leaves out personal field values, extra contacts, the date and the logo by default, and keeps the clinic', () => {
    const shared = sharedSetup(spec, template, { includePersonal: false });
    expect(shared.fields).toEqual({});
    expect(shared.extraContacts).toEqual([]);
    expect('date' in shared).toBe(false);
    expect(shared.clinic).toEqual({ name: 'Κλινική Αθηνών', phone: '+30 21 0000 0000', url: 'example.org/care', logo: null });
    expect(JSON.stringify(shared)).not.toMatch(/Zoë|sertraline|Sam|7700|2026-11-29/);
    expect({ ...shared, fields: spec.fields, extraContacts: spec.extraContacts, date: spec.date, clinic: spec.clinic }).toEqual(spec);
  });

  it('keeps the values of fields the template does not mark personal', () => {
    const clinicSpec = { ...spec, fields: { name: 'Zoë', 'other-substances': 'none' } };
    expect(sharedSetup(clinicSpec, template, { includePersonal: false }).fields).toEqual({ 'other-substances': 'none' });
  });

  it('carries everything but the logo when the person includes personal details', () => {
    expect(sharedSetup(spec, template, { includePersonal: true })).toEqual({ ...spec, clinic: { ...spec.clinic, logo: null } });
  });
});
