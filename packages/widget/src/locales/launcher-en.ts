// The launcher's name in English, alone in its file: all a lazy launcher on an English page says before the panel loads.
export const launcherEn = 'Your preferences'
