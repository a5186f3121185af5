// Imports a name its dependency does not export.
import { missingHelper } from './h2-exports.mjs'
export default missingHelper
