// Claudio Portal behaviour. No inline scripts anywhere (the Content-Security-Policy forbids them).
(function () {
  'use strict';
  // Move focus to the error summary after a failed submit so screen readers announce it.
  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.querySelector('.error-summary');
    if (summary) { summary.focus(); }
  });
})();
