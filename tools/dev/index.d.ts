export * from './platform-apps';
export * from './isolation';
