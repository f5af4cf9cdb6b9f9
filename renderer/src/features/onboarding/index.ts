/**
 * The public entry of the onboarding feature: what other features and the app may use. Import
 * from here, never from a file inside the folder (eslint.config.js enforces it).
 */
export { Welcome } from './Welcome';
