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
    expect(() => migrateSpec({ ...spec, specVersion: 0 })).toThrow(/"specVersion" must be a whole number from 1 to 1, found 0/);
    expect(() => migrateSpec({ ...spec, specVersion: 2 })).toThrow(/made by a newer Safety Card \(spec version 2; this one reads up to 1\)/);
    expect(() => migrateSpec({ ...spec, copies: 1001, region: 'Europe' })).toThrow(/not a valid card spec: region: a region code like "US", or "any"; copies: at most 1000/);
    expect(() => migrateSpec({ ...spec, extra: true })).toThrow(/Unrecognized key/);
  });
});
