"""JavaScript the browser tests evaluate in pages, kept in one place.

Each constant is a function expression for ``page.evaluate``.
"""

from __future__ import annotations

# Colour parsing and WCAG contrast, shared by the snippets below (prepended to them).
_COLOUR = r"""
const parse = (value) => {
  const m = value.match(/rgba?\(([^)]+)\)/);
  if (!m) return null;
  const parts = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
  return {r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1};
};
const over = (top, bottom) => {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return {r: 0, g: 0, b: 0, a: 0};
  const mix = (t, b) => (t * top.a + b * bottom.a * (1 - top.a)) / a;
  return {r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a};
};
const background = (el) => {
  const layers = [];
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    const colour = parse(getComputedStyle(node).backgroundColor);
    if (colour && colour.a > 0) layers.push(colour);
    if (colour && colour.a >= 1) break;
  }
  let result = {r: 255, g: 255, b: 255, a: 1};
  const root = parse(getComputedStyle(document.documentElement).backgroundColor);
  if (root && root.a > 0) result = over(root, result);
  for (const layer of layers.reverse()) result = over(layer, result);
  return result;
};
const luminance = ({r, g, b}) => {
  const c = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
};
const contrast = (fg, bg) => {
  const colour = over(fg, bg);
  const [hi, lo] = [luminance(colour), luminance(bg)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
"""

# The state of the focused element: what it is, whether a focus indicator is drawn, and whether
# something else (the sticky header, say) covers its centre.
FOCUS_STATE = r"""() => {
  let el = document.activeElement;
  if (!el || el === document.body) return null;
  // Hit-testing skips elements with pointer-events: none (material's current-section links):
  // let the focused element be hit, so that only real covering counts.
  if (!document.getElementById('lo-test-hit')) {
    const style = document.createElement('style');
    style.id = 'lo-test-hit';
    style.textContent = ':focus, :focus *, :focus + label, :focus + label * ' +
      '{ pointer-events: auto !important; }';
    document.head.append(style);
  }
  // Visually hidden radio buttons (material's palette toggle, content tabs) show their focus on
  // a label: for the palette, the one next to it; otherwise, their own label.
  let shown = el;
  const box0 = el.getBoundingClientRect();
  if (el.matches('input.md-option') && el.nextElementSibling) {
    shown = el.nextElementSibling;
  } else if (el.matches('input') && (box0.width < 1 || box0.height < 1) && el.id) {
    shown = document.querySelector(`label[for="${el.id}"]`) || el;
  }
  const style = getComputedStyle(shown);
  const width = parseFloat(style.outlineWidth) || 0;
  const colour = style.outlineColor;
  const outline = style.outlineStyle !== 'none' && width >= 2 &&
    !/rgba\([^)]*,\s*0\)$/.test(colour) && colour !== 'transparent';
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  const box = shown.getBoundingClientRect();
  // A link that wraps has a box per line: it is covered only if every one is.
  const rects = [...shown.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  let hit = null;
  for (const r of rects.length ? rects : [box]) {
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    hit = document.elementFromPoint(x, y);
    if (hit && (hit === shown || shown.contains(hit))) break;
  }
  const region = el.closest('header') ? 'header' : el.closest('footer') ? 'footer'
    : el.closest('.md-sidebar, nav') ? 'navigation' : el.closest('main') ? 'main' : 'page';
  const classes = String(el.className).trim().split(/\s+/).filter(Boolean);
  const href = el.getAttribute('href');
  const text = (el.textContent || el.getAttribute('aria-label') || '').trim()
    .replace(/\s+/g, ' ').slice(0, 40);
  return {
    description: [el.tagName.toLowerCase(), ...classes].join('.') +
      (href ? `[href="${href}"]` : '') + ` "${text}"`,
    region,
    indicator: outline || shadow,
    visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
    covered: !(hit && (hit === shown || shown.contains(hit))),
    coveredBy: hit ? hit.tagName.toLowerCase() + '.' + String(hit.className) : null,
  };
}"""

