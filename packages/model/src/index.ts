/**
 * @reorg/model: the pure org-design domain. No React, Hono, database, DOM, clock or randomness:
 * time (`asOf`) and seeds are arguments.
 */

export * from './analyze/analyze-org';
export * from './analyze/context';
export * from './analyze/engineering-teams';
export * from './analyze/graph-rules';
export * from './analyze/interactions';
export * from './analyze/ladder-people';
export * from './analyze/ladder-rules';
export * from './analyze/layers';
export * from './analyze/metrics';
export * from './analyze/span';
export * from './analyze/span-facts';
export * from './analyze/teams';
export * from './graph/org-graph';
export * from './graph/people-ids';
export * from './import/index';
export * from './ops/index';
export * from './review/index';
export * from './scenario/index';
export * from './schema/common';
export * from './schema/ladder';
export * from './schema/org';
export * from './schema/person';
export * from './schema/policy';
export * from './schema/rate-card';
export * from './schema/report';
export * from './schema/rules';
export * from './schema/team';
export * from './simulate/index';
