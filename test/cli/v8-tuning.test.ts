/** src/cli/v8-tuning: the interrupt budget thidua sets for its short runs is a flag this Node's V8 has. */
import { spawnSync } from 'child_process';
import { INTERRUPT_BUDGET } from '../../src/cli/v8-tuning';

it('V8 has --interrupt-budget, with a default below the one thidua sets', () => {
  // An unknown flag would be reported on stdout (spoiling --format json) and the runs would be slow again.
  const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
  const m = /--interrupt-budget \(.*\)\s+type: int {2}default: --interrupt-budget=(\d+)/.exec(options);
  expect(m).not.toBeNull();
  expect(Number(m![1])).toBeLessThan(INTERRUPT_BUDGET);
});
