/*
 * localoffer: small accessibility enhancements to mkdocs-material, loaded on every page after
 * material's own bundle. No dependencies; everything works without it as material does.
 */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("lo-js");

  /*
   * Menu and search toggles that keyboard users can operate (WCAG 2.1.1). Material opens the
   * navigation drawer and the search with <label>s for hidden checkboxes; partials/header.html
   * pairs each with a real <button>, shown here instead of the label. The button clicks the
   * checkbox (so material's own code sees the change) and reports the state in aria-expanded.
   */
  var buttons = document.querySelectorAll("button.lo-toggle[data-lo-toggle]");
  Array.prototype.forEach.call(buttons, function (button) {
    var id = button.getAttribute("data-lo-toggle");
    var input = document.getElementById(id);
    if (!input) return;
    var label = button.parentNode.querySelector("label.md-header__button[for='" + id + "']");
    if (label) label.hidden = true;
    button.hidden = false;
    var sync = function () {
      button.setAttribute("aria-expanded", input.checked ? "true" : "false");
    };
    sync();
    input.addEventListener("change", sync);
    button.addEventListener("click", function () {
      input.click();
      // The open search covers the header on small screens: go straight to its input.
      if (id === "__search" && input.checked) {
        var query = document.querySelector(".md-search__input");
        if (query) query.focus();
      }
    });
  });

  /*
   * The search form's submit button (partials/search.html) goes to the first result, as Enter
   * in the search box does in material's own script; with no result yet it stays in the box.
   * The form is never sent: the search runs in the page.
   */
  var searchForm = document.querySelector("form.md-search__form");
  if (searchForm) {
    searchForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = document.querySelector(".md-search-result__list a[href]");
      if (first) first.click();
      else {
        var box = searchForm.querySelector(".md-search__input");
        if (box) box.focus();
      }
    });
  }

  /*
   * The navigation drawer on narrow screens covers the header, so opening it with the menu
   * button moves focus into it; Escape closes it and returns focus to the menu button, and it
   * closes when focus leaves it (so nothing that has focus is hidden behind it).
   */
  var drawer = document.getElementById("__drawer");
  var menuButton = document.querySelector("button.lo-toggle[data-lo-toggle='__drawer']");
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (drawer && menuButton && sidebar) {
    var closeDrawer = function (refocus) {
      if (!drawer.checked) return;
      drawer.click();
      if (refocus) menuButton.focus();
    };
    menuButton.addEventListener("click", function () {
      if (!drawer.checked) return;
      var first = sidebar.querySelector("a[href], button, input, label[tabindex]");
      if (first) first.focus({ preventScroll: true });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) closeDrawer(true);
    });
    sidebar.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (next && !sidebar.contains(next)) closeDrawer(false);
    });
  }

  /*
   * On narrow screens localoffer.css shows the drawer's levels expanded, so the labels that
   * open and close them do nothing there: take them out of the tab order, and put back their
   * own tabindex on wide screens (partials/nav-item.html leaves it out for section headings).
   */
  var narrow = window.matchMedia("(max-width: 76.234375em)");
  var navLabels = document.querySelectorAll(".md-nav--primary label.md-nav__link");
  var syncNavLabels = function () {
    Array.prototype.forEach.call(navLabels, function (label) {
      if (!label.hasAttribute("data-lo-tabindex")) {
        label.setAttribute("data-lo-tabindex", label.getAttribute("tabindex") || "");
      }
      var own = label.getAttribute("data-lo-tabindex");
      if (narrow.matches) label.setAttribute("tabindex", "-1");
      else if (own) label.setAttribute("tabindex", own);
      else label.removeAttribute("tabindex");
    });
  };
  syncNavLabels();
  if (narrow.addEventListener) narrow.addEventListener("change", syncNavLabels);

  /*
   * The skip link moves keyboard focus to the main content, not just the scroll position, so the
   * next Tab continues from there in every browser.
   */
  var skip = document.querySelector("a.md-skip[href^='#']");
  if (skip) {
    skip.addEventListener("click", function () {
      var target = document.getElementById(skip.getAttribute("href").slice(1));
      if (target) target.focus({ preventScroll: false });
    });
  }

  /*
   * Content tabs (pymdownx.tabbed) are hidden radio buttons; material shows their focus only as
   * a change of colour on the tab's label. Draw our focus ring on the label instead.
   */
  var proxyFocus = function (event, on) {
    var input = event.target;
    if (!input.matches || !input.matches(".tabbed-set > input") || !input.id) return;
    var label = document.querySelector("label[for='" + input.id + "']");
    if (label) label.classList.toggle("lo-focus-ring", on && input.matches(":focus-visible"));
  };
  document.addEventListener("focusin", function (event) { proxyFocus(event, true); });
  document.addEventListener("focusout", function (event) { proxyFocus(event, false); });

  /*
   * Material puts the buttons of a code block (copy) in an unnamed <nav>, one per block, which
   * makes many identical navigation landmarks (axe: landmark-unique). They are a toolbar, not
   * navigation: take the landmark role away as material adds them.
   */
  var content = document.querySelector(".md-content");
  if (content && window.MutationObserver) {
    var unlandmark = function () {
      var navs = content.querySelectorAll("nav.md-code__nav:not([role])");
      Array.prototype.forEach.call(navs, function (nav) {
        nav.setAttribute("role", "none");
      });
    };
    unlandmark();
    new MutationObserver(unlandmark).observe(content, { childList: true, subtree: true });
  }

  /*
   * Printing: each link in the main content is followed by its full address (see the print
   * styles in localoffer.css), unless the link text already is the address.
   */
  var links = document.querySelectorAll(".md-content a[href]");
  Array.prototype.forEach.call(links, function (link) {
    var href = link.getAttribute("href");
    if (!href || href.charAt(0) === "#" || href.indexOf("javascript:") === 0) return;
    var address = link.href.indexOf("mailto:") === 0 ? link.href.slice(7) : link.href;
    var text = link.textContent.trim();
    if (text === address || text === link.href) return;
    link.setAttribute("data-lo-print-href", address);
  });
})();
