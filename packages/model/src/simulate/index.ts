/** Headcount plans and their Monte Carlo simulation over quarters. */
export * from './plan';
export * from './quantiles';
export * from './quarter';
export * from './result';
export * from './rng';
export * from './simulate-plan';
