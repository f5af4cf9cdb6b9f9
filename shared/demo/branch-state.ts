import { branchThresholds, type Thresholds } from '../domain/settings';
import type { DemoBranch } from './branches';
import type { City } from './cities';
import type { Culture } from './names';
import { PHONE_PLANS, type PhonePlan } from './phones';
import { Weighted } from './prng';
import type { ZoneDays } from './zone-days';

/** Everything about a branch the per-booking loop needs, resolved once. */
export class BranchState {
  readonly thresholds: Thresholds;
  /** Bookable 15-minute start slots: opens_at … closes_at − 30. */
  readonly slots: number;
  readonly staffCount: number;
  readonly serviceWeights: Weighted;
  readonly cultures: readonly Culture[];
  readonly cultureWeights: Weighted;
  readonly plan: PhonePlan;
  /** Other branches in the same city (a customer's second branch is usually nearby). */
  siblings: number[] = [];

  constructor(
    readonly index: number,
    readonly branch: DemoBranch,
    readonly city: City,
    readonly zone: ZoneDays,
  ) {
    this.thresholds = branchThresholds(branch);
    this.slots = (branch.closes_at - 30 - branch.opens_at) / 15 + 1;
    this.staffCount = branch.staff.length;
    this.serviceWeights = new Weighted(branch.services.map((s) => s.popularity));
    this.cultures = Object.keys(city.cultures) as Culture[];
    this.cultureWeights = new Weighted(this.cultures.map((c) => city.cultures[c] ?? 0));
    const plan = PHONE_PLANS[city.phonePlan];
    if (plan === undefined) throw new RangeError(`no phone plan "${city.phonePlan}"`);
    this.plan = plan;
  }
}
