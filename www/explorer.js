// The explorer page: one full SectorChart in explorer mode, its view kept in the URL hash.
import { load, SectorChart } from './embed.js';

const main = document.getElementById('explorer');
const lang = (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
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
