// candor-strings-de.js: candor.js's words in the page's language (see words.ts).
export { startupDe as strings } from '@candor/widget/internal'
