// New jobs from many recordings: each dropped recording uploads at once (uploads.js: progress,
// Cancel, a few at a time) and becomes a row with the name of its job, taken from the file name
// (extension off, accents kept) and editable. One click on "Create the jobs" sends them all.
(function () {
  'use strict';

  var form = document.getElementById('bulk-form');
  if (!form) { return; }
  var max = Number(form.dataset.maxRecordings) || 50;
  var list = form.querySelector('[data-list=AUDIO]');
  var count = form.querySelector('[data-bulk-count]');
  var submitStatus = form.querySelector('[data-submit-status]');
  var button = form.querySelector('[data-testid=bulk-submit]');
  var t = PortalWords.t;

  var uploads = PortalUploads.create({
    url: form.dataset.uploadUrl,
    list: function () { return list; },
    limit: function () { return Number(form.dataset.maxAudio); },
    limitText: function () { return form.dataset.audioLimit; },
    parallel: form.dataset.parallelUploads,
    announce: form.querySelector('[data-upload-announce]'),
    onUploaded: finishRow,
    onChange: update
  });

  function jobName(filename) {
    var name = (filename || '').trim().replace(/\.[A-Za-z0-9]{1,5}$/, '').trim();
    return name.length > 200 ? name.substring(0, 200) : name;
  }

  function finishRow(kind, row, upload) {
    var fresh = document.getElementById('row-BULK').content.firstElementChild.cloneNode(true);
    fresh.setAttribute('data-upload-id', upload.id);
    fresh.querySelector('input[type=hidden]').value = upload.id;
    var name = fresh.querySelector('[data-job-name]');
    name.id = 'jn-' + upload.id;
    name.value = jobName(upload.filename);
    fresh.querySelector('label[data-for=name]').setAttribute('for', name.id);
    fresh.querySelector('.file-name').textContent = upload.filename;
    fresh.querySelector('.file-meta').textContent = upload.sizeText
      + (upload.durationSeconds ? ' · ' + PortalUploads.hms(Math.ceil(upload.durationSeconds)) : '');
    fresh.querySelector('[data-remove-upload]').setAttribute('aria-label', t('up_remove_label', 'Remove {file}', { file: upload.filename }));
    var sound = fresh.querySelector('[data-sound-note]');
    if (upload.soundNote) { sound.textContent = upload.soundNote; sound.hidden = false; }
    row.replaceWith(fresh);
  }

  function rows() { return list.querySelectorAll('.file-row:not(.failed)').length; }

  function ready() { return list.querySelectorAll('.file-row[data-upload-id]:not([data-upload-id=""]):not(.failed)').length; }

  function update() {
    var n = ready(), waiting = uploads.inFlight();
    var said = { n: n, waiting: waiting, max: max };
    count.textContent = n === 0 && waiting === 0 ? ''
      : waiting === 0 ? (n === 1 ? t('bulk_ready_one', '{n} recording ready (at most {max}).', said) : t('bulk_ready_many', '{n} recordings ready (at most {max}).', said))
      : n <= 1 ? t('bulk_ready_one_uploading', '{n} recording ready, {waiting} still uploading (at most {max}).', said)
      : t('bulk_ready_many_uploading', '{n} recordings ready, {waiting} still uploading (at most {max}).', said);
    // the words come from the page, in its language: data-label-none, data-label-one, data-label-many (# for the number)
    button.textContent = n === 0 ? (button.getAttribute('data-label-none') || 'Create the jobs')
      : n === 1 ? (button.getAttribute('data-label-one') || 'Create 1 job')
      : (button.getAttribute('data-label-many') || 'Create # jobs').replace('#', n);
    button.disabled = waiting > 0;
    submitStatus.textContent = waiting > 0 ? t('bulk_waiting', 'Waiting for the uploads to finish…') : '';
  }

  function add(files) {
    var refused = [];
    Array.prototype.forEach.call(files, function (f) {
      if (rows() >= max) { refused.push(f.name); return; }
      uploads.add('AUDIO', f);
    });
    if (refused.length) {
      var said = { max: max, n: refused.length, files: refused.join(', ') };
      submitStatus.textContent = refused.length === 1 ? t('bulk_refused_one', 'At most {max} recordings at once: 1 was not added ({files}).', said)
        : t('bulk_refused_many', 'At most {max} recordings at once: {n} were not added ({files}).', said);
    }
  }

  PortalUploads.pickers(form, function (kind, files) { add(files); });

  // One batch per form: a second click sends nothing (the server also makes every job only once).
  form.addEventListener('submit', function (e) {
    if (uploads.inFlight() > 0) { e.preventDefault(); update(); return; }
    if (form.dataset.submitting === 'true') { e.preventDefault(); return; }
    form.dataset.submitting = 'true';
    setTimeout(function () { button.disabled = true; }, 0);
    submitStatus.textContent = t('bulk_creating', 'Creating the jobs…');
  });
  window.addEventListener('pageshow', function (e) {
    if (e.persisted && form.dataset.submitting === 'true') { delete form.dataset.submitting; update(); }
  });
  update();
})();
