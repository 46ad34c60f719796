/** Shortcuts for the add-in's tests. */
import { userMessage } from '../../src/excel';

/** The Vietnamese sentence the pane would show for the failure of `p`; fails the test when `p` succeeds. */
export async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return userMessage(e);
  }
  throw new Error('expected a failure');
}
