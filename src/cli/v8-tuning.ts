/**
 * V8 tiers a function up to its optimising compiler (TurboFan) once about 66 KB of its bytecode has run: a budget for
 * long-lived pages. thidua's commands last a second or two, and there compiling the engine's many warm functions cost
 * more than it gave back: `thidua tonghop` over 50 units spent some 0.7 s of CPU in TurboFan's compiles, a check of
 * 5,000 rows 0.25 s (docs/PERFORMANCE.md). With a budget fifteen times larger only what is really hot is optimised and
 * the rest runs in the baseline compiler's code; large inputs still reach TurboFan, a little later.
 */
import * as v8 from 'v8';

/** Bytecode a function runs before V8 considers optimising it. */
export const INTERRUPT_BUDGET = 1_000_000;

/** Node versions whose V8 has the flag (an unknown flag is reported on stdout, which would spoil --format json). */
const KNOWN_NODE = [20, 21, 22, 23, 24];

let tuned = false;

/**
 * Sets the budget once per process, before thidua's own code runs hot; worker threads share it. A budget given to node
 * itself (`node --interrupt-budget=N bin/thidua.js`, as when measuring V8's own) is left as given.
 */
export function tuneV8ForShortRuns(): void {
  if (tuned || !KNOWN_NODE.includes(Number(process.versions.node.split('.')[0]))) return;
  tuned = true;
  if (process.execArgv.some((a) => /^--interrupt[-_]budget\b/.test(a))) return;
  v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
