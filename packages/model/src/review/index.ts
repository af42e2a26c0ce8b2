/** Review of scenarios: approval state, @mentions, rebasing on a new baseline, change lists. */
export * from './announcements';
export * from './change-list';
export * from './hris-columns';
export * from './mentions';
export * from './rebase';
export * from './review-state';
