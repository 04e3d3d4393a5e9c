// Claudio Portal behaviour. No inline scripts anywhere (the Content-Security-Policy forbids them).
(function () {
  'use strict';

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') : null;
  }

  // htmx requests carry the CSRF token as a header, like forms carry it as a hidden field.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = csrfToken();
    if (token) { event.detail.headers['X-CSRF-TOKEN'] = token; }
  });

  // Move focus to the error summary after a failed submit so screen readers announce it.
  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.querySelector('.error-summary');
    if (summary) { summary.focus(); }
  });
})();
