/** What thidua writes on a marked cell: its fill by severity and its message as a note or an input prompt. */
import { MARK_COLOURS, NOTE_HEAD, noteWith, Severity, SEVERITY_WORDS } from '../engine';
import { PromptState } from './backup';

/** The mark colours, as Office.js takes them (#RRGGBB): one copy, in src/engine/wording.ts. */
export const FILL = MARK_COLOURS;
export { NOTE_HEAD };

/** The start of every input prompt's title the add-in writes. */
export const PROMPT_HEAD = 'Thi đua:';

/** The user's own note stays, above ours. */
export function noteText(messages: string[], own: string | null | undefined): string {
  return noteWith(own ?? undefined, messages);
}

/** An input prompt holds a title of 32 and a message of 255 characters. */
export function promptOf(severity: Severity, messages: string[]): PromptState {
  const text = messages.join('\n');
  return {
    showPrompt: true,
    title: `${PROMPT_HEAD} ${SEVERITY_WORDS[severity].toLowerCase()}`.slice(0, 32),
    message: text.length <= 255 ? text : `${text.slice(0, 254)}…`,
  };
}
