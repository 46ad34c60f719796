/**
 * Imported first by the pane and the ribbon's function file. zod (the templates' schema) probes whether
 * `new Function` works when its first schema is built, unless told not to; under the pane's CSP (no eval) that
 * probe is caught but reported as a CSP violation. jitless skips the probe and parses the same, a little slower.
 */
import { config } from 'zod';

config({ jitless: true });
