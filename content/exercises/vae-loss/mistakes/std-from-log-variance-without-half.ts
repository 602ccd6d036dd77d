// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  "sigma is exp(logVar / 2): exp(logVar) is the variance, so the sample's spread (and its gradient) come out squared.";

export function reparameterize(mu: NDArray, logVar: NDArray, eps: NDArray) {
  const std = logVar.exp();
  return { z: mu.add(std.multiply(eps)), cache: { std, eps } };
}
