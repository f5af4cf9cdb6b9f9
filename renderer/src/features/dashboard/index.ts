/**
 * The public entry of the dashboard feature: what other features and the app may use. Import
 * from here, never from a file inside the folder (eslint.config.js enforces it).
 */
export { DashboardScreen } from './DashboardScreen';
export { StatusChart } from './StatusChart';
export { TierChart } from './TierChart';
export { dashboardMetrics, tierCounts } from './dashboard-model';
