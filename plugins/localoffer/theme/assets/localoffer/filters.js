/*
 * localoffer register filters: progressive enhancement for lists of records.
 *
 * Without JavaScript every item is listed, the filter form stays hidden and the register links
 * its static pages for one status, audience, topic, area or type instead. With it, the form is
 * shown (and those links hidden), filters apply at once, the state lives in the URL query (so a
 * filtered view can be shared) and the number of results is announced through a polite live
 * region (after a pause in typing, so that it is not read out at every key).
 *
 * Markup contract (see the templates under theme/localoffer/):
 *   <form class="lo-filters" data-lo-filter-for="LIST-ID" data-lo-noun="event|events" hidden>
 *   <p class="lo-result-count" id="LIST-ID-count" role="status" aria-live="polite"></p>
 *   <... id="LIST-ID"> ... <li data-lo-item data-FIELD="term term" data-text="..."> ...
 *   elements with data-lo-group are hidden when none of their items is visible.
 * Checkboxes: OR within a field, AND across fields; a field named by data-lo-all="FIELD" on an
 * element of the form (the access provisions of /events/) matches only items with every value
 * ticked. name="q": free text. name="age": a number
 * matched against data-age-from / data-age-to. name="when": this-week | this-month |
 * next-3-months, matched against data-start (YYYY-MM-DD) and the reader's today.
 *
 * Optional parts of a form:
 *   data-lo-facets="ID": the element with the static pages' links, hidden when the form is shown.
 *   class="lo-filters--collapsible", with [data-lo-filters-toggle] (a button, aria-controls the
 *   panel) and [data-lo-filters-panel]: below 60em the panel is folded behind the button, which
 *   says how many filters in it are in use; what is outside the panel (the engagement
 *   opportunity switch on /events/) stays in view. Escape folds it again; the submit button
 *   ("Show events") folds it and takes focus to the result count, above the results.
 *   data-lo-index="URL" data-lo-more="N": N more items, after those listed, in a compact index
 *   (plan/event_filter_index.py), fetched when a filter is first used and drawn into the list
 *   as the page draws its own items (with data-lo-extra). With no filter in use they stay
 *   hidden, so the list is as built.
 *   An element with id "LIST-ID-past" is shown while a filter is in use (a link to the archive).
 * An item another script has found to be over since the build carries data-lo-over: it is
 * neither shown nor counted. Items are looked up again at each change, so one taken out of the
 * list is no longer counted either.
 */
