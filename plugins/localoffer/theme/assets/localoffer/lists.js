/*
 * localoffer lists: keep a list of what is open or coming up right when the page is read after
 * the site was built (the nightly rebuild writes the right list again).
 *
 * The build writes (event-macros.html's months, the embeds under theme/localoffer/embeds/)
 *
 *   <div data-lo-live data-lo-limit="4" data-lo-cut>      a list of what is open or to come
 *     <ul data-lo-group>                                   a month, a day, the list itself
 *       <li data-lo-item data-lo-ends="2026-11-27T12:00:00+00:00" data-lo-event="ID">…</li>
 *       <li data-lo-item data-lo-ends="…" data-lo-event="ID" hidden>…</li>   the next ones
 *     </ul>
 *     <div data-lo-waiting hidden>…</div>                  items that may join the list later
 *     <p data-lo-empty hidden>There are no … at the moment.</p>
 *     <a data-lo-count-words data-lo-many="See all {n} open …" data-lo-few="See all …">…</a>
 *   </div>
 *
 * An item leaves the list once the moment in its data-lo-ends has passed (an event's date is
 * over); status.js takes a consultation off a list once it has closed, and moves an upcoming
 * one from [data-lo-waiting] onto it once it has opened. An item that leaves is hidden, for
 * assistive technology too, and marked data-lo-over (the filters, filters.js, never show it
 * again), and a group left with no item is hidden. With data-lo-limit the first N items left
 * are shown and the others hidden, one item for each data-lo-event (a series once, at its next
 * date): the build writes the next ones hidden, ready to move up. When no item is left the empty
 * state is shown, unless the build left some out (data-lo-cut): then it cannot say nothing is
 * coming, and only the list goes. The count words say how many items are left when there are
 * more than the limit ({n}), the other words when there are not.
 *
 * Dates are ISO 8601 instants with London's offset, compared with the reader's clock, as
 * status.js and next-date.js compare theirs. Items only ever leave, so a reader's clock that is
 * behind the build changes nothing, and when nothing has left the page is left as built. After
 * a change it sends "localoffer:lists-changed" (filters.js counts its results again).
 */
(function () {
  "use strict";

  if (window.localofferLists) {
    return; // loaded twice (a page with two embeds, say)
  }

  var CHECK_EVERY_MS = 60 * 1000;
  var LEFT = "[data-lo-item]:not([data-lo-over])";

  function setHidden(element, hidden) {
    if (element.hidden === hidden) {
      return false;
    }
    element.hidden = hidden;
    return true;
  }

  /* Take the items whose moment is over off their lists. */
  function leave(now) {
    var changed = false;
    document.querySelectorAll("[data-lo-live] " + LEFT + "[data-lo-ends]").forEach(
      function (item) {
        var ends = Date.parse(item.getAttribute("data-lo-ends") || "");
        if (!isNaN(ends) && ends <= now) {
          item.hidden = true;
          item.setAttribute("data-lo-over", "");
          changed = true;
        }
      });
    return changed;
  }

  /* The items still on a list, in order, and how many there are (one for each event). */
  function itemsLeft(list) {
    var seen = {};
    var items = [];
    var count = 0;
    list.querySelectorAll(LEFT).forEach(function (item) {
      if (item.closest("[data-lo-waiting]")) {
        return;
      }
      var event = item.getAttribute("data-lo-event");
      var repeat = event !== null && seen[event] === true;
      if (event !== null) {
        seen[event] = true;
      }
      if (!repeat) {
        count += 1;
      }
      items.push({ element: item, repeat: repeat });
    });
    return { items: items, count: count };
  }

  /* Show the first items left up to the limit, hide empty groups, and correct the empty state
     and the count words. Returns whether anything changed. */
  function tidy(list) {
    var changed = false;
    var left = itemsLeft(list);
    var limit = parseInt(list.getAttribute("data-lo-limit") || "", 10);
    if (!isNaN(limit)) {
      var shown = 0;
      left.items.forEach(function (item) {
        var show = !item.repeat && shown < limit;
        if (show) {
          shown += 1;
        }
        changed = setHidden(item.element, !show) || changed;
      });
    }
    list.querySelectorAll("[data-lo-group]").forEach(function (group) {
      if (group.querySelector("[data-lo-item]") && !group.querySelector(LEFT)) {
        changed = setHidden(group, true) || changed;
      }
    });
    var empty = left.count === 0 && !list.hasAttribute("data-lo-cut");
    list.querySelectorAll("[data-lo-empty]").forEach(function (part) {
      changed = setHidden(part, !empty) || changed;
    });
    list.querySelectorAll("[data-lo-count-words]").forEach(function (part) {
      var many = !isNaN(limit) && left.count > limit;
      var words = many ? (part.getAttribute("data-lo-many") || "").replace("{n}", left.count)
        : part.getAttribute("data-lo-few") || "";
      if (words && part.textContent !== words) {
        part.textContent = words;
        changed = true;
      }
    });
    return changed;
  }

  function update(now, tidyAll) {
    var changed = leave(now);
    if (changed || tidyAll) {
      document.querySelectorAll("[data-lo-live]").forEach(function (list) {
        changed = tidy(list) || changed;
      });
    }
    if (changed) {
      document.dispatchEvent(new CustomEvent("localoffer:lists-changed"));
    }
    return changed;
  }

  window.localofferLists = { update: update };

  function check() {
    update(Date.now(), false);
  }

  // status.js has moved consultations onto or off a list.
  document.addEventListener("localoffer:status-changed", function () {
    update(Date.now(), true);
  });
  // The first time, tidy every list: status.js may have run before this script.
  function start() {
    update(Date.now(), true);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  window.setInterval(check, CHECK_EVERY_MS);
})();
