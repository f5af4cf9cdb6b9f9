/**
 * The customers feature's pure public entry: rules and text with no React, no replica and no
 * platform bridge, for other features' models and their unit tests (importing `index.ts` loads
 * every screen). eslint.config.js keeps a `model.ts` free of React and the platform.
 */
export { exportFileName, spreadsheetSafe } from './customer-csv';
export { dayCount, displayName, shortDate } from './display';
export { amount as parseAmountInput, parseFilterInputs } from './filter-inputs';
export { overlapNotice } from './overlap-text';
