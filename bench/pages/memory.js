// The wasm linear memory of a page with one <sector-chart> on the built-in data, and view changes
// through the tag's attributes (each one re-renders: setOptions rebuilds the chart).
import { load } from './embed.js';

const element = document.querySelector('sector-chart');
const wasm = await load(); // the same module instance the tag uses: its memory among the rest
let draws = 0;
new MutationObserver((records) => { draws += records.length; })
  .observe(element.shadowRoot, { subtree: true, attributes: true, attributeFilter: ['data-drawn'] });

// Ten views, cycled: kinds, languages, sectors (null removes the attribute).
const VIEWS = [
  { sector: null, kind: 'donut', lang: 'en' },
  { kind: 'pie' },
  { kind: 'bar' },
  { lang: 'zh' },
  { kind: 'donut' },
  { sector: 'smes', kind: null },
  { lang: 'en' },
  { sector: 'agriculture' },
  { sector: 'public-services' },
  { sector: 'consumer-goods', lang: 'zh' },
];
let next = 0;

// A task boundary without setTimeout's 4 ms clamp: the render runs in microtasks before it.
const channel = new MessageChannel();
const yieldTask = () => new Promise((done) => { channel.port1.onmessage = done; channel.port2.postMessage(0); });

window.__benchMemoryReady = () => new Promise((done) => {
  const check = () => (element.shadowRoot.querySelector('canvas[data-drawn^="donut"]') ? done() : requestAnimationFrame(check));
  check();
});
window.__benchMemory = () => ({ wasm: wasm.memory.buffer.byteLength, draws });
window.__benchChanges = async (count) => {
  for (let i = 0; i < count; i += 1) {
    const view = VIEWS[next % VIEWS.length];
    next += 1;
    for (const [name, value] of Object.entries(view)) {
      if (value === null) element.removeAttribute(name);
      else element.setAttribute(name, value);
    }
    await yieldTask();
  }
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return window.__benchMemory();
};
