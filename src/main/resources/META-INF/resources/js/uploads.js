// Uploads for the new-job pages (one job, many recordings): each file goes to the portal at once as
// the request body, a few at a time, with a progress bar and a Cancel button; a cancelled or removed
// upload is deleted on the server. The page decides what a finished row looks like (onUploaded).
(function () {
  'use strict';

  var t = PortalWords.t, humanSize = PortalWords.size;

  // 0:42, 12:00, 1:02:03
  function clock(seconds) {
    var s = Math.max(0, Math.round(seconds));
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    var two = function (n) { return n < 10 ? '0' + n : String(n); };
    return h > 0 ? h + ':' + two(m) + ':' + two(r) : m + ':' + two(r);
  }

  function hms(seconds) {
    var s = Math.max(0, Math.floor(seconds));
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    return [h, m, r].map(function (n) { return n < 10 ? '0' + n : String(n); }).join(':');
  }

  function token() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  }

  // options: url, list(kind) -> element, limit(kind) -> bytes, limitText(kind), onUploaded(kind, row, upload),
  // onChange(), announce (element for "cancelled" messages), parallel (uploads at once, default 3)
  function Uploads(options) {
    var queue = [];
    var active = 0;
    var pending = 0;
    var parallel = Number(options.parallel) > 0 ? Number(options.parallel) : 3;

    function changed() { if (options.onChange) { options.onChange(); } }

    function say(message) { if (options.announce) { options.announce.textContent = message; } }

    function pendingRow(kind, file) {
      var row = document.createElement('div');
      row.className = 'file-row pending';
      row.setAttribute('data-pending', '');
      var head = document.createElement('div');
      head.className = 'd-flex justify-content-between align-items-start gap-2';
      var name = document.createElement('div');
      name.className = 'fw-semibold file-name';
      name.textContent = file.name;
      var cancel = document.createElement('button');
      cancel.type = 'button';
      cancel.className = 'btn btn-sm btn-link text-danger';
      cancel.setAttribute('data-cancel-upload', '');
      cancel.setAttribute('aria-label', t('up_cancel_label', 'Cancel the upload of {file}', { file: file.name }));
      cancel.textContent = t('up_cancel', 'Cancel');
      head.appendChild(name);
      head.appendChild(cancel);
      var progress = document.createElement('progress');
      progress.max = 100;
      progress.value = 0;
      progress.setAttribute('aria-label', t('up_progress_label', 'Uploading {file}', { file: file.name }));
      var status = document.createElement('div');
      status.className = 'small text-body-secondary upload-status';
      status.textContent = t('up_waiting', 'Waiting to upload…');
      row.appendChild(head);
      row.appendChild(progress);
      row.appendChild(status);
      options.list(kind).appendChild(row);
      return row;
    }

    function failRow(row, message) {
      row.classList.add('failed');
      row.removeAttribute('data-pending');
      var progress = row.querySelector('progress');
      if (progress) { progress.remove(); }
      var cancel = row.querySelector('[data-cancel-upload]');
      if (cancel) { cancel.remove(); }
      var status = row.querySelector('.upload-status');
      status.className = 'small text-danger upload-error';
      status.setAttribute('role', 'alert');
      status.textContent = message;
      var dismiss = document.createElement('button');
      dismiss.type = 'button';
      dismiss.className = 'btn btn-sm btn-link p-0';
      dismiss.textContent = t('up_dismiss', 'Dismiss');
      dismiss.addEventListener('click', function () { row.remove(); changed(); });
      row.appendChild(dismiss);
    }

    function finished(item) {
      pending--;
      if (item.xhr) { active--; }
      item.done = true;
      next();
      changed();
    }

    function start(item) {
      var kind = item.kind, file = item.file, row = item.row;
      var xhr = new XMLHttpRequest();
      item.xhr = xhr;
      active++;
      xhr.open('POST', options.url + '?kind=' + kind);
      xhr.setRequestHeader('X-CSRF-TOKEN', token());
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
      var status = row.querySelector('.upload-status');
      status.textContent = t('up_sending', 'Uploading to the portal… {percent}%', { percent: 0 });
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          var percent = Math.round(e.loaded * 100 / e.total);
          row.querySelector('progress').value = percent;
          status.textContent = percent < 100 ? t('up_sending', 'Uploading to the portal… {percent}%', { percent: percent })
            : (kind === 'AUDIO' ? t('up_checking_audio', 'Checking the recording…') : t('up_checking_document', 'Checking the document…'));
        }
      });
      xhr.addEventListener('load', function () {
        var body = null;
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
        if (xhr.status === 200 && body && body.id) {
          options.onUploaded(kind, row, body);
        } else if (body && body.error) {
          failRow(row, body.error);
        } else if (xhr.status === 413) {
          failRow(row, t('up_too_large', '\u201c{file}\u201d is too large: at most {limit}.', { file: file.name, limit: options.limitText(kind) }));
        } else {
          failRow(row, t('up_failed', '\u201c{file}\u201d could not be uploaded ({status}). Try again.', { file: file.name, status: xhr.status }));
        }
        finished(item);
      });
      xhr.addEventListener('error', function () {
        failRow(row, t('up_interrupted', '\u201c{file}\u201d could not be uploaded: the connection was interrupted, or the file arrived '
          + 'too slowly. Try again.', { file: file.name }));
        finished(item);
      });
      xhr.addEventListener('abort', function () { finished(item); });
      xhr.send(file);
    }

    function next() {
      while (active < parallel && queue.length > 0) {
        var item = queue.shift();
        if (!item.cancelled) { start(item); }
      }
    }

    // Stops an upload that is waiting or under way: the server throws away what arrived (an upload it
    // finished storing meanwhile is deleted when it finds the page gone).
    function cancel(row) {
      var item = row.portalUpload;
      if (!item || item.done) { return; }
      item.cancelled = true;
      if (item.xhr) {
        item.xhr.abort();
      } else {
        var i = queue.indexOf(item);
        if (i >= 0) { queue.splice(i, 1); }
        pending--;
        item.done = true;
      }
      row.remove();
      say(t('up_cancelled', 'The upload of \u201c{file}\u201d was cancelled.', { file: item.file.name }));
      changed();
    }

    // Removes a finished upload from the page and deletes it on the server.
    function remove(row) {
      var id = row.getAttribute('data-upload-id');
      if (id) {
        var xhr = new XMLHttpRequest();
        xhr.open('POST', options.url + '/' + encodeURIComponent(id) + '/delete');
        xhr.setRequestHeader('X-CSRF-TOKEN', token());
        xhr.send();
      }
      row.remove();
      changed();
    }

    this.add = function (kind, file) {
      var row = pendingRow(kind, file);
      if (file.size > options.limit(kind)) {
        var refusal = { file: file.name, size: humanSize(file.size), limit: options.limitText(kind) };
        failRow(row, kind === 'AUDIO' ? t('up_refused_audio', '\u201c{file}\u201d is {size}; a recording can be at most {limit}.', refusal)
          : t('up_refused_document', '\u201c{file}\u201d is {size}; a document can be at most {limit}.', refusal));
        changed();
        return row;
      }
      var item = { kind: kind, file: file, row: row };
      row.portalUpload = item;
      pending++;
      queue.push(item);
      next();
      changed();
      return row;
    };
    this.inFlight = function () { return pending; };
    this.cancel = cancel;
    this.remove = remove;

    document.addEventListener('click', function (e) {
      var c = e.target.closest('[data-cancel-upload]');
      if (c && c.closest('.file-row')) { cancel(c.closest('.file-row')); return; }
      var r = e.target.closest('[data-remove-upload]');
      if (r && r.closest('.file-row')) { remove(r.closest('.file-row')); }
    });
  }

  // The form's file pickers and drop zones hand their files to onFiles(kind, files): a picker names
  // its kind in data-picker, a drop zone in data-kind.
  function pickers(form, onFiles) {
    form.querySelectorAll('[data-picker]').forEach(function (picker) {
      picker.addEventListener('change', function () { onFiles(picker.getAttribute('data-picker'), picker.files); picker.value = ''; });
    });
    form.querySelectorAll('.dropzone').forEach(function (zone) {
      zone.addEventListener('dragover', function (e) { e.preventDefault(); zone.classList.add('over'); });
      zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
      zone.addEventListener('drop', function (e) {
        e.preventDefault();
        zone.classList.remove('over');
        onFiles(zone.getAttribute('data-kind'), e.dataTransfer.files);
      });
    });
  }

  window.PortalUploads = { create: function (options) { return new Uploads(options); }, pickers: pickers, clock: clock, hms: hms,
    humanSize: humanSize };
})();
