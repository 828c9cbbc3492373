// The runtime's Sheets formula evaluator (issue 21: split from one 874-line file): ast.ts parses
// and rewrites references, evaluate.ts computes values. Importers use './formula'.
export { FErr, ERRORS as FORMULA_ERRORS, rewriteRefs, shiftFormula, type RangeVal } from './ast';
export { evaluateFormula, formulaSatisfied, readCell, type EvalEnv } from './evaluate';
