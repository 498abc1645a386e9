// The floor: the same page and pointer sweep with no chart on it.
const rect = document.getElementById('box').getBoundingClientRect();
window.__bench = {
  drawn: performance.now(),
  ring: { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, r0: 80, r1: 180 },
};
