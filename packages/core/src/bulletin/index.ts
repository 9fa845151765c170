export * from './types';
export * from './input';
export * from './format';
export * from './figures';
export * from './compose';
export * from './compose-rankings';
export * from './photos';
export * from './numerals';
