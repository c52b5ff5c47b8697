/**
 * The end-to-end harness: a static server for dist/, Debian's Chromium via
 * playwright-core, a fake speechSynthesis, axe, screenshots and keyboard
 * helpers. See docs/testing.md.
 */
export * from './server.ts';
export * from './browser.ts';
export * from './fake-speech.ts';
export * from './axe.ts';
export * from './screenshot.ts';
export * from './keyboard.ts';
export * from './session.ts';
