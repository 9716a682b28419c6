// Confirmations in a dialog. A form (or one of its buttons) marked data-confirm="question" asks the question
// in a <dialog> before it is sent; data-confirm-detail adds a sentence, data-confirm-button names the yes
// button, data-confirm-type asks to type a word (the list's short name) labelled by data-confirm-type-label.
// A yes adds the fields the server checks (confirm=yes, confirmTyped) and sends the form. Without this script
// the server answers the same form with a confirmation page, so every action works without JavaScript too.
// Its own words (Confirm, Cancel, "Type {0} to confirm", "That is not {0}.") come from the page, in the page's
// language: data-* attributes of its script element, filled from the bundles by the layout.
(function () {
  'use strict';

  var script = document.currentScript || document.getElementById('confirm-script');

  function says(name, fallback, word) {
    var text = (script && script.getAttribute('data-' + name)) || fallback;
    return word === undefined ? text : text.split('{0}').join(word);
  }

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text) {
      e.textContent = text;
    }
    return e;
  }

  function hidden(form, name, value) {
    var old = form.querySelectorAll('input[type=hidden][data-confirm-field][name="' + name + '"]');
    Array.prototype.forEach.call(old, function (o) { o.remove(); });
    var input = element('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    input.setAttribute('data-confirm-field', '');
    form.appendChild(input);
  }

  function ask(form, source, submitter) {
    var dialog = element('dialog', 'confirm-dialog');
    dialog.setAttribute('aria-labelledby', 'confirm-dialog-question');
    var question = element('p', 'question', source.getAttribute('data-confirm'));
    question.id = 'confirm-dialog-question';
    dialog.appendChild(question);
    if (source.getAttribute('data-confirm-detail')) {
      dialog.appendChild(element('p', 'sentence', source.getAttribute('data-confirm-detail')));
    }
    var word = source.getAttribute('data-confirm-type');
    var input = null;
    var error = null;
    if (word) {
      var label = element('label', null, source.getAttribute('data-confirm-type-label') || says('type-label', 'Type {0} to confirm', word));
      label.htmlFor = 'confirm-dialog-typed';
      input = element('input');
      input.id = 'confirm-dialog-typed';
      input.autocomplete = 'off';
      input.setAttribute('autocapitalize', 'off');
      input.spellcheck = false;
      error = element('p', 'field-error', says('not-typed', 'That is not {0}.', word));
      error.id = 'confirm-dialog-typed-error';
      error.hidden = true;
      dialog.appendChild(label);
      dialog.appendChild(input);
      dialog.appendChild(error);
    }
    var actions = element('p', 'actions');
    var yes = element('button', 'danger', source.getAttribute('data-confirm-button') || says('yes', 'Confirm'));
    yes.type = 'button';
    yes.id = 'confirm-dialog-yes';
    var no = element('button', 'secondary', says('cancel', 'Cancel'));
    no.type = 'button';
    no.id = 'confirm-dialog-cancel';
    actions.appendChild(yes);
    actions.appendChild(no);
    dialog.appendChild(actions);

    yes.addEventListener('click', function () {
      if (input && input.value.trim().toLowerCase() !== word.toLowerCase()) {
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', error.id);
        input.focus();
        return;
      }
      hidden(form, 'confirm', 'yes');
      if (input) {
        hidden(form, 'confirmTyped', input.value.trim());
      }
      form.setAttribute('data-confirmed', 'yes');
      dialog.close();
      if (submitter && form.requestSubmit) {
        form.requestSubmit(submitter);
      }
      else if (form.requestSubmit) {
        form.requestSubmit();
      }
      else {
        form.submit();
      }
    });
    no.addEventListener('click', function () {
      dialog.close();
    });
    dialog.addEventListener('close', function () {
      dialog.remove();
      if (form.getAttribute('data-confirmed') !== 'yes' && submitter) {
        submitter.focus();
      }
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    (input || no).focus();
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var submitter = event.submitter || null;
    var source = submitter && submitter.hasAttribute('data-confirm') ? submitter
      : (form.hasAttribute('data-confirm') ? form : null);
    if (!source) {
      return;
    }
    if (form.getAttribute('data-confirmed') === 'yes') {
      form.removeAttribute('data-confirmed');
      return;
    }
    event.preventDefault();
    ask(form, source, submitter);
  }, true);
})();
