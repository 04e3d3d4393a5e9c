// Claudio Portal behaviour. No inline scripts anywhere (the Content-Security-Policy forbids them).

// The scripts' words in the page's language: the layout writes them (web.ScriptMessages) as JSON in
// <script type="application/json" id="portal-words">. t(key, english, params) fills each {name} from
// params; the English given here is the fallback (a page without the block, a key it lacks).
window.PortalWords = (function () {
  'use strict';
  var words = null;
  function all() {
    if (words === null) {
      var block = document.getElementById('portal-words');
      try { words = block ? JSON.parse(block.textContent) : {}; } catch (e) { words = {}; }
    }
    return words;
  }
  function t(key, english, params) {
    var text = typeof all()[key] === 'string' ? all()[key] : english;
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return params && Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole;
    });
  }
  // 850 KB, 12 MB, 1.2 GB (decimal units, like the vendor's "250 MB"); "1,2 Go" in French: upload.Sizes on the server
  function size(bytes) {
    var lang = document.documentElement.lang || 'en';
    if (bytes >= 1e9) { return t('size_gb', '{n} GB', { n: (Math.round(bytes / 1e8) / 10).toLocaleString(lang, { minimumFractionDigits: 1 }) }); }
    if (bytes >= 1e6) { return t('size_mb', '{n} MB', { n: Math.round(bytes / 1e6) }); }
    if (bytes >= 1e3) { return t('size_kb', '{n} KB', { n: Math.round(bytes / 1e3) }); }
    return t('size_bytes', '{n} bytes', { n: bytes });
  }
  return { t: t, size: size };
})();
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

  // Move focus to the error summary (or the whole form's problem) after a failed submit so screen readers announce it.
  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.querySelector('.error-summary, .form-problem');
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
    navigator.clipboard.writeText(text).then(function () { done(PortalWords.t('copied', 'Copied to the clipboard.')); },
      function () { target.select && target.select(); done(PortalWords.t('copy_by_hand', 'Press Ctrl+C to copy.')); });
  } else {
    target.select && target.select();
    done(PortalWords.t('copy_by_hand', 'Press Ctrl+C to copy.'));
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
