/** src/cli/v8-tuning: the interrupt budget thidua sets for its short runs is one this Node's V8 knows. */
import { spawnSync } from 'child_process';
import { INTERRUPT_BUDGET } from '../../src/cli/v8-tuning';

it('setting the budget prints nothing (V8 reports an unknown flag on stdout, which would spoil --format json)', () => {
  const set = (flag: string) =>
    spawnSync(process.execPath, ['-e', `require('v8').setFlagsFromString(${JSON.stringify(flag)})`], { encoding: 'utf8' });
  expect(set('--no-such-flag-for-thidua').stdout).toMatch(/unrecognized flag/); // the failure this guards against
  const r = set(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  expect(r.stdout + r.stderr).toBe('');
});
