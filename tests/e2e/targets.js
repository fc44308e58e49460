// What the phone walk (tests/e2e/test_phone_walk.py) measures on one page: whether it scrolls
// sideways, and every control a person taps that is smaller than WCAG 2.2 allows.
//
// 2.5.8 (AA): no target under 24 x 24 CSS px, except a link inside running text, whose size
// the line of text sets. 2.5.5 (AAA), which Rapport keeps for its primary actions: 44 x 44.
// A primary action is a button in Pico's filled style (no secondary, outline, contrast or link
// class), the submit button of a form the person fills in, or anything marked .primary or
// data-primary. One-click buttons in other styles (Snooze's "Undo", "still true") are targets
// of 24 x 24 like any other.
() => {
  const MIN = 24;
  const PRIMARY = 44;
  const TARGETS =
    'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"]';
  const FILLED_IN =
    'input:not([type="hidden"]):not([type="submit"]):not([type="button"]), select, textarea';
  const BUTTON_LIKE = 'button, input[type="submit"], input[type="button"], [role="button"]';
  const NOT_FILLED_STYLE = ".secondary, .outline, .contrast, .link";

  const describe = (el) => {
    const text = (el.innerText || el.value || el.getAttribute("aria-label") || "").trim();
    const classes = el.classList.length ? "." + [...el.classList].join(".") : "";
    const name = el.getAttribute("name") ? `[name=${el.getAttribute("name")}]` : "";
    return `<${el.tagName.toLowerCase()}${classes}${name}> "${text.slice(0, 40)}"`;
  };

  const shown = (el) => {
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    const box = el.getBoundingClientRect();
    // Visually hidden (1 x 1 px, clipped) or parked off the page until focused (the skip link).
    return box.width > 1 && box.height > 1 && box.right > 0 && box.bottom + window.scrollY > 0;
  };

  // A checkbox or a radio is toggled by its label too: its target is the larger of the two.
  const targetBox = (el) => {
    let box = el.getBoundingClientRect();
    if (el.matches('input[type="checkbox"], input[type="radio"]')) {
      for (const label of el.labels || []) {
        const labelBox = label.getBoundingClientRect();
        if (labelBox.width * labelBox.height > box.width * box.height) box = labelBox;
      }
    }
    return box;
  };

  // WCAG's inline exception: a link that flows inside a sentence, i.e. an inline element whose
  // nearest block holds words of its own outside any control (not just separators like " · ").
  const inSentence = (el) => {
    if (el.tagName !== "A" || getComputedStyle(el).display !== "inline") return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline")) {
      block = block.parentElement;
    }
    if (!block) return false;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let words = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.closest(TARGETS)) words += node.textContent;
    }
    return /\p{L}{2,}/u.test(words);
  };

  const primary = (el) => {
    if (el.matches(".primary, [data-primary]")) return true;
    if (el.matches(BUTTON_LIKE) && !el.matches(NOT_FILLED_STYLE)) return true;
    const submits = el.matches('button:not([type]), button[type="submit"], input[type="submit"]');
    return submits && el.form !== null && el.form.querySelector(FILLED_IN) !== null;
  };

  const small = [];
  for (const el of document.querySelectorAll(TARGETS)) {
    if (!shown(el) || inSentence(el)) continue;
    const box = targetBox(el);
    const least = primary(el) ? PRIMARY : MIN;
    // Half a pixel of rounding: 43.6 px is not 44.
    if (box.width + 0.01 < least || box.height + 0.01 < least) {
      const size = `${box.width.toFixed(1)} x ${box.height.toFixed(1)}`;
      small.push(`${describe(el)} is ${size}, under ${least} x ${least}`);
    }
  }

  // What sticks out past the right edge, deepest first, to say why a page scrolls sideways.
  const overflow = document.documentElement.scrollWidth - window.innerWidth;
  const wide = [];
  if (overflow > 0) {
    for (const el of document.body.querySelectorAll("*")) {
      const box = el.getBoundingClientRect();
      if (box.right > window.innerWidth + 0.5 && box.width > 0 && !el.querySelector("*:not(br)")) {
        wide.push(`${describe(el)} reaches ${Math.round(box.right)} px`);
      }
    }
  }
  return { scrollWidth: document.documentElement.scrollWidth, overflow, wide: wide.slice(0, 5), small };
};
