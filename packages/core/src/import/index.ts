// The ledger import, pure: a sheet grid (read from .xlsx/.csv by the server) → parsed ledger.
export * from './types';
export { parseLedger, parseWorkbook } from './ledger';
