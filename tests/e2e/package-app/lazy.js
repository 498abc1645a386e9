// Imports the package and makes no chart until asked: nothing may be downloaded before.
import 'sector-charts';

window.lazy = {
  ready: true,
  addChart() {
    const element = document.createElement('sector-chart');
    element.setAttribute('lang', 'en');
    element.setAttribute('kind', 'pie');
    document.querySelector('main').append(element);
  },
};
