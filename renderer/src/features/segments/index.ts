/**
 * The public entry of the segments feature: what other features and the app may use. Import
 * from here, never from a file inside the folder (eslint.config.js enforces it).
 */
export { SaveSegmentDialog } from './SaveSegmentDialog';
export { SegmentsScreen } from './SegmentsScreen';
export { describeCriteria } from './criteria-text';
export { viewContextOf } from './insight-snapshot';
export { useInsightSnapshot } from './use-insights';
export { useRxDocs } from './use-rx';
export { useSegments } from './use-segments';
