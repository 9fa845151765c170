export * from './status';
export * from './figures';
export * from './deadline';
export * from './catalog';
export * from './settings';
export * from './submission';
