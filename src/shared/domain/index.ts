// Business rules as pure functions (DESIGN.md): business days, sequences, lint, readiness, drifting, today.
export * from './time';
export * from './businessDays';
export * from './sequence';
export * from './lint';
export * from './readiness';
export * from './drifting';
export * from './today';
export * from './firstTouch';
export * from './builtInTemplates';
