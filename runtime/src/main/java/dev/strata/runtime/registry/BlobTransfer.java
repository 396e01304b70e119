package dev.strata.runtime.registry;

/** How a blob came to be in the target repository. */
public enum BlobTransfer {
  /** It was there already. */
  PRESENT,
  /** The registry linked it from the source repository (cross-repository mount). */
  MOUNTED,
  /** It was downloaded from the source and uploaded to the target. */
  COPIED
}
