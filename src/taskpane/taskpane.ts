/** The task pane: Kiểm tra, Xóa đánh dấu, Hoàn tác, the options, and what the check found. */
// First: before any module defines a zod schema.
import '../excel/jitless';
import { chosenTemplate, clearMarks, runCheck, selectCell, undoWrites, userMessage } from '../excel';
import { addinOptions, PaneOptions, readOptions, saveOptions } from '../excel/options';
import { checkSentence, clearSentence, templateSentence, undoSentence } from '../excel/summary';
import { renderDocuments, renderFindings, renderSummary } from './render';
import { setUpInfer, setUpPicker, TemplatePicker } from './template';
import { mountTonghop } from './tonghop';

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

const ui = {
  check: byId<HTMLButtonElement>('check'),
  clear: byId<HTMLButtonElement>('clear'),
  undo: byId<HTMLButtonElement>('undo'),
  marks: byId<HTMLInputElement>('marks'),
  status: byId<HTMLParagraphElement>('status'),
  summary: byId<HTMLElement>('summary'),
  summaryList: byId<HTMLUListElement>('summary-list'),
  summaryTemplate: byId<HTMLParagraphElement>('summary-template'),
  findings: byId<HTMLElement>('findings'),
  groups: byId<HTMLDivElement>('findings-groups'),
  documents: byId<HTMLElement>('documents'),
  documentsList: byId<HTMLUListElement>('documents-list'),
};

function totalsChoice(): PaneOptions['totals'] {
  return document.querySelector<HTMLInputElement>('input[name="totals"]:checked')?.value === 'values' ? 'values' : 'formulas';
}

function options(): PaneOptions {
  return { totals: totalsChoice(), marks: ui.marks.checked };
}

function status(text: string, error = false): void {
  ui.status.textContent = text;
  ui.status.classList.toggle('error', error);
}

async function select(cell: string): Promise<void> {
  try {
    await selectCell(cell);
  } catch (e) {
    status(userMessage(e), true);
  }
}

/** Set up when Office is ready. */
let picker: TemplatePicker | undefined;
let buttons: HTMLButtonElement[] = [ui.check, ui.clear, ui.undo];

/** Runs one action with the buttons disabled, and says how it went. */
async function busy(work: () => Promise<string>): Promise<void> {
  for (const b of buttons) b.disabled = true;
  status('Đang xử lý…');
  try {
    status(await work());
  } catch (e) {
    status(userMessage(e), true);
  } finally {
    for (const b of buttons) b.disabled = false;
  }
}

async function check(): Promise<void> {
  await busy(async () => {
    // The choice just made in the picker must be in the workbook before the check reads it back.
    await picker?.saved();
    const out = await runCheck(addinOptions(options(), await chosenTemplate()));
    renderSummary(ui.summaryList, out.report.summary);
    const t = out.report.template;
    ui.summaryTemplate.textContent = t ? templateSentence(t) : '';
    ui.summaryTemplate.hidden = !t;
    ui.summary.hidden = out.report.summary.length === 0 && !t;
    renderFindings(ui.groups, out.report.findings, select);
    ui.findings.hidden = false;
    renderDocuments(ui.documents, ui.documentsList, out.report.documents, select);
    return checkSentence(out);
  });
}

/** Office theme colours where the host gives them (desktop); Fluent's light theme otherwise. */
function applyTheme(): void {
  const t = Office.context.officeTheme;
  if (!t) return;
  const root = document.documentElement.style;
  if (t.bodyBackgroundColor) root.setProperty('--bg', t.bodyBackgroundColor);
  if (t.bodyForegroundColor) root.setProperty('--fg', t.bodyForegroundColor);
  if (t.controlBackgroundColor) root.setProperty('--control-bg', t.controlBackgroundColor);
  if (t.controlForegroundColor) root.setProperty('--control-fg', t.controlForegroundColor);
}

/** The options as the workbook holds them, shown in the pane; a failure leaves the defaults and says why. */
async function showOptions(): Promise<void> {
  try {
    const saved = await readOptions();
    ui.marks.checked = saved.marks;
    const radio = document.querySelector<HTMLInputElement>(`input[name="totals"][value="${saved.totals}"]`);
    if (radio) radio.checked = true;
  } catch (e) {
    status(userMessage(e), true);
  }
}

Office.onReady(async () => {
  applyTheme();
  await showOptions();
  picker = setUpPicker();
  buttons = [...buttons, setUpInfer(busy), mountTonghop(document.querySelector('.options.infer') ?? ui.status)];
  for (const input of document.querySelectorAll<HTMLInputElement>('.options input[name="totals"], #marks')) {
    input.addEventListener('change', () => void saveOptions(options()).catch((e: unknown) => status(userMessage(e), true)));
  }
  ui.check.addEventListener('click', () => void check());
  ui.clear.addEventListener('click', () => void busy(async () => clearSentence(await clearMarks())));
  ui.undo.addEventListener('click', () => void busy(async () => undoSentence(await undoWrites())));
  for (const b of buttons) b.disabled = false;
  document.body.dataset.ready = 'true';
  // For the pane benchmark: time from navigation to a usable pane.
  performance.mark('thidua-ready');
});
