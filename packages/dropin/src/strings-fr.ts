// candor-strings-fr.js: candor.js's words in the page's language (see words.ts).
export { startupFr as strings } from '@candor/widget/internal'
