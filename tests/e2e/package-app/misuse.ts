// Misuses the types must reject: each line under a @ts-expect-error is a type error, or tsc
// reports the directive as unused.
import { load, SectorChart as NamedExport, type SectorChartOptions } from 'sector-charts';

// @ts-expect-error kind is "pie", "donut" or "bar"
export const wrongKind: SectorChartOptions = { kind: 'pyramid' };

// @ts-expect-error downloads is a boolean
export const wrongDownloads: SectorChartOptions = { downloads: 'yes' };

export async function misuses(element: HTMLElement): Promise<void> {
  const { SectorChart } = await load();
  // @ts-expect-error lang is a language tag, a string
  new SectorChart(element, { lang: 42 });
  // @ts-expect-error motion is "auto" or "off"
  new SectorChart(element, { motion: 'slow' });
  // @ts-expect-error state() is null for a chart that shows its alert
  new SectorChart(element).state().kind;
  // @ts-expect-error the named export is null until load() has resolved
  new NamedExport(element);
  const tag = document.createElement('sector-chart');
  // @ts-expect-error the kind attribute is "pie", "donut" or "bar"
  tag.setAttribute('kind', 'pyramid');
  tag.setAttribute('data-anything', 'any text');
  // @ts-expect-error select's detail has no "slice"
  tag.addEventListener('select', (event) => event.detail.slice);
}
