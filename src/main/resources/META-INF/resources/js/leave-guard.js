// Warns before leaving a form marked data-leave-guard that holds unsaved work: typed values, uploads
// (finished or under way), a dictation being recorded, or a form the server sent back with problems
// (data-unsaved). The browser asks "Leave site?" for menu links, Back, reload and closing the tab.
// Sending the form itself is not leaving.
(function () {
  'use strict';

  var forms = Array.prototype.slice.call(document.querySelectorAll('form[data-leave-guard]'));
  if (forms.length === 0) { return; }

  function changed(el) {
    if (el.disabled || el.hasAttribute('data-leave-guard-ignore')) { return false; }
    var type = (el.type || '').toLowerCase();
    if (type === 'hidden' || type === 'file' || type === 'submit' || type === 'button') { return false; }
    if (type === 'checkbox' || type === 'radio') { return el.checked !== el.defaultChecked; }
    if (el.tagName === 'SELECT') {
      var initial = Array.prototype.filter.call(el.options, function (o) { return o.defaultSelected; })[0] || el.options[0];
      return el.selectedIndex >= 0 && el.options[el.selectedIndex] !== initial;
    }
    return typeof el.value === 'string' && el.value !== el.defaultValue;
  }

  function unsaved(form) {
    if (form.dataset.leaving === 'true') { return false; }
    if (form.dataset.unsaved === 'true' || form.dataset.recording === 'true') { return true; }
    if (form.querySelector('.file-row:not(.failed)[data-upload-id]:not([data-upload-id=""]), .file-row[data-pending]')) { return true; }
    return Array.prototype.some.call(form.elements, changed);
  }

  window.addEventListener('beforeunload', function (e) {
    if (forms.some(unsaved)) {
      e.preventDefault();
      e.returnValue = '';
    }
  });

  // on the document, so that the page's own submit handlers run first and may still stop the submit
  document.addEventListener('submit', function (e) {
    if (forms.indexOf(e.target) >= 0 && !e.defaultPrevented) { e.target.dataset.leaving = 'true'; }
  });

  // back from the next page out of the back/forward cache: the form is live again
  window.addEventListener('pageshow', function (e) {
    if (e.persisted) { forms.forEach(function (f) { delete f.dataset.leaving; }); }
  });
})();
