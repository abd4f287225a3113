/*
 * localoffer events: keep a series' "Next:" date right when its page is read after that date
 * has passed since the site was built.
 *
 * The build writes (event.html)
 *
 *   <p data-lo-next data-lo-finished="This series has finished. The last date was …">
 *     <strong>Next: <span data-lo-next-words>Tuesday 24 November 2026, 4pm to 6pm</span></strong></p>
 *   <ul data-lo-dates data-lo-complete>
 *     <li data-lo-ends="2026-11-24T18:00:00+00:00">Tuesday 24 November 2026, 4pm to 6pm</li> …</ul>
 *   <p data-lo-no-more hidden>There are no more dates.</p>
 *   <p data-lo-past-dates="6">6 dates have already happened.</p>
 *
 * Each listed date is one still to come at the build, with the moment it is over. The script
 * hides the dates that are over now, moves "Next:" on to the first one left and counts the
 * ones that have happened. When none is left and the list held every date to come
 * (data-lo-complete), it says the series has finished; when the list was cut short, it drops
 * the "Next:" line rather than guess. Dates over are only ever hidden, so a reader's clock that
 * is behind the build changes nothing, and when nothing is over the page is left as built.
 */
(function () {
  "use strict";

  if (window.localofferNextDate) {
    return;
  }

  var CHECK_EVERY_MS = 60 * 1000;

  function happened(count) {
    return count + (count === 1 ? " date has" : " dates have") + " already happened.";
  }

  function update(now) {
    var list = document.querySelector("[data-lo-dates]");
    if (!list) {
      return false;
    }
    var over = 0;
    var next = null;
    var changed = false;
    list.querySelectorAll("li[data-lo-ends]").forEach(function (item) {
      var ends = Date.parse(item.getAttribute("data-lo-ends") || "");
      if (!isNaN(ends) && ends <= now) {
        over += 1;
        if (!item.hidden) {
          item.hidden = true;
          changed = true;
        }
      } else if (next === null) {
        next = item;
      }
    });
    if (!changed) {
      return false;
    }
    var line = document.querySelector("[data-lo-next]");
    var complete = list.hasAttribute("data-lo-complete");
    if (line) {
      var words = line.querySelector("[data-lo-next-words]");
      if (next !== null && words) {
        words.textContent = next.textContent;
      } else if (next === null && complete) {
        line.textContent = line.getAttribute("data-lo-finished") || "";
      } else {
        line.hidden = true;
      }
    }
    if (next === null) {
      list.hidden = true;
      var none = document.querySelector("[data-lo-no-more]");
      if (none && complete) {
        none.hidden = false;
      }
    }
    var past = document.querySelector("[data-lo-past-dates]");
    if (past) {
      var count = parseInt(past.getAttribute("data-lo-past-dates") || "0", 10) + over;
      past.textContent = happened(count);
      past.hidden = false;
    }
    return true;
  }

  window.localofferNextDate = { update: update };

  function check() {
    update(Date.now());
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", check);
  } else {
    check();
  }
  window.setInterval(check, CHECK_EVERY_MS);
})();
