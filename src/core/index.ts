export * from './document.js'
export * from './errors.js'
