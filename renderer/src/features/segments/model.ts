/**
 * The segments feature's pure public entry: rules and text with no React, no replica and no
 * platform bridge, for other features' models and their unit tests (importing `index.ts` loads
 * every screen). eslint.config.js keeps a `model.ts` free of React and the platform.
 */
export { describeCriteria } from './criteria-text';
export { viewContextOf } from './insight-snapshot';
