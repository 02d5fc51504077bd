export * from './common';
export * from './entities';
export * from './followup';
export * from './settings';
export * from './dataset';
