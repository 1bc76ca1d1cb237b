export * from './voivodeships';
export * from './teryt';
export * from './territory.view';
