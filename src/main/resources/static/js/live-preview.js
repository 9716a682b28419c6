// Live preview for the campaign editor: a moment after typing stops, the form is posted (unsaved)
// into the preview frame through the "Preview without saving" button. Without this script the button
// does the same on a click, so the page works without JavaScript too.
(function () {
  'use strict';
  var form = document.getElementById('campaign-form');
  var button = document.getElementById('preview-draft');
  if (!form || !button || !document.getElementById('preview')) {
    return;
  }
  var timer = null;
  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      form.requestSubmit(button);
    }, 700);
  });
})();
