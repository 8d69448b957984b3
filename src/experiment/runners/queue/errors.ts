import { MergeToMixError } from "../../../util/errors";

/** Redis cannot be reached (or answered with an error) at the queue URL. */
export class QueueConnectionError extends MergeToMixError {
  constructor(
    readonly url: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot use the queue at ${url}: ${problem}`, options);
  }
}

/**
 * A worker refuses a job whose inputs it cannot reproduce: its prepared data (or its training code)
 * differ from the coordinator's. The message names what differs and both hashes.
 */
export class WorkerRefusalError extends MergeToMixError {
  constructor(
    readonly what: string,
    readonly here: string,
    readonly expected: string,
    readonly hint: string,
  ) {
    super(
      `${what} differ from the coordinator's (sha256 ${here.slice(0, 12)}… here, ${expected.slice(0, 12)}… in the job); ${hint}`,
    );
  }
}

/** A fine-tune failed on every attempt the queue allowed (or its results kept failing their checksum). */
export class FineTuneFailedError extends MergeToMixError {
  constructor(
    readonly label: string,
    readonly seed: number,
    readonly reason: string,
    readonly attempts: number,
  ) {
    super(`fine-tune ${label} (seed ${seed}) failed after ${attempts} attempt${attempts === 1 ? "" : "s"}: ${reason}`);
  }
}
