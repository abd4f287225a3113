/*
 * localoffer consultations: keep the status of a consultation right when the page is read after
 * a date has passed since the site was built.
 *
 * The build writes each status that can still change by itself as
 *
 *   <p class="lo-status" data-lo-status="page|item" data-lo-state="open"
 *      data-lo-opens="2026-11-02T00:00:00+00:00" data-lo-closes="2027-01-15T17:00:00+00:00"
 *      data-lo-soon="…" data-lo-overdue="…" data-lo-states='{"open": {"tag": …}, …}'>
 *     <strong data-lo-tag>Open</strong> <span data-lo-note>Closes …</span></p>
 *
 * The script works out the state now (upcoming → open → closing-soon → closed → overdue) from
 * the ISO dates. Only when time has moved the state on since the build does it change the page:
 * it swaps in the words the build wrote for that state, swaps "opens on…" for "respond by…"
 * once it has opened ([data-lo-while-upcoming], [data-lo-once-open]), hides the ways to respond
 * once it has closed ([data-lo-while-open]) and, on the register, moves the item to the
 * right section and corrects the counts. When nothing has changed it changes nothing. A reader's
 * clock that is behind the build never moves a status back.
 *
 * An item ([data-lo-item] in a [data-lo-section]) goes to the section of its new status among
 * the sections beside its own. Where there is none, the list is one its item no longer belongs
 * in (the open consultations on the home page, the register's page for open ones): the item
 * leaves it, hidden (for assistive technology too) and marked [data-lo-over] (its time on this
 * list is over), and a section it leaves empty is hidden. A section marked [data-lo-waiting]
 * stays hidden: it holds items written for later (the upcoming consultations that an "open"
 * embed moves onto its list once they open). lists.js then shows the list's first items up to
 * its limit and corrects its count and empty state (on "localoffer:status-changed").
 */
