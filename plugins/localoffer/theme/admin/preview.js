/* The CMS preview pane looks like the site: the site's own stylesheets (read from the home
   page, so their hashed names never go stale) and a preview template per record type.
   Decap CMS provides the globals CMS and h (React's createElement). No other host is used. */
(function () {
  "use strict";
  if (typeof CMS === "undefined") return;

  fetch("../", { credentials: "same-origin" })
    .then(function (response) { return response.text(); })
    .then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      page.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
        CMS.registerPreviewStyle(new URL(link.getAttribute("href"), new URL("../", location.href)).href);
      });
    })
    .catch(function () { /* the preview is then unstyled, never broken */ });

  // Decap's preview pane is a frame without a title (WCAG 4.1.2): name it.
  new MutationObserver(function () {
    var pane = document.getElementById("preview-pane");
    if (pane && !pane.title) pane.title = "Preview of the page";
  }).observe(document.body, { childList: true, subtree: true });

  // Each vocabulary's labels (admin/terms.json, written by the build from the site's settings),
  // so the preview says "Parents and carers" as the page will, not parents-carers.
  var terms = {};
  fetch("terms.json", { credentials: "same-origin" })
    .then(function (response) { return response.json(); })
    .then(function (loaded) { terms = loaded; })
    .catch(function () { /* terms are then shown as written */ });

  function labels(vocabulary, values) {
    var known = terms[vocabulary] || {};
    return values.map(function (term) { return known[term] || term; }).join(", ");
  }

  function text(entry, name) {
    var value = entry.getIn(["data"].concat(name.split(".")));
    return value === undefined || value === null ? "" : String(value);
  }

  function list(entry, name) {
    var value = entry.getIn(["data", name]);
    return value && value.toJS ? value.toJS() : [];
  }

  function row(label, value) {
    if (!value) return null;
    return h("div", { className: "lo-summary__row" }, h("dt", {}, label), h("dd", {}, value));
  }

  function frame(entry, rows, body) {
    return h("div", { className: "md-content" },
      h("article", { className: "md-content__inner md-typeset" },
        h("h1", {}, text(entry, "title") || "Untitled"),
        h("p", { className: "lo-lede" }, text(entry, "summary")),
        h("dl", { className: "lo-summary" }, rows),
        body));
  }

  CMS.registerPreviewTemplate("consultations", function (props) {
    var entry = props.entry;
    return frame(entry, [
      row("Opens", text(entry, "opens")),
      row("Closes", text(entry, "closes")),
      row("Who is being asked", labels("audiences", list(entry, "audiences"))),
      row("Lead", text(entry, "lead")),
    ], props.widgetFor("body"));
  });

  CMS.registerPreviewTemplate("events", function (props) {
    var entry = props.entry;
    return frame(entry, [
      row("When", text(entry, "starts") || text(entry, "meets")),
      row("Where", text(entry, "location.name") || text(entry, "online.platform")),
      row("What it is", labels("event_kinds", [text(entry, "kind")].filter(Boolean))),
      row("Who it is for", labels("audiences", list(entry, "audiences"))),
      row("Cost", text(entry, "cost") || "Free"),
      row("Organiser", text(entry, "organiser")),
    ], props.widgetFor("body"));
  });

  CMS.registerPreviewTemplate("responses", function (props) {
    var entry = props.entry;
    var comments = list(entry, "comments").map(function (comment, index) {
      return h("div", { key: index, className: "lo-comment" },
        h("p", {}, labels("respondent_groups", [comment.from].filter(Boolean))),
        h("h2", {}, "You said"), h("p", {}, comment.said || ""),
        h("h2", {}, "We did"), h("p", {}, comment.response || ""));
    });
    return frame(entry, [
      row("From", labels("feedback_sources", [text(entry, "source")].filter(Boolean))),
      row("Gathered on", text(entry, "received")),
    ], comments);
  });

  CMS.registerPreviewTemplate("services", function (props) {
    var entry = props.entry;
    // The cost is text ("£3.50 a session") or an amount with what it is per, and a note.
    var written = entry.getIn(["data", "cost"]);
    var amount = text(entry, "cost.amount");
    var per = text(entry, "cost.per");
    var cost = typeof written === "string" ? written
      : amount ? "£" + amount + (per ? " a " + per : "") : text(entry, "cost.note") || "Free";
    return frame(entry, [
      row("Provided by", text(entry, "organisation.name")),
      row("What it is", labels("service_categories", list(entry, "categories"))),
      row("Needs", labels("needs", list(entry, "needs"))),
      row("Who it is for", labels("audiences", list(entry, "audiences"))),
      row("Cost", cost),
      row("Details last checked", text(entry, "reviewed")),
    ], props.widgetFor("body"));
  });
})();
