// Where recruits stand, from the newest stage-changing operation seen for each recruit (history pages and live
// ones alike). Operations never change once recorded, so what was learned stays true and is never thrown away.
export const stages = ['new', 'pending', 'interviewPassed', 'trialPassed', 'live', 'failed', 'archived'];

const passStage = {
  interview_decision: 'interviewPassed',
  trial_broadcast_decision: 'trialPassed',
  go_live_decision: 'live',
};

export function stageOf(operation) {
  switch (operation.action) {
    case 'created':
      return 'new';
    case 'archived':
      return 'archived';
    case 'interview_decision':
    case 'trial_broadcast_decision':
    case 'go_live_decision':
      if (operation.decision === 'pass') {
        return passStage[operation.action];
      }
      return operation.decision === 'fail' ? 'failed' : 'pending';
    default:
      // `updated` edits details; it does not move a recruit along.
      return null;
  }
}

export class StageSummary {
  #latest = new Map();

  /** Returns true when the counts changed. */
  add(operation) {
    const stage = stageOf(operation);
    if (stage === null || typeof operation.recruitId !== 'string') {
      return false;
    }
    const known = this.#latest.get(operation.recruitId);
    if (known && known.id >= operation.id) {
      return false;
    }
    this.#latest.set(operation.recruitId, { id: operation.id, stage });
    return known?.stage !== stage;
  }

  get total() {
    return this.#latest.size;
  }

  counts() {
    const counts = Object.fromEntries(stages.map((stage) => [stage, 0]));
    for (const { stage } of this.#latest.values()) {
      counts[stage]++;
    }
    return counts;
  }
}
