/**
 * The public entry of the settings feature: what other features and the app may use. Import
 * from here, never from a file inside the folder (eslint.config.js enforces it).
 */
export { BranchForm, type BranchValues } from './BranchForm';
export { SettingsScreen } from './SettingsScreen';
export { useBranchSettings } from './use-branch-settings';
export { MoneyEditor } from './MoneyEditor';
export { formOfMoney } from './money-model';
