"""Two more accessibility engines beside axe-core, run in the page like it, offline.

- HTML_CodeSniffer (npm ``html_codesniffer``, pa11y's default engine): ``build/HTMLCS.js``
  injected into the page, ``HTMLCS.process('WCAG2AA', document, done)``; its errors are the
  messages of type ``HTMLCS.ERROR`` (1).
- IBM Equal Access (npm ``accessibility-checker-engine``, the engine of ``accessibility-checker``):
  ``ace.js`` injected into the page, ``new ace.Checker().check(document, ["IBM_Accessibility"])``.
  The rule set ships inside ace.js, so nothing is fetched. (The ``accessibility-checker``
  wrapper is not used: it installs Puppeteer and chromedriver, which download browsers, and by
  default loads its rule sets from IBM's server.) A violation is a result whose value is
  ``["VIOLATION", "FAIL"]``; "POTENTIAL" and "MANUAL" results ask a person to look.

Both are pinned in tests/js/package.json.
"""

from __future__ import annotations

from typing import Any

from .conftest import NODE_MODULES, REPO, unavailable

HTMLCS_JS = NODE_MODULES / "html_codesniffer" / "build" / "HTMLCS.js"
ACE_JS = NODE_MODULES / "accessibility-checker-engine" / "ace.js"

_HTMLCS_ERRORS = """() => new Promise((resolve) => HTMLCS.process('WCAG2AA', document, () => {
  resolve(HTMLCS.getMessages().filter((m) => m.type === HTMLCS.ERROR).map((m) => ({
    code: m.code,
    message: m.msg,
    element: m.element && m.element.outerHTML
      ? m.element.outerHTML.slice(0, 160) : String(m.element),
  })));
}))"""

# Each result with the element it is about, found again from its XPath, so that a test can ask
# whether the element matches a selector.
_ACE_RESULTS = """async (known) => {
  const report = await new ace.Checker().check(document, ['IBM_Accessibility']);
  const at = (xpath) => {
    try {
      return document.evaluate(xpath, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null)
        .singleNodeValue;
    } catch (error) {
      return null;
    }
  };
  return report.results.map((r) => {
    const el = at(r.path.dom);
    const why = el && el.nodeType === 1
      ? (known.find(([rule, selector]) => rule === r.ruleId && el.matches(selector)) || [])[1]
      : undefined;
    return {rule: r.ruleId, level: r.value[0], outcome: r.value[1], message: r.message,
            path: r.path.dom, snippet: r.snippet, known: why || null};
  });
}"""


def htmlcs_errors(page: Any) -> list[dict[str, str]]:
    if not HTMLCS_JS.exists():
        unavailable(f"HTML_CodeSniffer ({HTMLCS_JS.relative_to(REPO)})")
    if not page.evaluate("typeof window.HTMLCS !== 'undefined'"):
        page.add_script_tag(path=str(HTMLCS_JS))
    errors: list[dict[str, str]] = page.evaluate(_HTMLCS_ERRORS)
    return errors


def equal_access_results(
    page: Any, known: list[tuple[str, str, str]] | None = None
) -> list[dict[str, Any]]:
    """Every result of the Equal Access engine; ``known`` is (rule, selector, reason) triples:
    a result of that rule about an element matching the selector carries the reason."""
    if not ACE_JS.exists():
        unavailable(f"IBM Equal Access ({ACE_JS.relative_to(REPO)})")
    if not page.evaluate("typeof window.ace !== 'undefined'"):
        page.add_script_tag(path=str(ACE_JS))
    pairs = [[rule, f"{selector}"] for rule, selector, _ in known or []]
    results = page.evaluate(_ACE_RESULTS, pairs)
    reasons = {(rule, selector): reason for rule, selector, reason in known or []}
    for result in results:
        if result["known"] is not None:
            result["known"] = reasons[(result["rule"], result["known"])]
    return list(results)
