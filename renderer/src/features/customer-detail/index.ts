/**
 * The public entry of the customer-detail feature: what other features and the app may use. Import
 * from here, never from a file inside the folder (eslint.config.js enforces it).
 */
export { CustomerDetailScreen } from './CustomerDetailScreen';
export { LogContactDialog } from './LogContactDialog';
export { consentText, dateInZone } from './consent-text';
export { withFollowUp } from './profile-edits';
export { saveEdit } from './save-edit';
