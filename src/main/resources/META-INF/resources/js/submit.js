// The new-job form: uploads each chosen (or dictated) file at once with a progress bar and a Cancel
// button (uploads.js), lets staff trim recordings from the player, warns beside a recording that
// seems empty, silent or shorter than its trim (never blocking), fills empty fields from presets,
// and guards against double submits.
(function () {
  'use strict';

  var form = document.getElementById('submit-form');
  if (!form) { return; }
  var submitStatus = form.querySelector('[data-submit-status]');
  var hms = PortalUploads.hms, clock = PortalUploads.clock;

  function listFor(kind) { return form.querySelector('[data-list="' + kind + '"]'); }

  var uploads = PortalUploads.create({
    url: form.dataset.uploadUrl,
    list: listFor,
    limit: function (kind) { return Number(kind === 'AUDIO' ? form.dataset.maxAudio : form.dataset.maxDocument); },
    limitText: function (kind) { return kind === 'AUDIO' ? form.dataset.audioLimit : form.dataset.documentLimit; },
    parallel: form.dataset.parallelUploads,
    announce: form.querySelector('[data-upload-announce]'),
    onUploaded: finishRow,
    onChange: updateSubmit
  });

  // HH:MM:SS as the server reads it: the same pattern as claudio/ClipTime.PATTERN, which decides
  // (this only words the warning early). Change both together.
  function seconds(text) {
    var m = /^(\d{1,2}):([0-5]\d):([0-5]\d)$/.exec((text || '').trim());
    return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null;
  }

  // "This recording is 0:42 long, shorter than the trim end 12:00." — a warning, the server decides
  function trimNote(row) {
    var note = row.querySelector('[data-trim-note]');
    if (!note) { return; }
    var duration = Number(row.getAttribute('data-duration'));
    var text = '';
    if (duration > 0) {
      var length = Math.ceil(duration);
      var end = seconds(row.querySelector('[data-trim=end]').value);
      var start = seconds(row.querySelector('[data-trim=start]').value);
      if (end !== null && end > length) {
        text = PortalWords.t('trim_after_end', 'This recording is {length} long, shorter than the trim end {end}.', { length: clock(length), end: clock(end) });
      } else if (start !== null && start >= length) {
        text = PortalWords.t('trim_after_start', 'This recording is {length} long, shorter than the trim start {start}.', { length: clock(length), start: clock(start) });
      }
    }
    note.textContent = text;
    note.hidden = text === '';
  }

  function finishRow(kind, row, upload) {
    var template = document.getElementById('row-' + kind);
    var fresh = template.content.firstElementChild.cloneNode(true);
    fresh.setAttribute('data-upload-id', upload.id);
    fresh.querySelector('input[type=hidden]').value = upload.id;
    fresh.querySelector('.file-name').textContent = upload.filename;
    var meta = upload.sizeText + (upload.durationSeconds ? ' · ' + hms(Math.ceil(upload.durationSeconds)) : '');
    fresh.querySelector('.file-meta').textContent = meta;
    fresh.querySelector('[data-remove-upload]').setAttribute('aria-label', PortalWords.t('up_remove_label', 'Remove {file}', { file: upload.filename }));
    fresh.querySelectorAll('input:not([type=hidden]), select').forEach(function (input) {
      var role = input.getAttribute('data-trim') || 'type';
      var id = (role === 'start' ? 'as-' : role === 'end' ? 'ae-' : 'dt-') + upload.id;
      input.id = id;
      var label = fresh.querySelector('label[data-for="' + role + '"]');
      if (label) { label.setAttribute('for', id); }
    });
    var audio = fresh.querySelector('audio');
    if (audio) {
      audio.src = form.dataset.uploadUrl + '/' + upload.id + '/media';
      if (upload.durationSeconds) {
        fresh.setAttribute('data-duration', String(upload.durationSeconds));
        fresh.querySelector('[data-trim=end]').placeholder = hms(Math.ceil(upload.durationSeconds));
      }
      var sound = fresh.querySelector('[data-sound-note]');
      if (sound && upload.soundNote) { sound.textContent = upload.soundNote; sound.hidden = false; }
    }
    row.replaceWith(fresh);
  }

  function updateSubmit() {
    var button = form.querySelector('[data-testid=submit-job]');
    if (!button) { return; }
    var inFlight = uploads.inFlight();
    button.disabled = inFlight > 0;
    submitStatus.textContent = inFlight === 0 ? '' : inFlight === 1 ? PortalWords.t('submit_waiting_one', 'Waiting for 1 file to finish uploading…')
      : PortalWords.t('submit_waiting_many', 'Waiting for {n} files to finish uploading…', { n: inFlight });
  }

  PortalUploads.pickers(form, function (kind, files) {
    Array.prototype.forEach.call(files, function (f) { uploads.add(kind, f); });
  });

  // a dictation from the recorder (recorder.js) joins the recordings like a chosen file
  form.addEventListener('portal:add-file', function (e) {
    e.detail.row = uploads.add(e.detail.kind, e.detail.file);
  });

  form.addEventListener('click', function (e) {
    var set = e.target.closest('[data-set]');
    if (set) {
      var fileRow = set.closest('.file-row');
      var player = fileRow.querySelector('audio');
      fileRow.querySelector('[data-trim="' + set.getAttribute('data-set') + '"]').value = hms(player ? player.currentTime : 0);
      trimNote(fileRow);
    }
  });
  form.addEventListener('input', function (e) {
    if (e.target.matches('[data-trim]')) { trimNote(e.target.closest('.file-row')); }
    if (e.target.hasAttribute('data-preset-filled')) { e.target.removeAttribute('data-preset-filled'); }
  });
  form.querySelectorAll('[data-list=AUDIO] .file-row').forEach(trimNote);

  // Presets fill the fields that are empty (or still hold the profile's default or an earlier
  // preset's value) and keep what staff typed, saying which; "Fill in" is the fallback without JavaScript.
  var presetSelect = form.querySelector('#presetId');
  if (presetSelect) {
    var presets = JSON.parse(form.dataset.presets || '{}');
    var apply = form.querySelector('[data-apply-preset]');
    if (apply) { apply.classList.add('visually-hidden'); }
    presetSelect.addEventListener('change', function () {
      var values = presets[presetSelect.value];
      var status = form.querySelector('[data-preset-status]');
      if (!values) { status.textContent = ''; return; }
      var filled = [], kept = [];
      Object.keys(values).forEach(function (key) {
        var input = form.querySelector('[name="f.' + key.replace(/["\\]/g, '') + '"]');
        if (!input || values[key] === '' || input.value === values[key]) { return; }
        var label = (form.querySelector('label[for="' + input.id + '"]') || {}).textContent || key;
        label = label.replace('*', '').replace('(required)', '').trim();
        // the server marks fields that still hold the profile's default (data-preset-fillable)
        var untouched = input.value.trim() === '' || input.hasAttribute('data-preset-filled')
          || (input.hasAttribute('data-preset-fillable') && input.value === input.defaultValue);
        if (untouched) {
          input.value = values[key];
          input.setAttribute('data-preset-filled', '');
          filled.push(label);
        } else {
          kept.push(label);
        }
      });
      var name = presetSelect.options[presetSelect.selectedIndex].text;
      var t = PortalWords.t, said = { preset: name, fields: filled.join(', '), n: filled.length };
      var text = filled.length === 0 ? t('preset_nothing', 'Nothing to fill from \u201c{preset}\u201d', said)
        : filled.length === 1 ? t('preset_filled_one', 'Filled 1 field from \u201c{preset}\u201d ({fields})', said)
        : t('preset_filled_many', 'Filled {n} fields from \u201c{preset}\u201d ({fields})', said);
      var rest = { filled: text, n: kept.length, fields: kept.join(', ') };
      status.textContent = kept.length === 0 ? t('preset_done', '{filled}.', rest)
        : kept.length === 1 ? t('preset_kept_one', '{filled}; kept 1 you had typed ({fields}).', rest)
        : t('preset_kept_many', '{filled}; kept {n} you had typed ({fields}).', rest);
    });
  }

  // One job per form: the button is disabled while posting (the server also refuses duplicates).
  form.addEventListener('submit', function (e) {
    var submitter = e.submitter;
    if (submitter && submitter.value === 'apply-preset') { return; }
    if (uploads.inFlight() > 0) { e.preventDefault(); updateSubmit(); return; }
    if (form.dataset.recording === 'true') {
      e.preventDefault();
      submitStatus.textContent = PortalWords.t('submit_stop_dictation', 'Stop the dictation first: it is still recording.');
      return;
    }
    if (form.dataset.submitting === 'true') { e.preventDefault(); return; }
    form.dataset.submitting = 'true';
    var button = form.querySelector('[data-testid=submit-job]');
    setTimeout(function () { button.disabled = true; }, 0);
    submitStatus.textContent = PortalWords.t('submit_saving', 'Saving the job…');
  });

  // Back from the job page out of the back/forward cache: the form can be sent again, and the
  // server answers that this job was already submitted.
  window.addEventListener('pageshow', function (e) {
    if (e.persisted && form.dataset.submitting === 'true') {
      delete form.dataset.submitting;
      updateSubmit();
    }
  });
})();
