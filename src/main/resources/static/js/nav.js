// On a phone the main navigation collapses behind a "Menu" button (the CSS hides it below 40rem only when
// this script has marked the header "collapsible"; without JavaScript the links wrap and stay visible).
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var header = document.querySelector('header.top');
    var button = header && header.querySelector('.menu-toggle');
    if (!button || !header.querySelector('nav')) {
      return;
    }
    header.classList.add('collapsible');
    button.hidden = false;
    button.addEventListener('click', function () {
      var open = header.classList.toggle('open');
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && header.classList.contains('open')) {
        header.classList.remove('open');
        button.setAttribute('aria-expanded', 'false');
        button.focus();
      }
    });
  });
})();
