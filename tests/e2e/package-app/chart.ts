// The class from TypeScript: typed options, state and events.
import {
  load,
  type SectorChart,
  type SectorChartOptions,
  type SectorChartSelectDetail,
  type SectorChartState,
} from 'sector-charts';

const options: SectorChartOptions = {
  sector: 'public-services',
  chart: 'market-entities',
  kind: 'bar',
  lang: 'en',
  theme: 'light',
  downloads: true,
};

export async function mountChart(
  element: HTMLElement,
  onSelect: (detail: SectorChartSelectDetail) => void,
): Promise<SectorChart> {
  const { SectorChart, validateDataset } = await load();
  if (validateDataset('{}') === null) throw new Error('an empty object is not a dataset');
  const chart = new SectorChart(element, options);
  // Null for a chart that shows its alert instead: the type says so.
  const state: SectorChartState | null = chart.state();
  if (state?.kind !== 'bar') throw new Error(`drawn as ${state?.kind}`);
  element.addEventListener('select', (event) => {
    onSelect((event as CustomEvent<SectorChartSelectDetail>).detail);
  });
  // The element's events are typed through HTMLElementTagNameMap.
  const tag = document.querySelector('sector-chart');
  tag?.addEventListener('error', (event) => console.warn(event.detail.problems.map((p) => p.path)));
  tag?.addEventListener('select', (event) => {
    const index: number | null = event.detail.index;
    return index;
  });
  return chart;
}
