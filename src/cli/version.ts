/** The version of Safety Card, from package.json: printed in each PDF's Creator. */
import { readFileSync } from 'node:fs';

export const APP_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
