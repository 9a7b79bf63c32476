import { pointerPattern } from './pointer.js';

/** One way in which an answer (or a value) breaks the contract. */
export interface Violation {
  /** JSON pointer of the offending value: `/status`, `/headers/request-id`, `/body/data/0/id`, or `/data/0/id` for a schema. */
  pointer: string;
  /** What rule it breaks, such as `must be equal to one of the allowed values`. */
  message: string;
}

/** The violations of one rule at one place, their array indexes folded to `*` (one gender broken in 50 profiles of 5 answers). */
export interface ViolationGroup<V extends Violation = Violation> {
  /** The pointer with its array indexes as `*`. */
  pointer: string;
  message: string;
  /** How many violations the group holds. */
  count: number;
  /** In how many answers (distinct `answer` keys given to `add`). */
  answers: number;
  /** The first violation of the group, as it was added. */
  first: V;
}

/**
 * Groups violations by rule and place, however many items of a list or answers show them: the one
 * grouping behind every report (the CLI's `verify` reports, the mock proxy's summary). It keeps a
 * count per group, not every violation, so a long-running monitor stays small.
 */
export class ViolationGroups<V extends Violation = Violation> {
  readonly #groups = new Map<string, ViolationGroup<V> & { keys: Set<string> }>();

  /** Counts one violation, seen in the answer `answer` (a request id, or the request). */
  add(violation: V, answer = ''): void {
    const pointer = pointerPattern(violation.pointer);
    const key = `${pointer}\u0000${violation.message}`;
    let group = this.#groups.get(key);
    if (!group) {
      group = {
        pointer,
        message: violation.message,
        count: 0,
        answers: 0,
        first: violation,
        keys: new Set(),
      };
      this.#groups.set(key, group);
    }
    group.count++;
    // Distinct answers are counted up to a bound, so that memory stays flat on a monitor that runs for days.
    if (group.keys.size < 10_000 && !group.keys.has(answer)) {
      group.keys.add(answer);
      group.answers = group.keys.size;
    }
  }

  /** The groups, most frequent first (ties in the order they were first seen). */
  list(): ViolationGroup<V>[] {
    return [...this.#groups.values()].map(({ keys: _, ...group }) => group).sort((a, b) => b.count - a.count);
  }
}
