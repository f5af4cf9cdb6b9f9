/** Injected by Vite at build time (package.json version). */
declare const __APP_VERSION__: string;
