/*
 * The media library page with a script: a button opens the picker (media-picker.js), and the image chosen
 * there comes back as the HTML and the Markdown to paste into a campaign.
 */
(function () {
  'use strict';
  var demo = document.getElementById('picker-demo');
  if (!demo || !window.listservMedia) { return; }
  demo.hidden = false;

  function attribute(text) {
    return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  document.getElementById('open-picker').addEventListener('click', function () {
    window.listservMedia.pick(function (image) {
      document.getElementById('picked').hidden = false;
      document.getElementById('picked-html').value = '<img src="' + attribute(image.url) + '" alt="' + attribute(image.alt)
        + '" width="' + image.width + '" height="' + image.height + '">';
      document.getElementById('picked-markdown').value = '![' + image.alt.replace(/[\[\]]/g, '') + '](' + image.url + ')';
    });
  });
}());
