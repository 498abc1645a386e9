// The explorer page: one full SectorChart in explorer mode, its view kept in the URL hash. It
// loads its own build (pkg-explorer/, with the page head, sector navigation, the sector's text
// and the embed box), which <sector-chart> and embed.js never load.
const GLUE_URL = new URL('./pkg-explorer/sector_charts.js', import.meta.url).href;
const WASM_URL = new URL('./pkg-explorer/sector_charts_bg.wasm', import.meta.url).href;

const main = document.getElementById('explorer');
const lang = (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
try {
  // The .wasm downloads beside the glue, not after it.
  const wasm = fetch(WASM_URL);
  wasm.catch(() => {});
  const glue = await import(GLUE_URL);
  await glue.default({ module_or_path: wasm });
  main.textContent = '';
  window.explorer = new glue.SectorChart(main, {
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
