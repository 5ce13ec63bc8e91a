// Numbers stage: quantities with units, their qualifiers and what they measure.
export { parseChineseNumber } from './numerals.js'
export { findNumbers } from './find.js'
export { normalizedQuantity } from './normalize.js'
export { numberLexicon, readQualifiers, readUnits } from './lexicon.js'
export type { Family, NumberLexicon, QualifierWord, UnitWord } from './lexicon.js'
