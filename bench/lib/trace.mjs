// Where main-thread time goes outside JavaScript: a Chromium trace (devtools.timeline) reduced to
// self time per event name on the renderer's main thread (Paint, Layout, HitTest, ...).

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'input'];

/**
 * Self time (ms) and count per event name of complete events on CrRendererMain threads, and the
 * total of their top-level events: {total, self: Map(name → {ms, n})}.
 */
export function selfTimes(buffer) {
  const { traceEvents } = JSON.parse(buffer.toString('utf8'));
  const mainThreads = new Set(traceEvents
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map();
  for (const e of traceEvents) {
    if (e.ph !== 'X' || typeof e.dur !== 'number') continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mainThreads.has(key)) continue;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  const self = new Map();
  let total = 0;
  for (const events of byThread.values()) {
    events.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const stack = [];
    const close = (until) => {
      while (stack.length && stack.at(-1).end <= until) {
        const done = stack.pop();
        const entry = self.get(done.name) ?? { ms: 0, n: 0 };
        entry.ms += Math.max(0, done.dur - done.children) / 1000;
        entry.n += 1;
        self.set(done.name, entry);
      }
    };
    for (const e of events) {
      close(e.ts);
      const parent = stack.at(-1);
      if (parent) parent.children += Math.min(e.dur, parent.end - e.ts);
      else total += e.dur / 1000;
      stack.push({ name: e.name, dur: e.dur, end: e.ts + e.dur, children: 0 });
    }
    close(Infinity);
  }
  return { total, self };
}

/** {total, top: [[ms, name]]}: the `count` event names with the most self time. */
export function summarizeTrace(buffer, count = 12) {
  const { total, self } = selfTimes(buffer);
  const top = [...self].sort((a, b) => b[1].ms - a[1].ms).slice(0, count).map(([name, { ms }]) => [ms, name]);
  return { total, top };
}
