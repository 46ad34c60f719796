/** The ribbon check's result: the message arrives in the query string and is shown as text. */

function close(): void {
  if (typeof Office !== 'undefined' && Office.context?.ui?.messageParent) Office.context.ui.messageParent('close');
}

document.getElementById('message')!.textContent = new URLSearchParams(window.location.search).get('m') ?? '';
document.getElementById('close')!.addEventListener('click', close);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' || e.key === 'Enter') close();
});
Office.onReady(() => document.getElementById('close')!.focus());
