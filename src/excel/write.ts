/** What thidua writes on a marked cell: its fill by severity and its message as a note or an input prompt. */
import { Severity } from '../engine';
import { PromptState } from './backup';

/** Light red, amber and blue: the tints Excel's own conditional formats use, the same as the CLI's. */
export const FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

/** The first line of every note the add-in writes, so that a person sees where it came from. */
export const NOTE_HEAD = 'thidua:';

/** The start of every input prompt's title the add-in writes. */
export const PROMPT_HEAD = 'Thi đua:';

const SEVERITY_WORD: Record<Severity, string> = { error: 'lỗi', warning: 'cảnh báo', info: 'lưu ý' };

export function noteText(messages: string[], own: string | null | undefined): string {
  const ours = `${NOTE_HEAD}\n${messages.join('\n')}`;
  // The user's own note stays, above ours.
  return own ? `${own}\n\n${ours}` : ours;
}

/** An input prompt holds a title of 32 and a message of 255 characters. */
export function promptOf(severity: Severity, messages: string[]): PromptState {
  const text = messages.join('\n');
  return {
    showPrompt: true,
    title: `${PROMPT_HEAD} ${SEVERITY_WORD[severity]}`.slice(0, 32),
    message: text.length <= 255 ? text : `${text.slice(0, 254)}…`,
  };
}
