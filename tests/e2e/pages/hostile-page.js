// Helpers of hostile.html for tests/e2e/hostile.test.mjs: one <sector-chart> at a time in #box,
// what it shows, and whether anything from a dataset ran or became markup. No inline script or
// style: the page is served under the strict CSP, and sizes are set through the CSSOM.
const box = document.getElementById('box');

window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(`${event.violatedDirective}: ${event.blockedURI || event.sample}`);
}, true);

/** Elements a dataset's text must never turn into. */
const FOREIGN = 'img, script, iframe, object, embed, svg, math, a[href^="javascript"], style, link:not([rel="stylesheet"])';

window.hostile = {
  /** Replaces the chart in #box with a new one; `attributes` are its attributes. */
  mount(attributes) {
    box.replaceChildren();
    const chart = document.createElement('sector-chart');
    for (const [name, value] of Object.entries(attributes)) chart.setAttribute(name, value);
    box.append(chart);
    return true;
  },

  /** The current chart element. */
  chart() { return box.querySelector('sector-chart'); },

  /** Sets the box's CSS width (a number of px, or '' for the page's) and whether it is hidden. */
  size(width, hidden = false) {
    box.style.width = typeof width === 'number' ? `${width}px` : width;
    box.hidden = hidden;
  },

  /** What the chart shows now. */
  status() {
    const host = box.querySelector('sector-chart');
    const roots = host?.shadowRoot?.querySelectorAll('.sc-root') ?? [];
    const root = roots[0];
    const alert = root?.querySelector('.sc-alert');
    const empty = root?.querySelector('.sc-empty');
    const canvas = root?.querySelector('canvas.sc-canvas');
    const alertShown = Boolean(alert && !alert.hidden && alert.textContent.trim());
    const drawn = canvas?.dataset.drawn ?? null;
    const emptyShown = Boolean(empty && !empty.hidden);
    // Markup from data: elements in the shadow root or the page that the widget never makes,
    // and event-handler attributes anywhere.
    const scopes = [document, ...(host?.shadowRoot ? [host.shadowRoot] : [])];
    const foreign = [];
    for (const scope of scopes) {
      for (const element of scope.querySelectorAll('*')) {
        if (element.matches(FOREIGN) && !(scope === document && element.matches('script[src]'))) {
          foreign.push(element.outerHTML.slice(0, 120));
        }
        for (const attribute of element.getAttributeNames()) {
          if (attribute.startsWith('on')) foreign.push(`${element.tagName} ${attribute}`);
        }
      }
    }
    return {
      roots: roots.length,
      drawn,
      alert: alertShown ? alert.textContent : null,
      alertItems: alert?.querySelectorAll('li').length ?? 0,
      empty: emptyShown ? empty.textContent : null,
      settled: alertShown || (drawn !== null && (drawn !== 'none' || emptyShown)),
      text: root?.textContent ?? '',
      canvasWidth: canvas ? Math.round(canvas.getBoundingClientRect().width * devicePixelRatio) : 0,
      state: host?.state ?? null,
      foreign,
      pwned: window.__pwned ?? null,
      violations: window.__violations.slice(),
    };
  },
};
