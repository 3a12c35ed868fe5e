// '@candor/widget/internal', for candor.js (not public API: anything here may change in any release): what a page
// shows before the panel's code loads — the launcher, the strings it and the "Why" buttons say, the page's
// language, the shared link's fragment. No Preact.
export { INTENT_EVENTS, addLauncher, type LauncherOptions } from './launcher.js'
export { baseOf, dirOf, pageLang } from './lang.js'
export { LANGUAGES } from './languages.js'
export { fill, phrase, startupEn, type StartupStrings } from './locales/startup.js'
export { watchPreview, type PreviewBarOptions } from './preview-bar.js'
export { SHARED_FRAGMENT, isSharedArrival, sharedLink } from './share.js'
