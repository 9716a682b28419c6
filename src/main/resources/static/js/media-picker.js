/*
 * The image picker: window.listservMedia.pick(callback) opens a dialog with the media library (thumbnails),
 * an upload field and a required alt text, and calls callback({url, alt, width, height}) with the image's
 * absolute URL (for mail) when the person chooses "Insert". Self-contained: it builds its own DOM, loads
 * /css/media.css next to this script, and posts uploads with the session's CSRF token from the page's
 * <meta name="_csrf"> and <meta name="_csrf_header">. No inline styles (the Content-Security-Policy is strict).
 * Its words come from the page, in the page's language: data-* attributes of its script element, filled from
 * the bundles by fragments/media-picker.html ({0}, {1}, ... are put in here); English only if they are missing.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  // the application's root (scheme, host, context path), from this script's own address
  var root = script && script.src ? script.src.replace(/\/js\/media-picker\.js(\?.*)?$/, '') : '';
  var counter = 0;

  function says(name, fallback) {
    var text = (script && script.getAttribute('data-' + name)) || fallback;
    var values = Array.prototype.slice.call(arguments, 2);
    return text.replace(/\{(\d)\}/g, function (all, i) { return i < values.length ? String(values[i]) : all; });
  }

  function el(tag, attributes, text) {
    var e = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { e.setAttribute(name, attributes[name]); });
    if (text) { e.textContent = text; }
    return e;
  }

  function ensureStyles() {
    if (!document.querySelector('link[data-media-picker]')) {
      document.head.appendChild(el('link', { rel: 'stylesheet', href: root + '/css/media.css', 'data-media-picker': '' }));
    }
  }

  function csrfHeaders() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = { Accept: 'application/json' };
    if (token && header) { headers[header.content] = token.content; }
    return headers;
  }

  function problem(response) {
    return response.json().then(function (body) {
      return body && body.detail ? body.detail : says('server-answered', 'The server answered {0}', response.status);
    }, function () { return says('server-answered', 'The server answered {0}', response.status); });
  }

  function pick(callback) {
    ensureStyles();
    var n = ++counter;
    var selected = null;
    var dialog = el('dialog', { 'class': 'media-picker', 'aria-labelledby': 'media-picker-title-' + n });
    var form = el('form', { novalidate: '' });
    var title = el('h2', { id: 'media-picker-title-' + n }, says('title', 'Insert an image'));
    var message = el('p', { 'class': 'media-picker-message', role: 'status', 'aria-live': 'polite' });
    var items = el('ul', { 'class': 'media-picker-items', 'aria-label': says('items', 'Images in the library') });
    var fileLabel = el('label', {}, says('upload', 'Upload a new image (PNG, JPEG, GIF or WebP)'));
    var file = el('input', { type: 'file', name: 'file', accept: 'image/png,image/jpeg,image/gif,image/webp' });
    fileLabel.appendChild(file);
    var altLabel = el('label', {}, says('alt', 'Alt text: what the image shows, for people who cannot see it (required)'));
    var alt = el('input', { type: 'text', name: 'alt', required: '', maxlength: '300', autocomplete: 'off' });
    altLabel.appendChild(alt);
    var actions = el('div', { 'class': 'media-picker-actions' });
    var cancel = el('button', { type: 'button', 'class': 'secondary' }, says('cancel', 'Cancel'));
    var insert = el('button', { type: 'submit' }, says('insert', 'Insert'));
    actions.appendChild(cancel);
    actions.appendChild(insert);
    [title, message, items, fileLabel, altLabel, actions].forEach(function (e) { form.appendChild(e); });
    dialog.appendChild(form);

    function say(text, isError) {
      message.textContent = text;
      message.className = 'media-picker-message' + (text ? (isError ? ' error' : ' notice') : '');
    }

    function choose(item, button) {
      selected = item;
      items.querySelectorAll('button').forEach(function (b) { b.setAttribute('aria-pressed', 'false'); });
      button.setAttribute('aria-pressed', 'true');
      say('');
    }

    function show(item, first) {
      var li = el('li');
      var button = el('button', { type: 'button', 'aria-pressed': 'false', 'data-media-id': String(item.id) });
      var img = el('img', { src: root + '/media/' + item.id + '/' + encodeURIComponent(item.filename), alt: '',
        width: String(item.width), height: String(item.height), loading: 'lazy' });
      button.appendChild(img);
      button.appendChild(el('span', {}, says('size', '{0} ({1} × {2})', item.filename, item.width, item.height)));
      button.addEventListener('click', function () { choose(item, button); });
      li.appendChild(button);
      if (first && items.firstChild) { items.insertBefore(li, items.firstChild); } else { items.appendChild(li); }
      return button;
    }

    function load() {
      say(says('loading', 'Loading the library…'));
      fetch(root + '/admin/media', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) { return problem(response).then(function (text) { throw new Error(text); }); }
          return response.json();
        })
        .then(function (list) {
          items.textContent = '';
          list.forEach(function (item) { show(item, false); });
          say(list.length ? '' : says('empty', 'The library is empty: upload an image below.'));
        })
        .catch(function (error) { say(says('not-loaded', 'The library could not be loaded: {0}', error.message), true); });
    }

    file.addEventListener('change', function () {
      if (!file.files.length) { return; }
      var data = new FormData();
      data.append('file', file.files[0]);
      say(says('uploading', 'Uploading {0}…', file.files[0].name));
      fetch(root + '/admin/media', { method: 'POST', body: data, headers: csrfHeaders(), credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) { return problem(response).then(function (text) { throw new Error(text); }); }
          return response.json();
        })
        .then(function (item) {
          var old = items.querySelector('button[data-media-id="' + item.id + '"]');
          choose(item, old || show(item, true));
          say(says('uploaded', 'Uploaded {0}. Now describe it below.', item.filename));
          file.value = '';
          alt.focus();
        })
        .catch(function (error) { say(says('not-uploaded', 'Not uploaded: {0}', error.message), true); });
    });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!selected) { say(says('choose-first', 'Choose an image from the library or upload one first.'), true); return; }
      if (!alt.value.trim()) {
        say(says('describe-first', 'Describe the image in the alt text first: people who cannot see it hear this instead.'), true);
        alt.focus();
        return;
      }
      var result = { url: selected.url, alt: alt.value.trim(), width: selected.width, height: selected.height };
      dialog.close();
      callback(result);
    });
    cancel.addEventListener('click', function () { dialog.close(); });
    dialog.addEventListener('close', function () { dialog.remove(); });

    document.body.appendChild(dialog);
    dialog.showModal();
    load();
  }

  window.listservMedia = { pick: pick };
}());
