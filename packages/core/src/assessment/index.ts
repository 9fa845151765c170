export * from './scheme';
export * from './measure';
export * from './score';
export * from './explain';
export * from './inputs';
