// The --candor-* custom properties every part of the widget is drawn with: the panel (styles.ts) and its boxes, on top
// of the launcher's (launcher-theme.ts). Each colour is light-dark(light, dark), following color-scheme, which
// data-theme can force. A page themes the widget by setting any of them.
import { LAUNCHER, rule } from './launcher-theme.js'

/** The rest, for the panel and its boxes (their sheets set the launcher's too). */
const PANEL = `--candor-bg:light-dark(#fff,#1c1c21);--candor-muted:light-dark(#52525b,#b9b9c3);--candor-border:light-dark(#8a8a94,#8e8e99);
--candor-soft:light-dark(#eef2fb,#262a35);--candor-warn-bg:light-dark(#fff4d6,#3d2f00);--candor-warn-fg:light-dark(#5c3d00,#ffe08a);
--candor-danger:light-dark(#b3261e,#ffb4ab);--candor-focus:var(--candor-accent);--candor-radius:12px`

/**
 * A part's stylesheet begins with this: its root resets what a host page's CSS could reach it with (all:initial),
 * then the tokens set it again. Each sheet resets its own part only: sheets share a shadow root.
 */
export const base = (root: string) => `${root}{all:initial}\n${rule(LAUNCHER + ';' + PANEL)}`
