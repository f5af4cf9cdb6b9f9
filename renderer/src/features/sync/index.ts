/**
 * The public entry of the sync feature: what other features and the app may use. Import
 * from here, never from a file inside the folder (eslint.config.js enforces it).
 */
export { PairingForm } from './PairingForm';
export { useServedByServer } from './served-by-server';
export { SyncIndicator } from './SyncIndicator';
export { SyncSettingsSection } from './SyncSettingsSection';
export { WelcomeConnectCard } from './WelcomeConnectCard';
