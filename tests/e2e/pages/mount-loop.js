// Mounts and removes <sector-chart> elements many times, for the leak test: window.mountLoop(n)
// returns the wasm memory size and the listener count after n rounds.
import { load } from '/embed.js';

const wasm = await load();
const box = document.getElementById('box');
const minimal = await (await fetch('/pages/editor-data.json')).text();

const VARIANTS = [
  { sector: 'smes', chart: 'patents', lang: 'zh', kind: 'pie' },
  { sector: 'public-services', lang: 'en', kind: 'bar', downloads: '' },
  { sector: 'vehicles', lang: 'en', inline: minimal },
  { lang: 'zh' },
];

const drawnIn = (element) => element.shadowRoot?.querySelector('canvas.sc-canvas')?.dataset.drawn;

async function settle(element) {
  for (let i = 0; i < 2000 && !drawnIn(element); i += 1) {
    // A few microtask turns are enough normally; then give the event loop a chance.
    await (i < 50 ? Promise.resolve() : new Promise((done) => setTimeout(done, 0)));
  }
  if (!drawnIn(element)) throw new Error('a widget was not drawn');
}

export async function mountOnce(round) {
  const variant = VARIANTS[round % VARIANTS.length];
  const element = document.createElement('sector-chart');
  for (const [name, value] of Object.entries(variant)) {
    if (name !== 'inline') element.setAttribute(name, value);
  }
  if (variant.inline) {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = variant.inline;
    element.append(script);
  }
  box.append(element);
  await settle(element);
  // Exercise it a little: a hover and a selection through the keyboard.
  const figure = element.shadowRoot.querySelector('.sc-figure');
  figure.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
  figure.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  element.remove();
}

window.wasmMemory = () => wasm.memory.buffer.byteLength;

window.mountLoop = async (rounds) => {
  for (let round = 0; round < rounds; round += 1) await mountOnce(round);
  return { memory: window.wasmMemory(), listeners: window.listenerCount(), left: box.children.length };
};

window.loopReady = true;
