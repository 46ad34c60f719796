/**
 * The pane's template parts: the picker (kept in the workbook's settings) and "Tạo mẫu từ bảng này", which reads
 * and checks the sheet without writing to it and offers the inferred template as a file and as text to copy.
 */
import { inferTemplate, isUserError, parseTemplateJson, Template, templateSize, templateTitle, templateToJson, UserError } from '../engine';
import {
  inspectSheet,
  userMessage,
  pickedChoice,
  pickerEntries,
  PICK_FILE,
  PICK_NONE,
  saveTemplateChoice,
  StoredTemplate,
  storedTemplate,
  templateNote,
} from '../excel';

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

/** How many of a bad file's problems the pane lists; the rest are counted. */
const SHOWN_ERRORS = 3;

export interface TemplatePicker {
  /** Resolves once the last change is saved into the workbook, so that a check reads the choice just made. */
  saved(): Promise<void>;
}

export function setUpPicker(): TemplatePicker {
  const select = byId<HTMLSelectElement>('template');
  const file = byId<HTMLInputElement>('template-file');
  const note = byId<HTMLParagraphElement>('template-name');
  const errors = byId<HTMLUListElement>('template-errors');
  let pending: Promise<void> = Promise.resolve();
  let current = PICK_NONE;

  const showErrors = (head: string, list: string[]): void => {
    const items = list.slice(0, SHOWN_ERRORS).map((e) => {
      const li = document.createElement('li');
      li.textContent = e;
      return li;
    });
    if (list.length > SHOWN_ERRORS) {
      const li = document.createElement('li');
      li.textContent = `… và ${list.length - SHOWN_ERRORS} lỗi khác.`;
      items.push(li);
    }
    const title = document.createElement('li');
    title.className = 'errors-head';
    title.textContent = head;
    errors.replaceChildren(title, ...items);
    errors.hidden = list.length === 0;
  };

  const show = (stored: StoredTemplate): void => {
    const { entries, selected } = pickerEntries(stored);
    select.replaceChildren(
      ...entries.map((e) => {
        const o = document.createElement('option');
        o.value = e.value;
        o.textContent = e.label;
        return o;
      }),
    );
    select.value = selected;
    current = selected;
    note.textContent = templateNote(stored);
    if (stored.kind === 'broken') showErrors('Lý do:', stored.errors);
  };

  const keep = (work: () => Promise<void>): void => {
    pending = pending.then(work).catch((e: unknown) => {
      note.textContent = userMessage(e);
    });
  };

  select.addEventListener('change', () => {
    if (select.value === PICK_FILE) {
      // The chooser may be cancelled: the picker stays on what is in use until a file is read.
      select.value = current;
      file.value = '';
      file.click();
      return;
    }
    const choice = pickedChoice(select.value);
    if (choice === undefined) return;
    errors.hidden = true;
    keep(async () => {
      await saveTemplateChoice(choice);
      show(await storedTemplate());
    });
  });

  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (!f) return;
    keep(async () => {
      const r = parseTemplateJson(await f.text());
      if (!r.ok) {
        showErrors(`Tệp “${f.name}” không dùng được làm bảng tiêu chí:`, r.errors);
        return;
      }
      errors.hidden = true;
      await saveTemplateChoice({ custom: r.template });
      show(await storedTemplate());
    });
  });

  keep(async () => show(await storedTemplate()));
  return { saved: () => pending };
}

/** "Tạo mẫu từ bảng này": returns the status line; the JSON goes into the download link and the text box. */
export function setUpInfer(busy: (work: () => Promise<string>) => Promise<void>): HTMLButtonElement {
  const button = byId<HTMLButtonElement>('infer');
  const bloc = byId<HTMLInputElement>('infer-bloc');
  const yearField = byId<HTMLDivElement>('infer-year-field');
  const year = byId<HTMLInputElement>('infer-year');
  const result = byId<HTMLDivElement>('infer-result');
  const link = byId<HTMLAnchorElement>('infer-download');
  const text = byId<HTMLTextAreaElement>('infer-json');
  let url: string | undefined;

  const offer = (t: Template): void => {
    const json = templateToJson(t);
    if (url) URL.revokeObjectURL(url);
    url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    link.href = url;
    link.download = `mau-tieu-chi-${t.year}.json`;
    text.value = json;
    result.hidden = false;
  };

  button.addEventListener(
    'click',
    () =>
      void busy(async () => {
        const report = await inspectSheet();
        const typed = Number(year.value);
        const given = year.value.trim() !== '' && Number.isInteger(typed) ? typed : undefined;
        let t: Template;
        try {
          t = inferTemplate(report, { bloc: bloc.value, ...(given !== undefined ? { year: given } : {}) });
        } catch (e) {
          if (!(isUserError(e) && e.code === 'missing-year')) throw e;
          yearField.hidden = false;
          year.focus();
          throw new UserError('missing-year', `${e.message} Nhập năm vào ô “Năm của mẫu” rồi bấm lại.`);
        }
        offer(t);
        return `Đã tạo mẫu “${templateTitle(t)}” từ trang “${report.sheet}”: ${templateSize(t)}. Bảng tính không bị thay đổi.`;
      }),
  );
  return button;
}
