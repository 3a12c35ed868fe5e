// The launcher's --candor-* custom properties, and the rule that sets tokens on every part's root: candor.js shows the
// launcher on every page view, so this file holds only what it needs; theme.ts adds the panel's. Each colour is
// light-dark(light, dark), following color-scheme, which data-theme can force. A page themes the widget by setting any.

/** The tokens the launcher is drawn with: candor.js shows it on every page view, so it carries only these. */
export const LAUNCHER = `--candor-fg:light-dark(#1b1b1f,#f1f1f4);--candor-accent:light-dark(#0b57d0,#a8c7fa);--candor-accent-fg:light-dark(#fff,#0b1d3a);
--candor-font:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;--candor-z:2147483000`

/** The rule that sets `set` on every part's root, with the scheme it follows. */
export const rule = (set: string) => `:host,candor-widget,candor-preferences{all:initial;display:contents}
.candor,.candor-launcher,.candor-dialog,.candor-notice,.candor-arrival,.candor-why-box,.candor-transfer{color-scheme:light dark;
${set};font:15px/1.5 var(--candor-font);color:var(--candor-fg)}
[data-theme=light]{color-scheme:light}[data-theme=dark]{color-scheme:dark}
`

/** The launcher's stylesheet begins with this: `base` (theme.ts), with the launcher's tokens only. */
export const launcherBase = (root: string) => `${root}{all:initial}\n${rule(LAUNCHER)}`
