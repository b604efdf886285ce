import { isoInstant } from './calendar';
import { Random } from './random';

type Misc = 'note' | 'evidence' | 'update';
type Status = 'not_started' | 'in_progress' | 'completed' | 'verified' | 'blocked' | 'cancelled' | 'carried_over';

export type ActionEvent = { kind: Misc; at: string } | { kind: 'status'; at: string; from: Status; to: Status };

export interface ActionEvents {
  status: Status;
  version: number;
  createdAt: string;
  updatedAt: string;
  list: ActionEvent[];
}

/** About twenty audit entries and progress notes per action, as the issue asks. */
const AUDIT_ENTRIES_PER_ACTION = 14;

const PATHS: Record<Status, Status[]> = {
  not_started: [],
  in_progress: ['in_progress'],
  blocked: ['in_progress', 'blocked'],
  completed: ['in_progress', 'completed'],
  verified: ['in_progress', 'completed', 'verified'],
  cancelled: ['cancelled'],
  carried_over: ['in_progress', 'carried_over'],
};

function finalStatus(random: Random, closed: boolean, overdue: boolean): Status {
  const r = random.next();
  if (closed) return r < 0.7 ? 'verified' : r < 0.8 ? 'cancelled' : 'carried_over';
  if (overdue) return r < 0.35 ? 'verified' : r < 0.6 ? 'completed' : r < 0.8 ? 'in_progress' : r < 0.88 ? 'not_started' : r < 0.95 ? 'blocked' : 'cancelled';
  return r < 0.45 ? 'not_started' : r < 0.85 ? 'in_progress' : r < 0.9 ? 'blocked' : 'completed';
}

/** An action's history: its final status, and notes, evidence, updates and status changes in time order. */
export function planActionEvents(
  random: Random,
  when: { closed: boolean; overdue: boolean; startDay: number; dueDay: number; todayDay: number },
): ActionEvents {
  const status = finalStatus(random, when.closed, when.overdue);
  const path = PATHS[status];
  const notes = random.int(3, 9);
  const evidence = status === 'completed' || status === 'verified' ? random.int(1, 2) : random.chance(0.2) ? 1 : 0;
  const updates = Math.max(0, AUDIT_ENTRIES_PER_ACTION - 1 - notes - evidence - path.length);
  const misc: Misc[] = [...Array<'note'>(notes).fill('note'), ...Array<'update'>(updates).fill('update')];
  for (let i = misc.length - 1; i > 0; i--) {
    const k = random.int(0, i);
    [misc[i], misc[k]] = [misc[k], misc[i]];
  }
  // Status changes spread evenly through the history; evidence just before the action is marked completed.
  const kinds: (Misc | Status)[] = [...misc];
  path.forEach((to, i) => kinds.splice(Math.round(((i + 1) * kinds.length) / (path.length + 1)) + i, 0, to));
  const completedAt = kinds.indexOf('completed');
  kinds.splice(completedAt >= 0 ? completedAt : kinds.length, 0, ...Array<'evidence'>(evidence).fill('evidence'));

  const createdDay = when.startDay + random.int(0, 5);
  const endDay = Math.max(createdDay + 1, Math.min(when.todayDay, when.dueDay + 60));
  const step = ((endDay - createdDay) * 86_400) / (kinds.length + 1);
  const createdAt = isoInstant(createdDay, 9 * 3600 + random.int(0, 8 * 3600));
  let updatedAt = createdAt;
  let from: Status = 'not_started';
  const list: ActionEvent[] = kinds.map((kind, i) => {
    const at = isoInstant(createdDay, 9 * 3600 + Math.round(step * (i + 1)) + random.int(0, 3600));
    if (kind === 'note' || kind === 'evidence' || kind === 'update') {
      if (kind === 'update' && at > updatedAt) updatedAt = at;
      return { kind, at };
    }
    const event: ActionEvent = { kind: 'status', at, from, to: kind };
    from = kind;
    // The latest change, though the jitter may put an event a little before the one listed ahead of it.
    if (at > updatedAt) updatedAt = at;
    return event;
  });
  return { status, version: 1 + path.length + updates, createdAt, updatedAt, list };
}
