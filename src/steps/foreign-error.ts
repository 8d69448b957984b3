import { MergeToMixError } from "../util/errors";

/** A step got a model, experts or a task that belong to another base (suite, architecture or head rule). */
export class ForeignModelError extends MergeToMixError {
  constructor(
    readonly what: string,
    readonly found: string,
    readonly expected: string,
  ) {
    super(
      `${what} belongs to ${found}, expected one of ${expected} (make every model of a comparison from the same pretrainedBase)`,
    );
  }
}
