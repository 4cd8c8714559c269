/** `npm run templates:schema`: writes templates/schema.json from the zod schema (a test checks they match). */
import { writeFileSync } from 'node:fs';
import { templateJsonSchema } from '../core/template/json-schema';
import { runMain } from './run-main';

runMain('usage: npm run templates:schema', () => {
  writeFileSync('templates/schema.json', `${JSON.stringify(templateJsonSchema(), null, 2)}\n`);
  process.stdout.write('wrote templates/schema.json\n');
  return 0;
});
