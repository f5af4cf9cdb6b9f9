/** The renderer's build-time constant (vite `define`), for type-checking the app code this page runs. */
declare const __APP_VERSION__: string;
