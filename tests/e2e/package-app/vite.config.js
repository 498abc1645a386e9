// Two pages: the application, and one that imports the package without a chart.
export default {
  build: {
    rollupOptions: { input: { main: 'index.html', lazy: 'lazy.html' } },
  },
};
