export * from './domain-error';
export * from './timescale';
export * from './plan-settings';
export { dayNumber, daysBetween, isWeekend, isoWeekday } from './calendar-date';
export * from './bank-holidays';
export * from './due-date';
export * from './action-status';
export * from './rag';
export * from './quarter';
