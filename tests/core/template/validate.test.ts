import { describe, expect, it } from 'vitest';
import { canonicalJson, templateContentText } from '../../../src/core/template/canonical';
import { parseTemplateText } from '../../../src/core/template/validate';
import { miniTemplate } from '../../helpers/fixtures';

describe('parseTemplateText', () => {
  it('accepts the fixture and returns a typed template', () => {
    const template = miniTemplate();
    expect(template.id).toBe('mini');
    expect(template.sections.map((s) => s.kind)).toEqual(['contacts', 'items', 'fields']);
  });

  it('points at the line and column of a JSON syntax error', () => {
    const result = parseTemplateText('{\n  "id": "x",\n  "version": 1.0.0\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/^not valid JSON: .* at line 3 column 17$/);
  });

  it('accepts a byte-order mark', () => {
    const text = JSON.stringify({ ...miniTemplate() });
    expect(parseTemplateText(`\ufeff${text}`).ok).toBe(true);
  });

  it('gives each problem an expected and a found', () => {
    const result = parseTemplateText(JSON.stringify({ ...miniTemplate(), version: 2 }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ path: 'version', expected: 'a string', found: '2', message: 'expected a string, found 2' }]);
  });

  it('accepts national and international displays of a number but not other digits', () => {
    const withDisplay = (display: string) => {
      const template = miniTemplate();
      const section = template.sections[0];
      if (section?.kind !== 'contacts') throw new Error('fixture changed');
      section.contacts[0]!.phone = { tel: '+16234737433', display };
      return parseTemplateText(JSON.stringify(template)).ok;
    };
    expect(withDisplay('+1 (623) 473-7433')).toBe(true);
    expect(withDisplay('(623) 473-7433')).toBe(true);
    expect(withDisplay('473-7433')).toBe(false);
    expect(withDisplay('call us')).toBe(false);
  });
});

describe('canonical content', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 'x' }], a: null, z: undefined })).toBe('{"a":null,"b":[{"c":"x","d":1}]}');
  });
  it('leaves the editor-only $schema key out of the content', () => {
    const template = miniTemplate();
    expect(templateContentText(template)).toBe(templateContentText({ ...template, $schema: 'elsewhere.json' }));
    expect(templateContentText(template)).not.toContain('$schema');
  });
});
