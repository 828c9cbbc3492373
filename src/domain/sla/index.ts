// The SLA rules, split by concern (issue 21): the engine (due times, states, hints), the `SLA状态`
// cell text with the colours derived from it, and mail alerts. Importers use '…/domain/sla'.
export * from './engine';
export * from './text';
export * from './alerts';
