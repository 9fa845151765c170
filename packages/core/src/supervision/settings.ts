// What an office may tune about supervision: when an obstacle climbs the ladder, where the
// investment-pace warnings start, how many days a month a responsible leader spends at the
// projects (the summary asks for a third of each month).

export interface SupervisionSettings {
  /** Days after its deadline (or after being assigned, without one) an obstacle is reminded. */
  remindAfterDays: number;
  /** Days at 提醒 before 督办, and at 督办 before 约谈. */
  superviseAfterDays: number;
  interviewAfterDays: number;
  /** Days to solve an obstacle when it is raised without a deadline. */
  defaultDeadlineDays: number;
  /** Points behind 序时进度 (the share of the year elapsed) that make a yellow, then a red warning. */
  behindYellow: number;
  behindRed: number;
  /** Days a month each responsible leader commits to spend at the projects. */
  visitDaysPerMonth: number;
}

export const DEFAULT_SUPERVISION_SETTINGS: SupervisionSettings = {
  remindAfterDays: 0,
  superviseAfterDays: 7,
  interviewAfterDays: 14,
  defaultDeadlineDays: 30,
  behindYellow: 10,
  behindRed: 30,
  visitDaysPerMonth: 10,
};
