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

  // The browser's time zone, for pages that show times (web.TimeZoneChoice reads the cookie); a zone
  // chosen in My settings wins over it. Kept current on every page, so a laptop that travels follows.
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf('portal-browser-tz=' + encodeURIComponent(zone)) < 0) {
      document.cookie = 'portal-browser-tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; SameSite=Lax'
        + (location.protocol === 'https:' ? '; Secure' : '');
    }
  } catch (e) { /* no Intl: the pages show UTC */ }

  // Move focus to the error summary after a failed submit so screen readers announce it.
  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.querySelector('.error-summary');
    if (summary) { summary.focus(); }
  });
})();

// "Copy" buttons: data-copy="#selector" copies the value (or text) of that element.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy]');
  if (!button) { return; }
  var target = document.querySelector(button.getAttribute('data-copy'));
  if (!target) { return; }
  var text = target.value !== undefined ? target.value : target.textContent;
  var status = button.closest('.alert, form, div').querySelector('[data-copy-status]') || document.querySelector('[data-copy-status]');
  function done(message) { if (status) { status.textContent = message; } }
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(function () { done('Copied to the clipboard.'); },
      function () { target.select && target.select(); done('Press Ctrl+C to copy.'); });
  } else {
    target.select && target.select();
    done('Press Ctrl+C to copy.');
  }
});

// A form with data-hides-on-change="selector": results shown for what the form held before (the last
// connection test) are hidden as soon as anything on it changes; a new result shows again.
(function () {
  'use strict';
  function hideStale(event) {
    var form = event.target.form || (event.target.closest && event.target.closest('form'));
    if (!form || !form.hasAttribute('data-hides-on-change')) { return; }
    document.querySelectorAll(form.getAttribute('data-hides-on-change')).forEach(function (el) { el.hidden = true; });
  }
  document.addEventListener('input', hideStale);
  document.addEventListener('change', hideStale);
  document.addEventListener('htmx:afterSwap', function (event) {
    if (event.target && event.target.hasAttribute && event.target.hasAttribute('data-stale-on-change')) { event.target.hidden = false; }
  });
})();
