export * from './indicators';
export * from './money';
export * from './project.view';
export * from './programme-period.lookup';
