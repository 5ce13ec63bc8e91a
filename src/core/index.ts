export * from './document.js'
export * from './errors.js'
export * from './dates.js'
export * from './extraction.js'
