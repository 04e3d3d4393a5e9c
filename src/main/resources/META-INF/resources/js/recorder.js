// "Record": dictate into the new-job form from the microphone (MediaRecorder). Record, pause,
// resume, stop; the length and a level meter show while recording; the take can be played back at
// once, and it is added to the recordings like a chosen file (same upload, checks, trims and
// progress). "Record again" replaces the last take. The page allows the microphone
// (Permissions-Policy) on the new-job form only.
(function () {
  'use strict';

  var panel = document.querySelector('[data-recorder]');
  if (!panel) { return; }
  var form = panel.closest('form');
  var supported = window.MediaRecorder && navigator.mediaDevices && navigator.mediaDevices.getUserMedia;
  if (!supported) { return; }
  panel.hidden = false;

  var button = function (name) { return panel.querySelector('[data-rec="' + name + '"]'); };
  var timeText = panel.querySelector('[data-rec-time]');
  var meter = panel.querySelector('[data-rec-level]');
  var status = panel.querySelector('[data-rec-status]');
  var preview = panel.querySelector('[data-rec-preview]');

  var recorder = null, stream = null, chunks = [], audioContext = null, analyser = null;
  var elapsed = 0, since = 0, ticker = null, lastRow = null, names = {};

  function clock(ms) { return window.PortalUploads ? PortalUploads.clock(ms / 1000) : String(Math.round(ms / 1000)); }

  function show(state) {
    // idle | recording | paused | done
    button('start').hidden = state === 'recording' || state === 'paused';
    // the words come from the page, in its language (data-label, data-label-again)
    var start = button('start');
    start.textContent = state === 'done' ? (start.getAttribute('data-label-again') || 'Record another') : (start.getAttribute('data-label') || 'Record');
    button('again').hidden = state !== 'done' || !lastRow;
    button('pause').hidden = state !== 'recording';
    button('resume').hidden = state !== 'paused';
    button('stop').hidden = state !== 'recording' && state !== 'paused';
    panel.querySelector('[data-rec-live]').hidden = state !== 'recording' && state !== 'paused';
    panel.dataset.state = state;
    if (state === 'recording' || state === 'paused') { form.dataset.recording = 'true'; } else { delete form.dataset.recording; }
  }

  function now() { return elapsed + (since ? performance.now() - since : 0); }

  function tick() { timeText.textContent = clock(now()); }

  function level() {
    if (!analyser) { return; }
    var data = new Float32Array(analyser.fftSize);
    analyser.getFloatTimeDomainData(data);
    var sum = 0;
    for (var i = 0; i < data.length; i++) { sum += data[i] * data[i]; }
    var rms = Math.sqrt(sum / data.length);
    // -60 dB .. 0 dB onto 0 .. 1
    var db = rms > 0 ? 20 * Math.log10(rms) : -100;
    meter.value = since ? Math.max(0, Math.min(1, (db + 60) / 60)) : 0;
    requestAnimationFrame(level);
  }

  function fileName(type) {
    var d = new Date();
    var two = function (n) { return n < 10 ? '0' + n : String(n); };
    var ext = type.indexOf('ogg') >= 0 ? 'ogg' : type.indexOf('mp4') >= 0 ? 'm4a' : 'webm';
    var base = PortalWords.t('rec_file_name', 'Dictation') + ' ' + d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + '-' + two(d.getMinutes());
    names[base] = (names[base] || 0) + 1;
    return base + (names[base] > 1 ? ' (' + names[base] + ')' : '') + '.' + ext;
  }

  function release() {
    if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); }
    if (audioContext) { audioContext.close(); }
    stream = null; audioContext = null; analyser = null;
    clearInterval(ticker);
  }

  function start() {
    status.textContent = PortalWords.t('rec_asking', 'Asking for the microphone…');
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (s) {
      stream = s;
      var type = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4']
        .filter(function (t) { return MediaRecorder.isTypeSupported(t); })[0];
      recorder = type ? new MediaRecorder(stream, { mimeType: type }) : new MediaRecorder(stream);
      chunks = [];
      recorder.addEventListener('dataavailable', function (e) { if (e.data && e.data.size > 0) { chunks.push(e.data); } });
      recorder.addEventListener('stop', finish);
      try {
        audioContext = new (window.AudioContext || window.webkitAudioContext)();
        analyser = audioContext.createAnalyser();
        analyser.fftSize = 1024;
        audioContext.createMediaStreamSource(stream).connect(analyser);
      } catch (e) {
        analyser = null;
      }
      elapsed = 0;
      since = performance.now();
      recorder.start(1000);
      ticker = setInterval(tick, 250);
      tick();
      requestAnimationFrame(level);
      preview.hidden = true;
      show('recording');
      status.textContent = PortalWords.t('rec_recording', 'Recording…');
    }, function (err) {
      status.textContent = err && err.name === 'NotFoundError'
        ? PortalWords.t('rec_no_microphone', 'No microphone was found. Connect one, or upload a recording instead.')
        : PortalWords.t('rec_not_allowed', 'The browser may not use the microphone here. Allow it (the icon in the address bar), or upload a recording instead.');
      show(lastRow ? 'done' : 'idle');
    });
  }

  function finish() {
    var type = (recorder && recorder.mimeType) || 'audio/webm';
    var blob = new Blob(chunks, { type: type.split(';')[0] });
    var file = new File([blob], fileName(type), { type: blob.type });
    var length = clock(elapsed);
    release();
    recorder = null;
    if (preview.src) { URL.revokeObjectURL(preview.src); }
    preview.src = URL.createObjectURL(blob);
    preview.hidden = false;
    var event = new CustomEvent('portal:add-file', { detail: { kind: 'AUDIO', file: file } });
    form.dispatchEvent(event);
    lastRow = event.detail.row || null;
    show('done');
    status.textContent = PortalWords.t('rec_added', 'Added \u201c{file}\u201d ({length}) to the recordings.', { file: file.name, length: length });
  }

  // the last take leaves the form: cancelled while it uploads, deleted on the server once uploaded
  function dropLastTake() {
    if (!lastRow || !lastRow.isConnected) { lastRow = null; return; }
    var control = lastRow.querySelector('[data-cancel-upload], [data-remove-upload]');
    if (control) { control.click(); } else { lastRow.remove(); }
    lastRow = null;
  }

  button('start').addEventListener('click', start);
  button('again').addEventListener('click', function () { dropLastTake(); start(); });
  button('pause').addEventListener('click', function () {
    recorder.pause();
    elapsed = now();
    since = 0;
    tick();
    show('paused');
    status.textContent = PortalWords.t('rec_paused', 'Paused at {at}.', { at: clock(elapsed) });
  });
  button('resume').addEventListener('click', function () {
    recorder.resume();
    since = performance.now();
    show('recording');
    status.textContent = PortalWords.t('rec_recording', 'Recording…');
  });
  button('stop').addEventListener('click', function () {
    elapsed = now();
    since = 0;
    recorder.stop();
  });
  show('idle');
})();
