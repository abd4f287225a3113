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
      row("Who is being asked", list(entry, "audiences").join(", ")),
      row("Lead", text(entry, "lead")),
    ], props.widgetFor("body"));
  });

  CMS.registerPreviewTemplate("events", function (props) {
    var entry = props.entry;
    return frame(entry, [
      row("When", text(entry, "starts") || text(entry, "meets")),
      row("Where", text(entry, "location.name") || text(entry, "online.platform")),
      row("Who it is for", list(entry, "audiences").join(", ")),
      row("Cost", text(entry, "cost") || "Free"),
      row("Organiser", text(entry, "organiser")),
    ], props.widgetFor("body"));
  });

  CMS.registerPreviewTemplate("responses", function (props) {
    var entry = props.entry;
    var comments = list(entry, "comments").map(function (comment, index) {
      return h("div", { key: index, className: "lo-comment" },
        h("h2", {}, "You said"), h("p", {}, comment.said || ""),
        h("h2", {}, "We did"), h("p", {}, comment.response || ""));
    });
    return frame(entry, [row("Gathered on", text(entry, "received"))], comments);
  });
})();
