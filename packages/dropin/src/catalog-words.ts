// candor-catalog-words.js: what candor.js loads when its catalog has a problem to say (a field it doesn't know, a
// signal left out, a catalog refused): the words of each, and "did you mean". A site whose catalog is right never loads it.
export { reworded, wordedCatalog } from '@candor/core/catalog-words'