(function () {
  "use strict";

  var SPECIAL = { q: true, age: true, when: true };
  var NARROW = "(max-width: 59.9375em)";
  var TYPING_PAUSE = 600; // ms without a key press before the count is announced

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

  function isTextual(el) {
    return el.tagName === "SELECT" || el.type === "search" || el.type === "number" || el.type === "text";
  }

  function readState(form, within) {
    var state = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled) return;
      if (within && !within.contains(el)) return;
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked) (state[el.name] = state[el.name] || []).push(el.value);
      } else if (isTextual(el)) {
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
      } else if (isTextual(el)) {
        if (values.length) el.value = values[0];
      }
    });
  }

  function countValues(state) {
    var n = 0;
    Object.keys(state).forEach(function (key) { n += state[key].length; });
    return n;
  }

  function matches(item, state, today, all) {
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
        var found = 0;
        for (var i = 0; i < wanted.length; i++) if (have.indexOf(wanted[i]) !== -1) found++;
        if (all && all[field] ? found < wanted.length : !found) return false;
      }
    }
    return true;
  }

  /* The index's items, drawn as theme/localoffer/event-macros.html draws the page's own. */
  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function drawItem(event, day, time, ends, base) {
    var li = element("li", "lo-event-item");
    li.setAttribute("data-lo-item", "");
    li.setAttribute("data-lo-extra", "");
    Object.keys(event.d).forEach(function (name) { li.setAttribute("data-" + name, event.d[name]); });
    li.setAttribute("data-start", day);
    if (ends) li.setAttribute("data-lo-ends", ends);
    var link = element("a", "lo-event-item__title", event.t);
    link.href = new URL(event.u, base).href;
    li.appendChild(link);
    event.g.forEach(function (tag) {
      li.appendChild(document.createTextNode(" "));
      li.appendChild(element("strong", "lo-tag lo-tag--" + tag[0], tag[1]));
    });
    li.appendChild(document.createTextNode("\n"));
    li.appendChild(element("span", "lo-event-item__meta", time + ", " + event.p));
    li.appendChild(document.createTextNode("\n"));
    li.appendChild(element("span", "lo-event-item__summary", event.s));
    return li;
  }

  function drawIndex(list, data, base) {
    var before = list.querySelector(":scope > .lo-event-undated");
    data.months.forEach(function (month) {
      var id = list.id + "-" + month.k;
      var section = document.getElementById(id);
      section = section && section.parentElement;
      if (!section || section.parentElement !== list) {
        section = element("section", "lo-event-month");
        section.setAttribute("data-lo-group", "");
        section.setAttribute("aria-labelledby", id);
        var heading = element("h2", "", month.l);
        heading.id = id;
        section.appendChild(heading);
        list.insertBefore(section, before);
      }
      month.days.forEach(function (day) {
        var group = element("div", "lo-event-day");
        group.setAttribute("data-lo-group", "");
        group.appendChild(element("h3", "", day[1]));
        var ul = element("ul", "lo-event-list");
        day[2].forEach(function (occurrence) {
          var ends = occurrence[2];
          if (ends && Date.parse(ends) <= Date.now()) return; // over since the build
          ul.appendChild(drawItem(data.events[occurrence[0]], day[0], data.times[occurrence[1]],
            ends, base));
        });
        group.appendChild(ul);
        section.appendChild(group);
      });
    });
  }

  function setup(form) {
    var list = document.getElementById(form.getAttribute("data-lo-filter-for"));
    if (!list) return;
    var count = document.getElementById(list.id + "-count");
    var past = document.getElementById(list.id + "-past");
    var nouns = (form.getAttribute("data-lo-noun") || "result|results").split("|");
    var toggle = form.querySelector("[data-lo-filters-toggle]");
    var panel = form.querySelector("[data-lo-filters-panel]");
    var active = form.querySelector("[data-lo-active-count]");
    var facets = document.getElementById(form.getAttribute("data-lo-facets") || "");
    var narrow = window.matchMedia ? window.matchMedia(NARROW) : null;
    var today = new Date();
    var all = {};
    Array.prototype.forEach.call(form.querySelectorAll("[data-lo-all]"), function (el) {
      all[el.getAttribute("data-lo-all")] = true;
    });
    var items, groups;
    var lastMessage = "";
    var typing = null;
    // The compact index of the items not listed: "none" until a filter is used, then
    // "loading", "loaded" or "failed".
    var indexUrl = form.getAttribute("data-lo-index");
    var more = parseInt(form.getAttribute("data-lo-more") || "0", 10) || 0;
    var index = indexUrl && more > 0 ? "none" : "loaded";

    function collect() {
      items = list.querySelectorAll("[data-lo-item]");
      groups = list.querySelectorAll("[data-lo-group]");
    }

    function load() {
      if (index !== "none" || !window.fetch) return;
      index = "loading";
      var url = new URL(indexUrl, document.baseURI);
      window.fetch(url.href, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status + " " + url.href);
          return response.json();
        })
        .then(function (data) {
          drawIndex(list, data, url);
          index = "loaded";
          apply(false, true);
        })
        .catch(function () {
          index = "failed";
          apply(false, true);
        });
    }

    function announce(message, now) {
      if (!count) return;
      window.clearTimeout(typing);
      if (now) {
        if (message !== lastMessage) count.textContent = message;
        lastMessage = message;
      } else {
        typing = window.setTimeout(function () { announce(message, true); }, TYPING_PAUSE);
      }
    }

    function apply(updateUrl, now) {
      collect();
      var state = readState(form);
      var inUse = countValues(state) > 0;
      if (inUse) load();
      var shown = 0;
      var over = 0;
      Array.prototype.forEach.call(items, function (item) {
        if (item.hasAttribute("data-lo-over")) {
          item.hidden = true;
          over += 1;
          return;
        }
        var ok = matches(item, state, today, all) && (inUse || !item.hasAttribute("data-lo-extra"));
        item.hidden = !ok;
        if (ok) shown += 1;
      });
      Array.prototype.forEach.call(groups, function (group) {
        group.hidden = !group.querySelector("[data-lo-item]:not([hidden])");
      });
      var total = items.length - over + (index === "loaded" || index === "failed" ? 0 : more);
      var noun = total === 1 ? nouns[0] : nouns[1] || nouns[0];
      var message = "Showing " + shown + " of " + total + " " + noun;
      if (index === "failed" && inUse) message += " (later dates could not be searched: find them by month)";
      announce(message, now);
      if (past) past.hidden = !inUse;
      if (active) {
        var n = panel ? countValues(readState(form, panel)) : 0;
        active.textContent = n ? " (" + n + " active)" : "";
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

    function setOpen(open) {
      if (!toggle) return;
      form.classList.toggle("lo-filters--open", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }

    function folded() {
      return Boolean(toggle && narrow && narrow.matches);
    }

    collect();
    writeState(form, new URLSearchParams(window.location.search));
    form.hidden = false;
    if (facets) facets.hidden = true;
    if (toggle && panel) {
      toggle.hidden = false;
      setOpen(false);
      toggle.addEventListener("click", function () {
        setOpen(!form.classList.contains("lo-filters--open"));
      });
      panel.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && folded() && form.classList.contains("lo-filters--open")) {
          setOpen(false);
          toggle.focus();
        }
      });
    }
    form.addEventListener("change", function () { apply(true, true); });
    form.addEventListener("input", function (event) {
      // Checkboxes and selects also fire "change", at once; text waits for a pause in typing.
      if (isTextual(event.target) && event.target.tagName !== "SELECT") apply(true, false);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply(true, true);
      if (folded()) setOpen(false);
      if (count) {
        count.focus({ preventScroll: true });
        count.scrollIntoView({ block: "start" });
      }
    });
    form.addEventListener("reset", function () { window.setTimeout(function () { apply(true, true); }, 0); });
    apply(false, true);
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
