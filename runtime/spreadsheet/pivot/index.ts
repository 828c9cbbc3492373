// Pivot tables, slicers and filter criteria (issue 19): what the rest of the runtime uses.
export { createPivotTable, pivotTablesOf, pivotSpecOf } from './table';
export { insertSlicer, slicersOf } from './slicer';
export { newFilterCriteriaBuilder } from './criteria';
export { refreshPivots, clearPivotOutput, PERCENT_FORMAT } from './sync';
export { computePivot, summarize, compareLabels } from './compute';
export { SUMMARIZE_FUNCTIONS, DISPLAY_TYPES, pivotLabels } from './model';
export type { PivotSpec, SlicerSpec, CriteriaSpec, PivotGroupSpec, PivotValueSpec, PivotFilterSpec } from './model';
export { renderPivots, renderSlicers, setSlicerVisibleValues } from './view';
export type { RenderedPivot, RenderedSlicer } from './view';
export { pivotLayout } from './sync';
