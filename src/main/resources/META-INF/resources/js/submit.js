// The submit page: uploads each chosen file at once (with a progress bar), lets staff trim
// recordings from the player, fills fields from presets, and guards against double submits.
(function () {
  'use strict';

  var form = document.getElementById('submit-form');
  if (!form) { return; }
  var csrf = document.querySelector('meta[name="csrf-token"]');
  var inFlight = 0;
  var submitStatus = form.querySelector('[data-submit-status]');

  function token() { return csrf ? csrf.getAttribute('content') : ''; }

  function limitFor(kind) {
    return Number(kind === 'AUDIO' ? form.dataset.maxAudio : form.dataset.maxDocument);
  }

  function limitText(kind) {
    return kind === 'AUDIO' ? form.dataset.audioLimit : form.dataset.documentLimit;
  }

  function humanSize(bytes) {
    if (bytes >= 1e9) { return (bytes / 1e9).toFixed(1) + ' GB'; }
    if (bytes >= 1e6) { return Math.round(bytes / 1e6) + ' MB'; }
    if (bytes >= 1e3) { return Math.round(bytes / 1e3) + ' KB'; }
    return bytes + ' bytes';
  }

  function hms(seconds) {
    var s = Math.max(0, Math.floor(seconds));
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    return [h, m, r].map(function (n) { return n < 10 ? '0' + n : String(n); }).join(':');
  }

  function listFor(kind) { return form.querySelector('[data-list="' + kind + '"]'); }

  function pendingRow(kind, file) {
    var row = document.createElement('div');
    row.className = 'file-row pending';
    row.setAttribute('data-pending', '');
    var name = document.createElement('div');
    name.className = 'fw-semibold file-name';
    name.textContent = file.name;
    var progress = document.createElement('progress');
    progress.max = 100;
    progress.value = 0;
    progress.setAttribute('aria-label', 'Uploading ' + file.name);
    var status = document.createElement('div');
    status.className = 'small text-body-secondary upload-status';
    status.textContent = 'Uploading to the portal… 0%';
    row.appendChild(name);
    row.appendChild(progress);
    row.appendChild(status);
    listFor(kind).appendChild(row);
    return row;
  }

  function failRow(row, message) {
    row.classList.add('failed');
    var progress = row.querySelector('progress');
    if (progress) { progress.remove(); }
    var status = row.querySelector('.upload-status');
    status.className = 'small text-danger upload-error';
    status.setAttribute('role', 'alert');
    status.textContent = message;
    var dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'btn btn-sm btn-link p-0';
    dismiss.textContent = 'Dismiss';
    dismiss.addEventListener('click', function () { row.remove(); });
    row.appendChild(dismiss);
  }

  function finishRow(kind, row, upload) {
    var template = document.getElementById('row-' + kind);
    var fresh = template.content.firstElementChild.cloneNode(true);
    fresh.setAttribute('data-upload-id', upload.id);
    fresh.querySelector('input[type=hidden]').value = upload.id;
    fresh.querySelector('.file-name').textContent = upload.filename;
    var meta = upload.sizeText + (upload.durationSeconds ? ' · ' + hms(Math.ceil(upload.durationSeconds)) : '');
    fresh.querySelector('.file-meta').textContent = meta;
    fresh.querySelector('[data-remove-upload]').setAttribute('aria-label', 'Remove ' + upload.filename);
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
      if (upload.durationSeconds) { fresh.querySelector('[data-trim=end]').placeholder = hms(Math.ceil(upload.durationSeconds)); }
    }
    row.replaceWith(fresh);
  }

  // The portal takes a few uploads per person at a time (data-parallel-uploads); the rest wait here.
  var parallel = Math.max(1, Number(form.dataset.parallelUploads) || 4);
  var running = 0;
  var queue = [];

  function upload(kind, file) {
    var row = pendingRow(kind, file);
    if (file.size > limitFor(kind)) {
      failRow(row, '\u201c' + file.name + '\u201d is ' + humanSize(file.size) + '; a ' + (kind === 'AUDIO' ? 'recording' : 'document')
        + ' can be at most ' + limitText(kind) + '.');
      return;
    }
    row.querySelector('.upload-status').textContent = 'Waiting to upload…';
    inFlight++;
    updateSubmit();
    queue.push(function () { send(kind, file, row); });
    pump();
  }

  function pump() {
    while (running < parallel && queue.length > 0) {
      running++;
      queue.shift()();
    }
  }

  function settled() {
    inFlight--;
    running--;
    updateSubmit();
    pump();
  }

  function send(kind, file, row) {
    // the file is the body (a multipart body is several times slower to take apart on the server)
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.dataset.uploadUrl + '?kind=' + kind);
    xhr.setRequestHeader('X-CSRF-TOKEN', token());
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        var percent = Math.round(e.loaded * 100 / e.total);
        row.querySelector('progress').value = percent;
        row.querySelector('.upload-status').textContent = 'Uploading to the portal… ' + percent + '%';
      }
    });
    xhr.addEventListener('load', function () {
      var body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      if (xhr.status === 200 && body && body.id) {
        finishRow(kind, row, body);
      } else if (body && body.error) {
        failRow(row, body.error);
      } else if (xhr.status === 413) {
        failRow(row, '\u201c' + file.name + '\u201d is too large: at most ' + limitText(kind) + '.');
      } else {
        failRow(row, '\u201c' + file.name + '\u201d could not be uploaded (' + xhr.status + '). Try again.');
      }
      settled();
    });
    xhr.addEventListener('error', function () {
      failRow(row, '\u201c' + file.name + '\u201d could not be uploaded: the connection was interrupted, or the file arrived '
        + 'too slowly. Try again.');
      settled();
    });
    xhr.send(file);
  }

  function updateSubmit() {
    var button = form.querySelector('[data-testid=submit-job]');
    button.disabled = inFlight > 0;
    submitStatus.textContent = inFlight > 0 ? 'Waiting for ' + inFlight + (inFlight === 1 ? ' file' : ' files') + ' to finish uploading…' : '';
  }

  form.querySelectorAll('[data-picker]').forEach(function (picker) {
    picker.addEventListener('change', function () {
      Array.prototype.forEach.call(picker.files, function (f) { upload(picker.getAttribute('data-picker'), f); });
      picker.value = '';
    });
  });

  form.querySelectorAll('.dropzone').forEach(function (zone) {
    zone.addEventListener('dragover', function (e) { e.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
    zone.addEventListener('drop', function (e) {
      e.preventDefault();
      zone.classList.remove('over');
      Array.prototype.forEach.call(e.dataTransfer.files, function (f) { upload(zone.getAttribute('data-kind'), f); });
    });
  });

  form.addEventListener('click', function (e) {
    var remove = e.target.closest('[data-remove-upload]');
    if (remove) {
      var row = remove.closest('.file-row');
      var id = row.getAttribute('data-upload-id');
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.dataset.uploadUrl + '/' + id + '/delete');
      xhr.setRequestHeader('X-CSRF-TOKEN', token());
      xhr.send();
      row.remove();
      return;
    }
    var set = e.target.closest('[data-set]');
    if (set) {
      var fileRow = set.closest('.file-row');
      var player = fileRow.querySelector('audio');
      fileRow.querySelector('[data-trim="' + set.getAttribute('data-set') + '"]').value = hms(player ? player.currentTime : 0);
    }
  });

  // Presets fill the fields at once; the "Fill in" button is the fallback without JavaScript.
  var presetSelect = form.querySelector('#presetId');
  if (presetSelect) {
    var presets = JSON.parse(form.dataset.presets || '{}');
    var apply = form.querySelector('[data-apply-preset]');
    if (apply) { apply.classList.add('visually-hidden'); }
    presetSelect.addEventListener('change', function () {
      var values = presets[presetSelect.value];
      var status = form.querySelector('[data-preset-status]');
      if (!values) { status.textContent = ''; return; }
      var filled = 0;
      Object.keys(values).forEach(function (key) {
        var input = form.querySelector('[name="f.' + key.replace(/"/g, '') + '"]');
        if (input) { input.value = values[key]; filled++; }
      });
      status.textContent = 'Filled ' + filled + (filled === 1 ? ' field' : ' fields') + ' from \u201c'
        + presetSelect.options[presetSelect.selectedIndex].text + '\u201d.';
    });
  }

  // One job per form: the button is disabled while posting (the server also refuses duplicates).
  form.addEventListener('submit', function (e) {
    var submitter = e.submitter;
    if (submitter && submitter.value === 'apply-preset') { return; }
    if (inFlight > 0) { e.preventDefault(); updateSubmit(); return; }
    if (form.dataset.submitting === 'true') { e.preventDefault(); return; }
    form.dataset.submitting = 'true';
    var button = form.querySelector('[data-testid=submit-job]');
    setTimeout(function () { button.disabled = true; }, 0);
    submitStatus.textContent = 'Saving the job…';
  });
})();
