// The widget's CSS, applied as a constructed stylesheet (adoptedStyleSheets): no <style> element
// and no style attribute, so a strict Content-Security-Policy allows it. Theme it with --candor-*;
// each colour is light-dark(light, dark), following color-scheme, which data-theme can force.
// Its "why" comments are the code's, between the parts of the CSS: no bundle ships them.
import { base } from './theme.js'

export const css =
  base('.candor') +
  `
.candor-layer{display:contents}
.candor{display:block;background:var(--candor-bg);box-sizing:border-box;padding:16px 20px 20px;text-align:start;overflow-wrap:anywhere}
.candor *,.candor *::before,.candor *::after{box-sizing:border-box}
.candor h2{font-size:1.3em;margin:0}.candor h3{font-size:1.1em;margin:24px 0 8px}.candor h4{font-size:1em;margin:0}
.candor p{margin:6px 0}.candor ul,.candor ol{margin:0;padding:0;list-style:none}
.candor .head{display:flex;align-items:center;justify-content:space-between;gap:12px;padding:8px 0}
.candor-dialog .head{position:sticky;top:0;z-index:1;background:var(--candor-bg);margin:-16px -20px 0;padding:16px 20px 8px}
` +
  // Scrolled text goes under the header out of sight: a band of the panel's colour, then a fade, below it, not a half line cut at its edge.
  `.candor-dialog .head::after{content:"";position:absolute;inset:100% 0 -16px;background:linear-gradient(var(--candor-bg) 6px,#0000);pointer-events:none}
.candor .close{flex:none}
.candor .muted,.candor small,.candor .used{color:var(--candor-muted)}
.candor small{display:block;font-size:.87em}
.candor button,.candor .file span{font:inherit;color:var(--candor-fg);background:var(--candor-bg);border:1px solid var(--candor-border);border-radius:8px;
min-height:32px;min-width:32px;padding:4px 12px;cursor:pointer}
.candor button:hover,.candor .file:hover span{background:var(--candor-soft)}
.candor .primary,.candor [aria-pressed=true]{background:var(--candor-accent);color:var(--candor-accent-fg);border-color:var(--candor-accent)}
.candor .primary:hover,.candor [aria-pressed=true]:hover{background:var(--candor-accent)}
.candor .danger{color:var(--candor-danger);border-color:var(--candor-danger)}
.candor :focus-visible,.candor .file:focus-within span{outline:3px solid var(--candor-focus);outline-offset:2px}
.candor .tools input{font:inherit;color:var(--candor-fg);background:var(--candor-bg);border:1px solid var(--candor-border);border-radius:8px;inline-size:100%;padding:4px 8px;margin-block-start:4px}
.candor .tools label{display:block}
.candor .actions,.candor .tools{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0}
.candor fieldset{border:1px solid var(--candor-border);border-radius:var(--candor-radius);margin:16px 0 8px;padding:8px 12px}
.candor legend{font-weight:600;padding:0 4px}
.candor label{display:flex;gap:8px;align-items:flex-start;padding:4px 0;cursor:pointer}
.candor input[type=radio],.candor input[type=checkbox]{inline-size:20px;block-size:20px;margin:2px 0 0;flex:none;accent-color:var(--candor-accent)}
.candor .warn,.candor .preview{background:var(--candor-warn-bg);color:var(--candor-warn-fg);border-radius:8px;padding:8px 12px;margin:8px 0}
.candor .changes,.candor .preview{display:flex;flex-wrap:wrap;gap:8px;align-items:center;justify-content:space-between}
` +
  // A group's own margin, which its heading's collapses into: signals under no heading (a catalog without groups)
  // stand as far from the buttons above as a heading would.
  `.candor .group{margin-top:24px}
.candor .signal{border:1px solid var(--candor-border);border-radius:var(--candor-radius);padding:12px;margin:8px 0;content-visibility:auto;contain-intrinsic-size:auto 200px}
.candor .signal.state-off,.candor .signal.state-expired{border-style:dashed}
.candor .signal-head{display:flex;justify-content:space-between;align-items:center;gap:12px}
.candor .badge{font-size:.75em;font-weight:600;border:1px solid currentColor;border-radius:99px;padding:0 8px;margin-inline-start:8px;vertical-align:middle}
` +
  // In columns: a long list (40 topics) reads down, not as a wall of words.
  `.candor .options{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(9rem,100%),1fr));column-gap:16px}
.candor .note{border-inline-start:3px solid var(--candor-accent);padding-inline-start:8px}
.candor .switch{display:inline-flex;align-items:center;gap:8px;flex:none;border-radius:99px;padding-inline:6px 12px}
.candor .track{inline-size:36px;block-size:20px;border-radius:99px;background:var(--candor-border);position:relative;flex:none}
.candor .track::after{content:"";position:absolute;inset-block-start:2px;inset-inline-start:2px;inline-size:16px;block-size:16px;border-radius:50%;background:#fff}
.candor .switch[aria-checked=true] .track{background:var(--candor-accent)}
.candor .switch[aria-checked=true] .track::after{inset-inline-start:18px;background:var(--candor-accent-fg)}
.candor .file{position:relative;padding:0}
.candor .file input{position:absolute;opacity:0;inline-size:1px;block-size:1px}
.candor .file span{display:inline-flex;align-items:center}
.candor .still li,.candor .confirm,.candor .changes{background:var(--candor-soft);border-radius:8px;padding:8px 12px;margin:8px 0}
.candor table{border-collapse:collapse;inline-size:100%;margin:8px 0}.candor caption{text-align:start;font-weight:600;padding:4px 0}
.candor th,.candor td{text-align:start;padding:4px 8px 4px 0;border-bottom:1px solid var(--candor-soft);font-weight:400;overflow-wrap:normal}.candor td{white-space:nowrap}.candor thead th{font-weight:600}
.candor .value,.candor .verdict{font-weight:600}.candor .verdict-helps{color:var(--candor-accent)}
.candor details{margin:12px 0}.candor summary{cursor:pointer;min-height:24px}
.candor .history li{padding:4px 0;border-bottom:1px solid var(--candor-soft)}.candor time{color:var(--candor-muted);margin-inline-end:8px}
.candor .status:empty,.candor p:empty,.candor .actions:empty{display:none}
.candor-dialog{padding:0;border:0;margin:0;margin-inline-start:auto;letter-spacing:normal;word-spacing:normal;text-transform:none;inline-size:min(480px,100vw);scroll-padding-block:72px 16px;max-inline-size:100vw;block-size:100vh;max-block-size:100vh;
background:var(--candor-bg);color:var(--candor-fg);box-shadow:0 0 24px #0006}
.candor-dialog::backdrop{background:#0007}
` +
  // Closed, the rendered panel is laid out where it will open, unseen (and inert, set by mount.tsx): opening then only paints it.
  `.candor-dialog:not([open]){display:block;visibility:hidden;position:fixed;inset:0}
` +
  // .candor resets everything (all:initial), visibility included: hide it too, or it shows through.
  `.candor-dialog:not([open]) .candor{visibility:hidden}
` +
  // A slide, not a fade: the panel is visible in the very frame it opens in.
  `@media (prefers-reduced-motion:no-preference){.candor-dialog[open]{animation:candor-in .16s ease-out}}
@keyframes candor-in{from{translate:24px 0}}
`
