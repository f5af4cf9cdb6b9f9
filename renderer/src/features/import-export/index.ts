/**
 * The public entry of the import-export feature: what other features and the app may use. Import
 * from here, never from a file inside the folder (eslint.config.js enforces it).
 */
export { HistoryImportDialog } from './HistoryImportDialog';
export { ImportDialog } from './ImportDialog';
export { SwitchInDialog } from './SwitchInDialog';