# Interactive targets in the header, navigation and footer smaller than 24 by 24 CSS pixels whose
# 24px circle intersects another target or another small target's circle (WCAG 2.5.8).
SMALL_TARGETS = r"""(scope) => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, ' +
    'label[for], [tabindex]:not([tabindex="-1"]), [role=button]';
  const visible = (el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.visibility === 'visible' && style.display !== 'none' &&
      parseFloat(style.opacity) > 0 && box.width > 0 && box.height > 0 &&
      !el.closest('[hidden], [aria-hidden=true]');
  };
  const targets = [...document.querySelectorAll(scope)]
    .flatMap((region) => [...region.querySelectorAll(selector)])
    .filter((el, i, all) => all.indexOf(el) === i && visible(el))
    // A link or label inside another target is part of that target.
    .filter((el, i, all) => !all.some((other) => other !== el && other.contains(el)));
  const boxes = targets.map((el) => el.getBoundingClientRect());
  const centre = (b) => [b.left + b.width / 2, b.top + b.height / 2];
  const small = boxes.map((b) => b.width < 23.5 || b.height < 23.5);
  const circleHitsBox = ([x, y], b) => {
    const dx = Math.max(b.left - x, 0, x - b.right);
    const dy = Math.max(b.top - y, 0, y - b.bottom);
    return dx * dx + dy * dy < 12 * 12 - 0.5;
  };
  const problems = [];
  targets.forEach((el, i) => {
    if (!small[i]) return;
    const c = centre(boxes[i]);
    targets.forEach((other, j) => {
      if (i === j) return;
      const overlapsBox = circleHitsBox(c, boxes[j]);
      const [ox, oy] = centre(boxes[j]);
      const overlapsCircle = small[j] && Math.hypot(ox - c[0], oy - c[1]) < 24 - 0.5;
      if (overlapsBox || overlapsCircle) {
        const name = (e) => e.tagName.toLowerCase() + ' "' +
          (e.textContent || e.getAttribute('aria-label') || e.getAttribute('for') || '')
          .trim().replace(/\s+/g, ' ').slice(0, 30) + '"';
        const size = `${Math.round(boxes[i].width)}x${Math.round(boxes[i].height)}`;
        problems.push(`${name(el)} (${size}) is too close to ${name(other)}`);
      }
    });
  });
  return {count: targets.length, problems};
}"""

# Elements in the main content that clip their text (overflow hidden and content larger than
# the box): WCAG 1.4.12 with the text-spacing override applied.
CLIPPED_TEXT = r"""() => {
  const clipped = [];
  for (const el of document.querySelectorAll('.md-content *')) {
    const style = getComputedStyle(el);
    const hides = (v) => v === 'hidden' || v === 'clip';
    if (!hides(style.overflowX) && !hides(style.overflowY)) continue;
    if (!el.textContent.trim()) continue;
    // Text hidden visually on purpose, for screen readers (a 1px box that clips its text).
    if (el.clientWidth <= 1 || el.clientHeight <= 1) continue;
    const wide = hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
    const tall = hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
    if (wide || tall) {
      const classes = String(el.className).trim().split(/\s+/).filter(Boolean);
      clipped.push([el.tagName.toLowerCase(), ...classes].join('.') +
        ` "${el.textContent.trim().replace(/\s+/g, ' ').slice(0, 40)}" ` +
        `(scroll ${el.scrollWidth}x${el.scrollHeight}, box ${el.clientWidth}x${el.clientHeight})`);
    }
  }
  return clipped;
}"""

TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# The contrast of the search box's placeholder text against the box's background.
PLACEHOLDER_CONTRAST = (
    "() => {"
    + _COLOUR
    + r"""
  const input = document.querySelector('.md-search__input');
  const fg = parse(getComputedStyle(input, '::placeholder').color);
  const bg = background(input);
  return {ratio: contrast(fg, bg), fg: getComputedStyle(input, '::placeholder').color,
          bg: `rgb(${Math.round(bg.r)}, ${Math.round(bg.g)}, ${Math.round(bg.b)})`};
}"""
)
