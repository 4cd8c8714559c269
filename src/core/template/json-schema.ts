/** The template format as JSON Schema (draft 2020-12), for editors and template authors: `templates/schema.json`. */
import { z } from '../zod-config';
import { TemplateShapeSchema } from './schema';

export function templateJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(TemplateShapeSchema, { target: 'draft-2020-12', unrepresentable: 'any' }),
    $id: 'https://safety-card.invalid/templates/schema.json',
    title: 'Safety Card content template',
    description:
      'A versioned content template for Safety Card. File: templates/<id>/<version>.json. Rules JSON Schema cannot express ' +
      '(unique ids, defined references, review date after published date, phone display matching the number) are checked by `npm run templates:check`.',
  };
}
