export * from './catalog';
export * from './settings';
export * from './obstacle-ladder';
export * from './warning-rules';
export * from './book-site-comparison';
export * from './agenda';
export * from './visit-commitment';
export * from './action-items';