(function () {
  "use strict";

  if (window.localofferStatus) {
    return; // loaded twice (a page with two embeds, say)
  }

  var ORDER = ["upcoming", "open", "closing-soon", "closed", "overdue"];
  var STATUS_OF = {
    "upcoming": "upcoming",
    "open": "open",
    "closing-soon": "open",
    "closed": "closed",
    "overdue": "closed"
  };
  var CHECK_EVERY_MS = 60 * 1000;

  function time(element, name) {
    return Date.parse(element.getAttribute(name) || "");
  }

  /* The state at `now` (milliseconds), or null when the dates cannot be read. */
  function stateAt(element, now) {
    // No opening date (it was never published): never upcoming.
    var opens = element.hasAttribute("data-lo-opens") ? time(element, "data-lo-opens") : -Infinity;
    var closes = time(element, "data-lo-closes");
    var soon = time(element, "data-lo-soon");
    // No date for an overdue outcome (a partner publishes it): never overdue.
    var overdue = element.hasAttribute("data-lo-overdue") ? time(element, "data-lo-overdue")
      : Infinity;
    if ([opens, closes, soon, overdue].some(isNaN)) {
      return null;
    }
    if (now < opens) {
      return "upcoming";
    }
    if (now <= closes) {
      return now >= soon ? "closing-soon" : "open";
    }
    return now > overdue ? "overdue" : "closed";
  }

  function words(element, state) {
    try {
      var states = JSON.parse(element.getAttribute("data-lo-states") || "{}");
      return states[state] || null;
    } catch (error) {
      return null;
    }
  }

  function show(element, text) {
    var tag = element.querySelector("[data-lo-tag]");
    var note = element.querySelector("[data-lo-note]");
    var flag = element.querySelector("[data-lo-flag]");
    if (!tag || !note) {
      return false;
    }
    tag.textContent = text.tag;
    tag.className = "lo-tag lo-tag--" + text.tagClass;
    if (text.flag) {
      if (!flag) {
        flag = document.createElement("strong");
        flag.setAttribute("data-lo-flag", "");
        tag.after(" ", flag);
      }
      flag.textContent = text.flag;
      flag.className = "lo-tag lo-tag--" + text.flagClass;
    } else if (flag) {
      var space = flag.previousSibling;
      if (space && space.nodeType === Node.TEXT_NODE && !space.textContent.trim()) {
        space.remove();
      }
      flag.remove();
    }
    note.textContent = text.note;
    return true;
  }

  function closesOf(item) {
    var status = item.querySelector("[data-lo-status][data-lo-closes]");
    return status ? time(status, "data-lo-closes") : NaN;
  }

  var LEFT = "[data-lo-item]:not([data-lo-over])";

  /* Hide a section that has no item left in it. */
  function hideIfEmpty(section) {
    if (section && !section.querySelector(LEFT)) {
      section.hidden = true;
    }
  }

  /* Put a register item in its new section, in that section's order, or take it off a list
     that has no section for its status. */
  function move(item, status) {
    var from = item.closest("[data-lo-section]");
    if (!from) {
      return;
    }
    var list = from.parentElement.querySelector(
      '[data-lo-section="' + status + '"] [data-lo-list]');
    if (!list) {
      item.hidden = true;
      item.setAttribute("data-lo-over", "");
      hideIfEmpty(from);
      return;
    }
    if (list.contains(item)) {
      return;
    }
    var closes = closesOf(item);
    var before = null;
    Array.prototype.some.call(list.querySelectorAll("[data-lo-item]"), function (other) {
      var otherCloses = closesOf(other);
      // Open: closing soonest first. Closed: most recently closed first. Upcoming: as built.
      var goesBefore = status === "open" ? closes < otherCloses
        : status === "closed" ? closes > otherCloses || isNaN(otherCloses)
        : false;
      if (goesBefore) {
        before = other;
      }
      return goesBefore;
    });
    list.insertBefore(item, before);
    var to = list.closest("[data-lo-section]");
    if (!to.hasAttribute("data-lo-waiting")) {
      to.hidden = false;
    }
    hideIfEmpty(from);
  }

  function recount() {
    document.querySelectorAll("[data-lo-count]").forEach(function (entry) {
      var status = entry.getAttribute("data-lo-count");
      var count = document.querySelectorAll('[data-lo-section="' + status + '"] ' + LEFT).length;
      var number = entry.querySelector("[data-lo-count-number]");
      if (number && number.textContent !== String(count)) {
        number.textContent = String(count);
      }
      if (entry.hidden !== (count === 0)) {
        entry.hidden = count === 0;
      }
    });
  }

  function update(now) {
    var moved = false;
    var changed = false;
    document.querySelectorAll("[data-lo-status][data-lo-closes]").forEach(function (element) {
      var built = element.getAttribute("data-lo-state");
      var state = stateAt(element, now);
      if (state === null || ORDER.indexOf(state) <= ORDER.indexOf(built)) {
        return; // nothing has changed (or the reader's clock is behind the build)
      }
      var text = words(element, state);
      if (!text || !show(element, text)) {
        return;
      }
      changed = true;
      element.setAttribute("data-lo-state", state);
      var status = STATUS_OF[state];
      if (element.getAttribute("data-lo-status") === "page") {
        // The page's own parts that depend on the status: the words about when to respond
        // (once it has opened) and the ways to respond (until it closes).
        document.querySelectorAll("[data-lo-while-upcoming]").forEach(function (part) {
          part.hidden = true;
        });
        document.querySelectorAll("[data-lo-once-open]").forEach(function (part) {
          part.hidden = false;
        });
        if (status === "closed") {
          document.querySelectorAll("[data-lo-while-open]").forEach(function (part) {
            part.hidden = true;
          });
        }
      }
      var item = element.closest("[data-lo-item]");
      if (item && item.getAttribute("data-status") !== status) {
        item.setAttribute("data-status", status);
        move(item, status);
        moved = true;
      }
    });
    if (moved) {
      recount();
    }
    if (changed) {
      document.dispatchEvent(new CustomEvent("localoffer:status-changed"));
    }
    return changed;
  }

  window.localofferStatus = { update: update };

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
