// Time expressions: find them in a document's matching view and resolve them against its publication date.
export { findTimes, type TimeContext } from './resolve.js'
export { referenceOf, type Ref } from './reference.js'
