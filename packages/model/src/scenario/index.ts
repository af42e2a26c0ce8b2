/** Scenarios (a baseline plus ops), diffs between orgs, and side-by-side comparison. */
export * from './compare';
export * from './diff-orgs';
export * from './diff-schema';
export * from './rebase';
export * from './scenario';
