// How the drop-in's files are built, shared by build.mjs and scripts/inputs.mjs (which must measure the same build).
export const common = {
  bundle: true,
  minify: true,
  // es2022 keeps class fields as written: lowering them put a 180-byte helper in a chunk of its own, one more request at the panel's first open.
  target: 'es2022',
  conditions: ['@candor/source'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  logLevel: 'warning',
}
