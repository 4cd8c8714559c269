/** Builds the app once for all browser test files (vitest globalSetup of the browser project): they serve BUILT_APP_DIR. */
import { BUILT_APP_DIR, buildApp } from '../helpers/browser';

export default async function setup(): Promise<void> {
  await buildApp(BUILT_APP_DIR);
}
