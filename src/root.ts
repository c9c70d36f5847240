/**
 * The project directory, for the files the app reads at run time (public/, assets/, migrations/). From source this
 * module is src/root.ts; compiled (`npm start`) it is part of dist/server.js: both are one level below the project.
 */
export const ROOT_URL = new URL('../', import.meta.url);

/** True in the compiled bundle (dist/server.js), false from source (tsx: tests, scripts, `npm run migrate`). */
export const COMPILED = import.meta.url.endsWith('.js');
