/**
 * zod, configured for the app's Content-Security-Policy: without `jitless`, zod probes `new Function('')` to decide
 * whether to compile fast parsers, which a policy without 'unsafe-eval' reports as a violation. Schemas import z here.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
