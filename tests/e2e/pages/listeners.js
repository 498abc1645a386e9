// Loaded first (a classic script, before embed.js) by the test pages: counts the event listeners
// on window, document and media queries, which outlive any one widget, and records the widgets'
// `error` and `select` events. The tests read window.listenerCount() and window.widgetEvents.
(() => {
  const live = new Map();
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const kindOf = (target) => {
    if (target === window) return 'window';
    if (target === document) return 'document';
    if (typeof MediaQueryList !== 'undefined' && target instanceof MediaQueryList) return 'media';
    return null;
  };
  const captureOf = (options) => (typeof options === 'boolean' ? options : Boolean(options?.capture));

  EventTarget.prototype.addEventListener = function addEventListener(type, listener, options) {
    const kind = kindOf(this);
    if (kind && listener) {
      const list = live.get(this) ?? [];
      const capture = captureOf(options);
      if (!list.some((e) => e.type === type && e.listener === listener && e.capture === capture)) {
        list.push({ kind, type, listener, capture });
      }
      live.set(this, list);
    }
    return add.call(this, type, listener, options);
  };

  EventTarget.prototype.removeEventListener = function removeEventListener(type, listener, options) {
    const list = live.get(this);
    if (list) {
      const capture = captureOf(options);
      const at = list.findIndex((e) => e.type === type && e.listener === listener && e.capture === capture);
      if (at >= 0) list.splice(at, 1);
    }
    return remove.call(this, type, listener, options);
  };

  window.listenerCount = () => {
    const byKind = {};
    let total = 0;
    for (const list of live.values()) {
      for (const entry of list) {
        total += 1;
        const key = `${entry.kind}:${entry.type}`;
        byKind[key] = (byKind[key] ?? 0) + 1;
      }
    }
    return { total, byKind };
  };

  // The widgets' events, heard on the document (they bubble out of the shadow roots).
  window.widgetEvents = [];
  for (const type of ['error', 'select']) {
    add.call(document, type, (event) => {
      const host = event.target;
      if (!(host instanceof Element) || host.localName !== 'sector-chart') return;
      window.widgetEvents.push({
        type,
        id: host.id,
        composed: event.composed,
        bubbles: event.bubbles,
        detail: JSON.parse(JSON.stringify(event.detail ?? null)),
      });
    });
  }
})();
