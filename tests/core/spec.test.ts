import { describe, expect, it } from 'vitest';
import { compose } from '../../src/core/compose';
import { CURRENT_SPEC_VERSION, defaultSpec, migrateSpec, SpecFormatError } from '../../src/core/spec/schema';
import { miniTemplate } from '../helpers/fixtures';

const mini = miniTemplate();

describe('CardSpec', () => {
  it('defaults to the template default sections, every region, auto format, one card on card paper', () => {
    const spec = defaultSpec(mini, '2026-11-29');
    expect(spec).toMatchObject({ specVersion: CURRENT_SPEC_VERSION, template: { id: 'mini', version: '1.0.0' }, sections: ['contacts', 'avoid', 'me'], region: 'any', format: 'auto', paper: 'card', copies: 1, printMode: 'duplex', discreet: false, date: '2026-11-29' });
    expect(compose(mini, spec, { contentHash: '0'.repeat(64) }).sections.map((s) => s.id)).toEqual(['contacts', 'avoid', 'me']);
  });

  it('survives a JSON round trip, as saved and exported specs do', () => {
    const spec = { ...defaultSpec(mini, '2026-11-29'), fields: { name: 'Zoë' }, extraContacts: [{ name: 'Guide Sam', phone: '+44 7700 900123' }] };
    expect(migrateSpec(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
  });

  it('says what is wrong with data that is not a spec of a version it knows', () => {
    const spec = defaultSpec(mini, '2026-11-29');
    expect(() => migrateSpec('card')).toThrow(new SpecFormatError('not a card spec: expected a JSON object with a "specVersion"'));
    expect(() => migrateSpec({ ...spec, specVersion: 0 })).toThrow(/"specVersion" must be a whole number from 1 to 2, found 0/);
    expect(() => migrateSpec({ ...spec, specVersion: 3 })).toThrow(/made by a newer Safety Card \(spec version 3; this one reads up to 2\)/);
    expect(() => migrateSpec({ ...spec, copies: 1001, region: 'Europe' })).toThrow(/not a valid card spec: region: a region code like "US", or "any"; copies: at most 1000/);
    expect(() => migrateSpec({ ...spec, extra: true })).toThrow(/Unrecognized key/);
    expect(() => migrateSpec({ ...spec, stock: 'avery' })).toThrow(/not a valid card spec: stock: /);
    expect(() => migrateSpec({ ...spec, clinic: { ...spec.clinic, phone: 'call us' } })).toThrow(/clinic\.phone: a phone number: digits/);
    expect(() => migrateSpec({ ...spec, clinic: { ...spec.clinic, url: 'my clinic.org' } })).toThrow(/clinic\.url: a web address without spaces/);
    expect(() => migrateSpec({ ...spec, clinic: { ...spec.clinic, name: 'x'.repeat(61) } })).toThrow(/clinic\.name: at most 60 characters/);
    expect(() => migrateSpec({ ...spec, clinic: { ...spec.clinic, logo: { mediaType: 'image/gif', base64: '' } } })).toThrow(/clinic\.logo\.mediaType/);
  });

  it('migrates a version 1 spec (as saved before clinic profiles) to plain stock and no clinic, keeping everything else', () => {
    const v1 = {
      specVersion: 1,
      template: { id: 'mini', version: '1.0.0' },
      sections: ['contacts', 'me'],
      fields: { name: 'Zoë' },
      region: 'DE',
      extraContacts: [{ name: 'Guide Sam', phone: '+44 7700 900123' }],
      format: 'fold-2',
      paper: 'a4',
      copies: 10,
      printMode: 'fold-over',
      backOffsetMm: { x: 0.5, y: -1 },
      discreet: true,
      date: '2026-11-01',
    };
    const { specVersion: _old, ...rest } = v1;
    expect(migrateSpec(structuredClone(v1))).toEqual({ ...rest, specVersion: 2, stock: 'plain', clinic: { name: '', phone: '', url: '', logo: null } });
    expect(() => migrateSpec({ ...v1, copies: 0 })).toThrow(/not a valid card spec: copies: at least 1/);
  });
});
