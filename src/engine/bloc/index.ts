/** The bloc leader's side: many checked sheets in, one ranking and one summary workbook plan out. */
export * from './matrix';
export * from './plan';
export * from './rank';
export * from './rules';
export * from './unit';
