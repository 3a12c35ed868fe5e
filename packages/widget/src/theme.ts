// The --candor-* custom properties every part of the widget is drawn with: the panel (styles.ts) and the
// launcher (launcher.ts, which candor.js shows before the panel loads). Each colour is light-dark(light, dark),
// following color-scheme, which data-theme can force. A page themes the widget by setting any of them.
export const tokens = `:host,candor-widget,candor-preferences{all:initial;display:contents}
.candor,.candor-launcher,.candor-dialog,.candor-notice,.candor-arrival,.candor-why-box{color-scheme:light dark;
--candor-bg:light-dark(#fff,#1c1c21);--candor-fg:light-dark(#1b1b1f,#f1f1f4);--candor-muted:light-dark(#52525b,#b9b9c3);--candor-border:light-dark(#8a8a94,#8e8e99);
--candor-accent:light-dark(#0b57d0,#a8c7fa);--candor-accent-fg:light-dark(#fff,#0b1d3a);--candor-soft:light-dark(#eef2fb,#262a35);
--candor-warn-bg:light-dark(#fff4d6,#3d2f00);--candor-warn-fg:light-dark(#5c3d00,#ffe08a);--candor-danger:light-dark(#b3261e,#ffb4ab);--candor-focus:var(--candor-accent);
--candor-radius:12px;--candor-font:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;--candor-z:2147483000;
font:15px/1.5 var(--candor-font);color:var(--candor-fg)}
[data-theme=light]{color-scheme:light}[data-theme=dark]{color-scheme:dark}
`

/**
 * A part's stylesheet begins with this: its root resets what a host page's CSS could reach it with (all:initial),
 * then the tokens set it again. Each sheet resets its own part only: sheets share a shadow root.
 */
export const base = (root: string) => `${root}{all:initial}\n${tokens}`
