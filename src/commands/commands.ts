/** The ribbon's Kiểm tra: runs the check without opening the pane and tells the result in a small dialog. */
// First: before any module defines a zod schema.
import '../excel/jitless';
import { chosenTemplate, runCheck, userMessage } from '../excel';
import { addinOptions, readOptions } from '../excel/options';
import { checkSentence } from '../excel/summary';
import { KIEM_TRA_ACTION } from './ids';

/** Shows `message` in dialog.html; resolves when the user closes it or the dialog cannot open. */
function tell(message: string): Promise<void> {
  return new Promise((resolve) => {
    const url = new URL('dialog.html', location.href);
    url.searchParams.set('m', message);
    if (!Office.context.ui?.displayDialogAsync) {
      resolve();
      return;
    }
    Office.context.ui.displayDialogAsync(url.toString(), { height: 30, width: 30, displayInIframe: true }, (r) => {
      if (r.status === Office.AsyncResultStatus.Failed) {
        resolve();
        return;
      }
      const dialog = r.value;
      const done = () => {
        dialog.close();
        resolve();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

export async function kiemTra(event: Office.AddinCommands.Event): Promise<void> {
  let message: string;
  try {
    message = checkSentence(await runCheck(addinOptions(await readOptions(), await chosenTemplate())));
  } catch (e) {
    message = userMessage(e);
  }
  try {
    await tell(message);
  } finally {
    // Office waits for this before it lets the button be pressed again.
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions?.associate(KIEM_TRA_ACTION, kiemTra);
});
// Office 2019 calls ribbon functions by their global name.
(globalThis as unknown as Record<string, unknown>)[KIEM_TRA_ACTION] = kiemTra;
