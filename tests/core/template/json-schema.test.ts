import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateJsonSchema } from '../../../src/core/template/json-schema';
import { REPO_ROOT } from '../../helpers/run';

describe('templates/schema.json', () => {
  it('is the JSON Schema of the zod template schema (run `npm run templates:schema` after changing the schema)', () => {
    const checkedIn = JSON.parse(readFileSync(join(REPO_ROOT, 'templates/schema.json'), 'utf8')) as unknown;
    expect(checkedIn).toEqual(templateJsonSchema());
  });

  it('describes the section kinds and the required keys', () => {
    const schema = templateJsonSchema() as { required: string[]; properties: { sections: { items: { oneOf?: unknown[]; anyOf?: unknown[] } } } };
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'version', 'locale', 'title', 'published', 'reviewBy', 'description', 'attribution', 'disclaimer', 'sections', 'references']));
    const kinds = JSON.stringify(schema.properties.sections.items);
    for (const kind of ['"items"', '"contacts"', '"fields"', '"text"']) expect(kinds).toContain(kind);
  });
});
