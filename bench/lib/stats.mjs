// Small helpers of bench/run.mjs: medians, number formatting, ratios and CPU profile summaries.

export function median(values) {
  const list = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (!list.length) return null;
  const mid = Math.floor(list.length / 2);
  return list.length % 2 ? list[mid] : (list[mid - 1] + list[mid]) / 2;
}

export function fmt(value, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** "0.42×" (ours / peer), or "–". */
export function ratio(ours, peer) {
  if (ours === null || peer === null || ours === undefined || peer === undefined || !(peer > 0)) return '–';
  return `${fmt(ours / peer, 2)}×`;
}

/** Which part of the page a profile node belongs to. */
function kindOf(node) {
  const { functionName, url } = node.callFrame;
  if (url.endsWith('.wasm') || /^(\$|wasm-function)/.test(functionName)) return 'wasm';
  if (url.includes('/pkg/sector_charts.js')) return 'wasm-bindgen glue (JS)';
  if (url.includes('/embed.js')) return 'embed.js';
  if (url.includes('/vendor/')) return 'library';
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(program)') return '(program: native, outside JS)';
  if (functionName === '(idle)') return 'idle';
  if (!url) return 'native (DOM, canvas, …)';
  return 'page scripts';
}

/**
 * Self time per function of a CDP Profiler profile: {total, kinds: [[kind, ms]], top: [[ms,
 * function, where]]}, idle left out.
 */
export function summarizeProfile(profile, count = 12) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  const byFunction = new Map();
  const kinds = new Map();
  let total = 0;
  for (const [id, ms] of self) {
    const node = nodes.get(id);
    const kind = kindOf(node);
    if (kind === 'idle') continue;
    total += ms;
    kinds.set(kind, (kinds.get(kind) ?? 0) + ms);
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url ? url.replace(/^https?:\/\/[^/]+/, '') : '';
    const where = file ? `${file}${url.endsWith('.wasm') ? '' : `:${lineNumber + 1}`}` : kind;
    // Rust symbols without their hashes: core[c5930c85a12de822]::fmt::write::h6aea… -> core::fmt::write
    const name = (functionName || '(anonymous)').replace(/\[[0-9a-f]{16}\]/g, '').replace(/::h[0-9a-f]{16}$/, '');
    const key = `${name}\u0000${where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
  const top = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, count)
    .map(([key, ms]) => { const [fn, where] = key.split('\u0000'); return [ms, fn, where]; });
  return { total, kinds: [...kinds].sort((a, b) => b[1] - a[1]), top };
}
