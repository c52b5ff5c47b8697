// The custom-elements manifest (custom-elements.json) is generated from the
// components' JSDoc: @fires, @csspart, @cssprop, @slot and property docs.
//   npx cem analyze --config custom-elements-manifest.config.mjs
export default {
  globs: ['src/ui/**/*.ts', 'src/define.ts'],
  // Styles, strings and helpers declare no elements; tests are not the API.
  exclude: ['src/ui/**/*.styles.ts', 'src/ui/**/styles.ts', 'src/ui/**/strings.ts', 'src/ui/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
};
