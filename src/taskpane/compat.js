/*
 * Runs before the pane's bundle, in ES5 on purpose: where Office's webview is too old for the bundle (Internet
 * Explorer, EdgeHTML, Safari before 14), the pane says so instead of staying blank. The bundle needs ES2017 syntax,
 * ES2018 regular expressions and the built-ins below; a syntax error in it, or a missing built-in, shows the message.
 */
(function () {
  var MESSAGE =
    'Trình duyệt nhúng của Office trên máy này quá cũ để chạy phần bổ trợ Thi đua. Hãy dùng Microsoft 365, ' +
    'Office 2021 trở lên hoặc Excel trên web, hoặc kiểm tra bảng bằng công cụ dòng lệnh thidua. Bảng tính chưa bị thay đổi.';
  // In the ribbon's function file (commands.html), data-action names the button's function (KIEM_TRA_ACTION).
  var script = document.currentScript;
  var action = script && script.getAttribute('data-action');
  var shown = false;

  /** The ribbon's button, where the bundle cannot run: it says why in the result window and completes. */
  function associateFallback() {
    if (typeof Office === 'undefined' || !Office.onReady) return;
    var tell = function (event) {
      var url = location.href.replace(/[^/]*$/, '') + 'dialog.html?m=' + encodeURIComponent(MESSAGE);
      var done = function () {
        if (event && event.completed) event.completed();
      };
      if (Office.context && Office.context.ui && Office.context.ui.displayDialogAsync) {
        Office.context.ui.displayDialogAsync(url, { height: 30, width: 30, displayInIframe: true }, done);
      } else done();
    };
    Office.onReady(function () {
      if (Office.actions && Office.actions.associate) Office.actions.associate(action, tell);
    });
    window[action] = tell;
  }
  function show() {
    // This file runs in <head>: the message box exists once the body is parsed.
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', show);
      return;
    }
    if (shown) return;
    shown = true;
    if (action) {
      associateFallback();
      return;
    }
    var box = document.getElementById('too-old');
    if (box) box.hidden = false;
    var main = document.querySelector('main.pane');
    if (main) main.setAttribute('aria-hidden', 'true');
    document.documentElement.className += ' too-old';
  }
  var ok = true;
  try {
    ok =
      typeof Promise === 'function' &&
      typeof Promise.prototype['finally'] === 'function' &&
      typeof Map === 'function' &&
      typeof Symbol === 'function' &&
      typeof Object.entries === 'function' &&
      typeof Object.fromEntries === 'function' &&
      typeof Array.prototype.flatMap === 'function' &&
      typeof String.prototype.matchAll === 'function' &&
      typeof String.prototype.normalize === 'function';
    // Unicode property escapes (ES2018): built at run time so that this file still parses where they do not.
    new RegExp('\\p{L}', 'u');
  } catch (e) {
    ok = false;
  }
  if (!ok) show();
  // A bundle that does not parse reports a SyntaxError here before anything of it runs.
  window.addEventListener('error', function (e) {
    if (e && e.error && e.error.name === 'SyntaxError') show();
    else if (e && /SyntaxError/.test(String(e.message))) show();
  });
  window.thiduaTooOld = show;
})();
