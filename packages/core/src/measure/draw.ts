// Each page view draws its arm on the device: one random number, kept in memory for the view only.

/** A uniform number in [0, 1) from the browser's cryptographic generator: Math.random's next numbers can be told from its last few. */
export const drawView = (): number => {
  const a = new Uint32Array(1)
  crypto.getRandomValues(a)
  return a[0]! / 2 ** 32
}

/** Whether a view with draw `d` is held out when a share `holdout` of views is: `d` below the share. */
export const isHeldOut = (d: number, holdout: number): boolean => d < holdout
