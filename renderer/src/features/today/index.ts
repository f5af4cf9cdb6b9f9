/**
 * The public entry of the today feature: what other features and the app may use. Import
 * from here, never from a file inside the folder (eslint.config.js enforces it).
 */
export { CustomerPicker } from './CustomerPicker';
export { NewBookingDialog } from './NewBookingDialog';
export { TodayScreen } from './TodayScreen';
export { AmendmentList } from './AmendmentList';
