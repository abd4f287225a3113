/*
 * localoffer register filters: progressive enhancement for lists of records.
 *
 * Without JavaScript every item is listed and the filter form stays hidden. With it, the form
 * is shown, filters apply at once, the state lives in the URL query (so a filtered view can be
 * shared) and the number of results is announced through a live region.
 *
 * Markup contract (see the templates under theme/localoffer/):
 *   <form class="lo-filters" data-lo-filter-for="LIST-ID" data-lo-noun="event|events" hidden>
 *   <p class="lo-result-count" id="LIST-ID-count" role="status" aria-live="polite"></p>
 *   <... id="LIST-ID"> ... <li data-lo-item data-FIELD="term term" data-text="..."> ...
 *   elements with data-lo-group are hidden when none of their items is visible.
 * Checkboxes: OR within a field, AND across fields. name="q": free text. name="age": a number
 * matched against data-age-from / data-age-to. name="when": this-week | this-month |
 * next-3-months, matched against data-start (YYYY-MM-DD) and the reader's today.
 */
(function () {
  "use strict";

  var SPECIAL = { q: true, age: true, when: true };

  function isoDay(date) {
    var m = String(date.getMonth() + 1).padStart(2, "0");
    var d = String(date.getDate()).padStart(2, "0");
    return date.getFullYear() + "-" + m + "-" + d;
  }

  function whenRange(value, today) {
    var start = new Date(today.getFullYear(), today.getMonth(), today.getDate());
    var end = new Date(start);
    if (value === "this-week") {
      var daysToSunday = (7 - start.getDay()) % 7;
      end.setDate(start.getDate() + daysToSunday);
    } else if (value === "this-month") {
      end = new Date(start.getFullYear(), start.getMonth() + 1, 0);
    } else if (value === "next-3-months") {
      end = new Date(start.getFullYear(), start.getMonth() + 3, start.getDate());
    } else {
      return null;
    }
    return [isoDay(start), isoDay(end)];
  }

  function readState(form) {
    var state = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled) return;
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked) (state[el.name] = state[el.name] || []).push(el.value);
      } else if (el.tagName === "SELECT" || el.type === "search" || el.type === "number" || el.type === "text") {
        var v = String(el.value || "").trim();
        if (v) (state[el.name] = state[el.name] || []).push(v);
      }
    });
    return state;
  }

  function writeState(form, params) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) return;
      var values = params.getAll(el.name);
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = values.indexOf(el.value) !== -1;
      } else if (el.tagName === "SELECT" || el.type === "search" || el.type === "number" || el.type === "text") {
        if (values.length) el.value = values[0];
      }
    });
  }

  function matches(item, state, today) {
    for (var field in state) {
      if (!Object.prototype.hasOwnProperty.call(state, field)) continue;
      var wanted = state[field];
      if (field === "q") {
        var text = (item.getAttribute("data-text") || item.textContent || "").toLowerCase();
        var words = wanted[0].toLowerCase().split(/\s+/).filter(Boolean);
        for (var w = 0; w < words.length; w++) if (text.indexOf(words[w]) === -1) return false;
      } else if (field === "age") {
        var age = parseInt(wanted[0], 10);
        if (isNaN(age)) continue;
        var from = item.getAttribute("data-age-from");
        var to = item.getAttribute("data-age-to");
        if (from !== null && age < parseInt(from, 10)) return false;
        if (to !== null && age > parseInt(to, 10)) return false;
      } else if (field === "when") {
        var range = whenRange(wanted[0], today);
        var start = item.getAttribute("data-start");
        if (range && (!start || start < range[0] || start > range[1])) return false;
      } else {
        var have = (item.getAttribute("data-" + field) || "").split(/\s+/);
        var any = false;
        for (var i = 0; i < wanted.length && !any; i++) any = have.indexOf(wanted[i]) !== -1;
        if (!any) return false;
      }
    }
    return true;
  }

  function setup(form) {
    var list = document.getElementById(form.getAttribute("data-lo-filter-for"));
    if (!list) return;
    var count = document.getElementById(list.id + "-count");
    var nouns = (form.getAttribute("data-lo-noun") || "result|results").split("|");
    var items = list.querySelectorAll("[data-lo-item]");
    var groups = list.querySelectorAll("[data-lo-group]");
    var today = new Date();
    var lastMessage = "";

    function apply(updateUrl) {
      var state = readState(form);
      var shown = 0;
      Array.prototype.forEach.call(items, function (item) {
        var ok = matches(item, state, today);
        item.hidden = !ok;
        if (ok) shown += 1;
      });
      Array.prototype.forEach.call(groups, function (group) {
        group.hidden = !group.querySelector("[data-lo-item]:not([hidden])");
      });
      var noun = items.length === 1 ? nouns[0] : nouns[1] || nouns[0];
      var message = "Showing " + shown + " of " + items.length + " " + noun;
      if (count && message !== lastMessage) {
        count.textContent = message;
        lastMessage = message;
      }
      if (updateUrl && window.history && window.history.replaceState) {
        var params = new URLSearchParams();
        Object.keys(state).forEach(function (key) {
          state[key].forEach(function (value) { params.append(key, value); });
        });
        var query = params.toString();
        window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      }
    }

    writeState(form, new URLSearchParams(window.location.search));
    form.hidden = false;
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("input", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    form.addEventListener("reset", function () { window.setTimeout(function () { apply(true); }, 0); });
    apply(false);
  }

  function ensureHiddenWins() {
    // Layout styles (display: flex/grid) would otherwise override the hidden attribute.
    if (document.getElementById("lo-filters-style")) return;
    var style = document.createElement("style");
    style.id = "lo-filters-style";
    style.textContent = "[data-lo-item][hidden],[data-lo-group][hidden]{display:none!important}";
    document.head.appendChild(style);
  }

  function init() {
    ensureHiddenWins();
    Array.prototype.forEach.call(document.querySelectorAll("form.lo-filters[data-lo-filter-for]"), setup);
  }

  // mkdocs-material's instant navigation swaps pages without a reload: listen for both.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
