// A Vite application's entry: the element from one import, the class through chart.ts, and a
// second copy of the package (installed under another name) that must not clash with the first.
import 'sector-charts';
import 'sector-charts/widget.css'; // the styles of charts made by the class (the element has its own)
import { load as loadCopy } from 'sector-charts-copy';
import { load } from 'sector-charts';
import { mountChart } from './chart.ts';

const app = { ready: false, tagSelects: [], classSelects: [] };
window.app = app;

document.getElementById('tag').addEventListener('select', (event) => app.tagSelects.push(event.detail));
// Kept: a chart object that is garbage-collected frees its chart, which leaves the page.
const chart = await mountChart(document.getElementById('mount'), (detail) => app.classSelects.push(detail));
app.chart = chart;
const [first, second] = await Promise.all([load(), loadCopy()]);
app.sameClass = first.SectorChart === second.SectorChart && chart instanceof second.SectorChart;
app.initialState = chart.state();
app.ready = true;
