// Integer-cent arithmetic that never loses or invents a cent.

/**
 * Splits `total` cents across `weights` in proportion (largest-remainder method): every share is the floor
 * or the ceiling of its exact proportion, and the shares add up to `total` exactly. Ties go to the earlier
 * weight, so the result is deterministic. Weights are non-negative integers; BigInt keeps large products
 * (cents × rate in basis points) exact.
 */
export function allocateProportionally(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error(`Cannot allocate ${total} cents`);
  for (const w of weights) if (!Number.isInteger(w) || w < 0) throw new Error(`Invalid weight ${w}`);
  const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
  if (sum === 0n) {
    if (total === 0) return weights.map(() => 0);
    throw new Error(`Cannot allocate ${total} cents over zero weights`);
  }
  const bigTotal = BigInt(total);
  const shares = weights.map((w) => (bigTotal * BigInt(w)) / sum);
  const remainders = weights.map((w, index) => ({ index, remainder: (bigTotal * BigInt(w)) % sum }));
  let left = Number(bigTotal - shares.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0) break;
    shares[index]! += 1n;
    left -= 1;
  }
  return shares.map(Number);
}

/** round(numerator / denominator), halves away from zero, exact for integers. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new Error("Denominator must be positive");
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const rounded = (2n * abs + denominator) / (2n * denominator);
  return negative ? -rounded : rounded;
}

/** ceil(numerator / denominator) for non-negative integers. */
export function divideCeil(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n || denominator <= 0n) throw new Error("divideCeil needs non-negative operands");
  return (numerator + denominator - 1n) / denominator;
}

/** A rate such as 23 or 5.5 as an integer number of basis points (2300, 550). */
export function rateBasisPoints(rate: number): bigint {
  return BigInt(Math.round(rate * 100));
}
