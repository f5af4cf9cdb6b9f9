import { ArcElement, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

/**
 * Registers only the chart.js pieces the dashboard draws (doughnut arcs, bars on category/linear
 * scales, tooltips); the typed react-chartjs-2 charts register their own controllers. Chart.js
 * draws on canvas and injects no styles or scripts, so it runs under the strict CSP.
 */
Chart.register(ArcElement, BarElement, CategoryScale, LinearScale, Tooltip);
Chart.defaults.animation = false;
Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--font-sans').trim() || 'system-ui, sans-serif';

/** A design token's colour (`--status-at_risk` …) so charts match the badges. */
export function tokenColor(name: string, fallback = '#6e7787'): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}
