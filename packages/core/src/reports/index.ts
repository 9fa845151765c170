export * from './status';
export * from './figures';
export * from './deadline';
