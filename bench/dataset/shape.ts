/** How a national data set of a given number of actions is spread over councils, plans and people. */
export interface DatasetShape {
  actions: number;
  authorities: number;
  /** A plan holds at most this many actions: an inspection yields tens of findings, not thousands. */
  actionsPerPlanMax: number;
  /** Each owner holds about this many actions across their council's plans. */
  actionsPerOwner: number;
  ownersPerManager: number;
  boardMembers: number;
  /** Owners per council who get an API token and drive the load. */
  tokenOwnersPerAuthority: number;
}

export const shapeFor = (actions: number): DatasetShape => ({
  actions,
  authorities: 150,
  actionsPerPlanMax: 200,
  actionsPerOwner: 40,
  ownersPerManager: 8,
  boardMembers: 4,
  tokenOwnersPerAuthority: 2,
});

/** The number of actions of authority `index` (the remainder goes to the first ones). */
export const actionsOf = (shape: DatasetShape, index: number) =>
  Math.floor(shape.actions / shape.authorities) + (index < shape.actions % shape.authorities ? 1 : 0);
