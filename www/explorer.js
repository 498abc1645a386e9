// The explorer page: one full SectorChart in explorer mode, its view kept in the URL hash.
import { load, SectorChart } from './embed.js';

const main = document.getElementById('explorer');
const lang = (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
try {
  await load();
  main.textContent = '';
  window.explorer = new SectorChart(main, {
    explorer: true,
    hash: true,
    downloads: true,
    lang,
    theme: 'auto',
    scriptUrl: new URL('embed.js', location.href).href,
  });
} catch (error) {
  // Without the wasm there is no explorer: say why instead of "Loading…" for ever.
  const alert = document.createElement('p');
  alert.className = 'sc-alert';
  alert.setAttribute('role', 'alert');
  alert.textContent = `图表无法启动 · The charts could not start: ${error.message}`;
  main.replaceChildren(alert);
}
