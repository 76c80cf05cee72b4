/* The console's few behaviours that belong in the browser. */
var WH = window.WH || {};

(function () {
  var lastField = null;

  // the placeholder chips write into whichever field last had focus
  document.addEventListener('focusin', function (e) {
    if (e.target.classList && e.target.classList.contains('chip-target')) {
      lastField = e.target;
    }
  });

  /** Inserts text at the caret of the field that had focus last (the URL if none yet). */
  WH.insert = function (text) {
    var field = lastField && document.body.contains(lastField) ? lastField : document.querySelector('.chip-target.url-field');
    if (!field) {
      return;
    }
    var start = field.selectionStart != null ? field.selectionStart : field.value.length;
    var end = field.selectionEnd != null ? field.selectionEnd : start;
    field.value = field.value.slice(0, start) + text + field.value.slice(end);
    field.focus();
    field.setSelectionRange(start + text.length, start + text.length);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    if (window.jQuery) {
      jQuery(field).trigger('keyup');
    }
  };

  WH.pickType = function (card, inputId) {
    document.querySelectorAll('.type-card.selected').forEach(function (c) { c.classList.remove('selected'); });
    card.classList.add('selected');
    document.getElementById(inputId).value = card.getAttribute('data-code');
  };

  WH.filterTypes = function (text) {
    var needle = (text || '').toLowerCase();
    document.querySelectorAll('.type-group').forEach(function (group) {
      var shown = 0;
      group.querySelectorAll('.type-card').forEach(function (card) {
        var match = card.textContent.toLowerCase().indexOf(needle) >= 0;
        card.style.display = match ? '' : 'none';
        shown += match ? 1 : 0;
      });
      group.style.display = shown ? '' : 'none';
    });
  };

  WH.copy = function (id) {
    var field = document.getElementById(id);
    if (!field) {
      return;
    }
    var text = field.value || field.textContent;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text);
    } else {
      field.select && field.select();
      document.execCommand('copy');
    }
  };
})();
