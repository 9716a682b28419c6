// The campaign editor's body: with the "Visual editor" format a rich-text editor (Quill, served from the jar)
// in place of the textarea, which it keeps filled with its HTML on every change, so that saving, the live
// preview and the page without JavaScript all go through the same field. The server sanitises that HTML.
// "Insert image" asks the media library (window.listservMedia, from media-picker.js) for an image and puts
// it at the cursor: into the visual editor, or as Markdown or HTML into the textarea. Without the media
// library the button stays hidden. Its own words (the toolbar's button names, the alt-text question) come from
// the page, in the page's language: data-* attributes of the editor's holder, filled from the bundles.
(function () {
  'use strict';
  var format = document.getElementById('format');
  var body = document.getElementById('body');
  var holder = document.getElementById('visual-editor');
  var imageButton = document.getElementById('insert-image');
  if (!format || !body || !holder) {
    return;
  }
  var media = window.listservMedia && typeof window.listservMedia.pick === 'function' ? window.listservMedia : null;
  var quill = null;

  function says(name, fallback) {
    return holder.getAttribute('data-' + name) || fallback;
  }

  var LABELS = {
    'ql-bold': says('label-bold', 'Bold'), 'ql-italic': says('label-italic', 'Italic'),
    'ql-underline': says('label-underline', 'Underline'), 'ql-strike': says('label-strike', 'Strike through'),
    'ql-link': says('label-link', 'Link'), 'ql-blockquote': says('label-blockquote', 'Quote'),
    'ql-clean': says('label-clean', 'Remove formatting'), 'ql-image': says('label-image', 'Insert image'),
    'ql-list ordered': says('label-ordered', 'Numbered list'), 'ql-list bullet': says('label-bullet', 'Bulleted list')
  };

  function changed() {
    // the live preview listens for input on the form
    body.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function html() {
    if (quill.getText().trim() === '' && !quill.root.querySelector('img')) {
      return '';
    }
    return quill.root.innerHTML;
  }

  function label(toolbar) {
    Array.prototype.forEach.call(toolbar.querySelectorAll('button'), function (b) {
      var key = b.className + (b.value ? ' ' + b.value : '');
      b.setAttribute('aria-label', LABELS[key] || LABELS[b.className] || b.className.replace('ql-', ''));
    });
    Array.prototype.forEach.call(toolbar.querySelectorAll('.ql-picker-label'), function (p) {
      p.setAttribute('aria-label', says('label-heading', 'Paragraph or heading'));
    });
  }

  function startVisual() {
    if (quill) {
      return;
    }
    if (typeof window.Quill !== 'function') {
      return; // the component did not load: the textarea stays, holding the HTML
    }
    holder.hidden = false;
    var toolbar = [[{ header: [2, 3, false] }], ['bold', 'italic', 'underline', 'strike'], ['link', 'blockquote'],
      [{ list: 'ordered' }, { list: 'bullet' }], ['clean']];
    if (media) {
      toolbar.splice(4, 0, ['image']);
    }
    var editor = document.createElement('div');
    holder.appendChild(editor);
    quill = new window.Quill(editor, {
      theme: 'snow',
      modules: { toolbar: { container: toolbar, handlers: { image: pickImage } } },
      formats: ['header', 'bold', 'italic', 'underline', 'strike', 'link', 'blockquote', 'list', 'image', 'alt',
        'width', 'height']
    });
    // silently: pasting would also focus the editor and scroll the page to it
    quill.setContents(quill.clipboard.convert(body.value || ''), 'silent');
    quill.history.clear();
    quill.root.setAttribute('role', 'textbox');
    quill.root.setAttribute('aria-multiline', 'true');
    quill.root.setAttribute('aria-labelledby', 'body-label');
    quill.root.id = 'visual-body';
    label(holder.querySelector('.ql-toolbar'));
    body.hidden = true;
    body.value = html();
    quill.on('text-change', function () {
      body.value = html();
      changed();
    });
  }

  function stopVisual() {
    if (!quill) {
      return;
    }
    body.value = html();
    quill = null;
    holder.textContent = '';
    holder.hidden = true;
    body.hidden = false;
  }

  function escapeAttribute(s) {
    return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  function insertImage(image) {
    if (!image || !image.url) {
      return;
    }
    var alt = (image.alt || '').trim();
    while (alt === '') {
      var typed = window.prompt(says('alt-prompt', 'Describe the image for people who cannot see it (alt text):'), '');
      if (typed === null) {
        return; // no alt text, no image
      }
      alt = typed.trim();
    }
    // an address on this site (/media/7) stays as it is in HTML: the server makes it absolute with the
    // configured base URL when it saves; Markdown is not rewritten, so it gets the absolute address here
    var url = String(image.url);
    if (quill) {
      var at = (quill.getSelection(true) || { index: quill.getLength() }).index;
      quill.insertEmbed(at, 'image', url, 'user');
      var attributes = { alt: alt };
      if (image.width) {
        attributes.width = String(image.width);
      }
      quill.formatText(at, 1, attributes, 'user');
      quill.setSelection(at + 1, 0, 'silent');
      body.value = html();
      changed();
      return;
    }
    var text = format.value === 'markdown'
      ? '![' + alt.replace(/[\[\]]/g, '') + '](' + new URL(url, window.location.href).href.replace(/[()]/g, function (c) { return c === '(' ? '%28' : '%29'; }) + ')'
      : '<img src="' + escapeAttribute(url) + '" alt="' + escapeAttribute(alt) + '"'
        + (image.width ? ' width="' + escapeAttribute(image.width) + '"' : '') + '>';
    body.focus();
    body.setRangeText(text, body.selectionStart, body.selectionEnd, 'end');
    changed();
  }

  function pickImage() {
    media.pick(insertImage);
  }

  if (media && imageButton) {
    imageButton.hidden = false;
    imageButton.addEventListener('click', pickImage);
  }

  function apply() {
    if (format.value === 'visual') {
      startVisual();
    }
    else {
      stopVisual();
    }
    if (imageButton && media) {
      imageButton.hidden = !!quill; // the visual editor has its own image button in the toolbar
    }
  }

  format.addEventListener('change', apply);
  apply();
})();
