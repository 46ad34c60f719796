/**
 * The pane's *Tổng hợp khối*: sums the unit sheets of the open workbook (and unit files chosen here) into the *Tổng hợp*
 * and *Theo tiêu chí* sheets. Built into the page by `mountTonghop`, so the page's HTML stays as it is. Text goes in
 * through textContent only.
 */
import { userMessage } from '../excel';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  for (const c of children) e.append(c);
  return e;
}

/** Office add-ins cannot use window.confirm: the question is asked in the pane, answered by one of two buttons. */
function ask(box: HTMLElement, question: string, yes: string, no: string): Promise<boolean> {
  return new Promise((resolve) => {
    box.replaceChildren();
    const ok = el('button', { type: 'button', className: 'button primary', textContent: yes, id: 'tonghop-replace' });
    const cancel = el('button', { type: 'button', className: 'button', textContent: no, id: 'tonghop-keep' });
    const done = (v: boolean) => {
      box.hidden = true;
      box.replaceChildren();
      resolve(v);
    };
    ok.addEventListener('click', () => done(true));
    cancel.addEventListener('click', () => done(false));
    box.append(el('p', { textContent: question }), el('div', { className: 'actions' }, ok, cancel));
    box.hidden = false;
    ok.focus();
  });
}

/** Adds the section to the pane, after the element given; returns its button, to be disabled while another action runs. */
export function mountTonghop(after: Element): HTMLButtonElement {
  const files = el('input', { type: 'file', id: 'tonghop-files', accept: '.xlsx', multiple: true });
  const rulesInput = el('input', { type: 'file', id: 'tonghop-rules', accept: '.json,application/json' });
  const run = el('button', { type: 'button', className: 'button', id: 'tonghop-run', textContent: 'Tổng hợp khối' });
  const question = el('div', { id: 'tonghop-question', className: 'question' });
  question.hidden = true;
  const state = el('p', { id: 'tonghop-status', className: 'status' });
  state.setAttribute('role', 'status');
  state.setAttribute('aria-live', 'polite');
  const list = el('ol', { id: 'tonghop-list', className: 'summary-list' });
  const section = el(
    'details',
    { className: 'options tonghop', id: 'tonghop' },
    el('summary', { textContent: 'Tổng hợp khối' }),
    el('p', {
      className: 'hint',
      textContent:
        'Mỗi trang có bảng chấm điểm là một đơn vị. Xếp hạng theo điểm sau kiểm tra (điểm Khối chấm nếu có), bằng điểm là đồng hạng. Ghi hai trang “Tổng hợp” và “Theo tiêu chí”; không trang nào khác bị thay đổi.',
    }),
    el('label', { htmlFor: 'tonghop-files', textContent: 'Thêm tệp của các đơn vị (.xlsx, không bắt buộc)' }),
    files,
    el('label', { htmlFor: 'tonghop-rules', textContent: 'Quy chế của khối (.json, không bắt buộc): xếp loại, chỉ tiêu khen' }),
    rulesInput,
    run,
    question,
    state,
    list,
  );
  after.after(section);

  const say = (text: string, error = false) => {
    state.textContent = text;
    state.classList.toggle('error', error);
  };

  run.addEventListener('click', () => {
    void (async () => {
      run.disabled = true;
      list.replaceChildren();
      say('Đang đọc các trang…');
      try {
        // The summary's engine and the writer come in a chunk of their own, fetched on the first click.
        const { summarise } = await import(/* webpackChunkName: "tonghop" */ './tonghop-run');
        const out = await summarise({
          rulesFile: rulesInput.files?.[0],
          files: [...(files.files ?? [])],
          confirmReplace: (names) =>
            ask(
              question,
              `Các trang ${names.map((n) => `“${n}”`).join(', ')} do lần tổng hợp trước tạo ra. Thay bằng bảng mới?`,
              'Thay bằng bảng mới',
              'Giữ nguyên',
            ),
        });
        for (const line of out.lines) list.append(el('li', { textContent: line }));
        say(out.sentence);
      } catch (e) {
        say(userMessage(e), true);
      } finally {
        run.disabled = false;
      }
    })();
  });
  return run;
}
