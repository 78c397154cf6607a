// Progressive enhancement of the officer's pages: every form works without this file.
(function () {
  'use strict';

  // "Select all on this page": the header checkbox appears only when this script runs.
  var all = document.getElementById('select-all');
  if (all) {
    var boxes = function () { return Array.prototype.slice.call(document.querySelectorAll('input.select-ticket')); };
    all.hidden = false;
    all.addEventListener('change', function () {
      boxes().forEach(function (b) { b.checked = all.checked; });
    });
    document.addEventListener('change', function (e) {
      if (e.target.classList && e.target.classList.contains('select-ticket')) {
        var list = boxes();
        var checked = list.filter(function (b) { return b.checked; }).length;
        all.checked = checked === list.length && list.length > 0;
        all.indeterminate = checked > 0 && checked < list.length;
      }
    });
  }

  // The bulk panel shows the ground only for a refusal and the assignee only for "Assign to…".
  var action = document.getElementById('bulk-action');
  if (action) {
    var sync = function () {
      document.querySelectorAll('[data-for-action]').forEach(function (field) {
        var on = field.getAttribute('data-for-action') === action.value;
        field.hidden = !on;
        field.querySelectorAll('select, input').forEach(function (input) { input.disabled = !on; });
      });
    };
    action.addEventListener('change', sync);
    sync();
  }

  // Optional auto-refresh of the queue (a GET page only): skipped while the officer is selecting or typing.
  var table = document.querySelector('[data-refresh]');
  if (table) {
    var seconds = parseInt(table.getAttribute('data-refresh'), 10) || 60;
    setInterval(function () {
      var busy = document.querySelector('input.select-ticket:checked')
        || (document.activeElement && /INPUT|SELECT|TEXTAREA/.test(document.activeElement.tagName));
      if (!busy) {
        window.location.reload();
      }
    }, seconds * 1000);
  }
})();
