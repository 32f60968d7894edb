export * from './units-that-worked-on';
