import {
  get,
  get2,
  type Mat,
  map,
  matmul,
  mean,
  randn,
  scale,
  sigmoid,
  sub,
  sumAll,
  transpose,
} from './examples/_math.ts';

/**
 * Two-dimensional data that lies close to a line: t along the direction (0.8, 0.6) plus a little
 * noise across it, centred.
 */
function lineData(n: number, seed: number): Mat {
  const t = randn(n, 1, seed);
  const e = randn(n, 1, seed + 1);
  const X = t.map((row, i) => {
    const a = get(row, 0);
    const b = 0.2 * get(e[i] ?? [], 0);
    return [0.8 * a - 0.6 * b, 0.6 * a + 0.8 * b];
  });
  const mu = [mean(X.map((r) => get(r, 0))), mean(X.map((r) => get(r, 1)))];
  return map(X, (v, _i, j) => v - get(mu, j));
}

/**
 * L = 1/N sum_i 1/2 || xin_i We Wd - xout_i ||^2 for a linear autoencoder (the course's MSE with
 * its 1/2); xin = xout for a plain autoencoder, a corrupted copy for a denoising one.
 */
export function linearAeLoss(Xin: Mat, Xout: Mat, We: Mat, Wd: Mat) {
  const Z = matmul(Xin, We);
  const Xhat = matmul(Z, Wd);
  const R = sub(Xhat, Xout);
  return { Z, Xhat, R, loss: (0.5 * sumAll(map(R, (v) => v * v))) / Xin.length };
}

export function linearAeGrad(Xin: Mat, Xout: Mat, We: Mat, Wd: Mat) {
  const { Z, R, loss } = linearAeLoss(Xin, Xout, We, Wd);
  const dXhat = scale(R, 1 / Xin.length);
  const dWd = matmul(transpose(Z), dXhat);
  const dZ = matmul(dXhat, transpose(Wd));
  const dWe = matmul(transpose(Xin), dZ);
  return { loss, dWe, dWd };
}

/** Eigenvalues of a symmetric 2 x 2 matrix, largest first. */
function eig2(C: Mat): [number, number] {
  const a = C[0]?.[0] ?? 0;
  const b = C[0]?.[1] ?? 0;
  const d = C[1]?.[1] ?? 0;
  const m = (a + d) / 2;
  const r = Math.sqrt(((a - d) / 2) ** 2 + b * b);
  return [m + r, m - r];
}

const noiseScale = 0.3;

/** Gradient descent on a 2 -> 1 -> 2 linear autoencoder; with `denoise`, fresh noise every step. */
function trainLinearAe(X: Mat, denoise: boolean, steps: number, lr: number, checkpoints: number[]) {
  let We = [[0.3], [-0.2]];
  let Wd = [[0.1, 0.4]];
  const rows: number[][] = [];
  for (let t = 0; t <= steps; t++) {
    const noise = denoise ? randn(X.length, 2, 1000 + t) : [];
    const Xin = denoise ? X.map((r, i) => r.map((v, j) => v + noiseScale * get2(noise, i, j))) : X;
    const g = linearAeGrad(Xin, X, We, Wd);
    if (checkpoints.includes(t)) rows.push([t, g.loss]);
    We = We.map((r, i) => r.map((v, j) => v - lr * get2(g.dWe, i, j)));
    Wd = Wd.map((r, i) => r.map((v, j) => v - lr * get2(g.dWd, i, j)));
  }
  return { We, Wd, rows };
}

/** A linear autoencoder 2 -> 1 -> 2 trained by gradient descent, compared with PCA's optimum. */
export const linearAe = (() => {
  const X = lineData(40, 41);
  const n = X.length;
  const lr = 0.2;
  const { We, Wd, rows } = trainLinearAe(X, false, 1000, lr, [0, 10, 50, 100, 300, 1000]);
  const C = scale(matmul(transpose(X), X), 1 / n);
  const [large, small] = eig2(C);
  const final = linearAeLoss(X, X, We, Wd);
  // the decoder direction, normalised: the first principal direction, close to (0.8, 0.6)
  const dir = Wd[0] ?? [];
  const len = Math.hypot(get(dir, 0), get(dir, 1));
  const direction = dir.map((v) => (v / len) * Math.sign(get(dir, 0)));
  return {
    X,
    n,
    lr,
    rows,
    finalLoss: final.loss,
    pcaLoss: 0.5 * small,
    variances: [large, small],
    direction,
    sample: X[0] ?? [],
    sampleCode: get(final.Z[0] ?? [], 0),
    sampleRecon: final.Xhat[0] ?? [],
    We,
    Wd,
  };
})();

/**
 * Denoising: an autoencoder trained on corrupted inputs with clean targets, tested on new noisy
 * copies of the data, next to doing nothing (the noisy input itself) and the plain autoencoder.
 */
export const denoising = (() => {
  const X = linearAe.X;
  const n = X.length;
  const dae = trainLinearAe(X, true, 1000, linearAe.lr, []);
  const noise = randn(n, 2, 77);
  const noisy = X.map((r, i) => r.map((v, j) => v + noiseScale * get2(noise, i, j)));
  const err = (A: Mat) => (0.5 * sumAll(map(sub(A, X), (v) => v * v))) / n;
  return {
    noiseScale,
    noisyError: err(noisy),
    plainError: err(matmul(matmul(noisy, linearAe.We), linearAe.Wd)),
    daeError: err(matmul(matmul(noisy, dae.We), dae.Wd)),
  };
})();

/** KL( N(mu, sigma^2) || N(0, 1) ) per latent dimension, and its gradients. */
export function klTerm(mu: number, sigma: number) {
  return {
    kl: 0.5 * (mu * mu + sigma * sigma - Math.log(sigma * sigma) - 1),
    dMu: mu,
    dSigma: sigma - 1 / sigma,
  };
}

/** A VAE's latent layer for one input: the encoder's outputs, a sample, the KL term. */
export const vae = (() => {
  const mu = [0.5, -1, 0];
  const logVar = [-0.5, 0, Math.log(0.25)];
  const sigma = logVar.map((v) => Math.exp(0.5 * v));
  const eps = [1.2, -0.4, 0.8];
  const z = mu.map((m, i) => m + get(sigma, i) * get(eps, i));
  const terms = mu.map((m, i) => klTerm(m, get(sigma, i)));
  const kl = terms.reduce((s, t) => s + t.kl, 0);
  // upstream gradient dL/dz from the decoder, and what the reparameterisation sends back
  const dz = [0.3, -0.6, 0.2];
  const dMuFromRecon = dz;
  const dSigmaFromRecon = dz.map((g, i) => g * get(eps, i));
  return {
    mu,
    logVar,
    sigma,
    eps,
    z,
    klPerDim: terms.map((t) => t.kl),
    kl,
    dKlDmu: terms.map((t) => t.dMu),
    dKlDsigma: terms.map((t) => t.dSigma),
    dz,
    dMuFromRecon,
    dSigmaFromRecon,
  };
})();

/** GAN losses for a batch of discriminator outputs, and the gradients the generator receives. */
export const gan = (() => {
  const dReal = [0.9, 0.7, 0.8];
  const dFake = [0.2, 0.1, 0.4];
  const lossD = -mean(dReal.map(Math.log)) - mean(dFake.map((d) => Math.log(1 - d)));
  const lossGSaturating = mean(dFake.map((d) => Math.log(1 - d)));
  const lossGNonSaturating = -mean(dFake.map(Math.log));
  // derivative of each generator loss with respect to the discriminator's logit a, D = sigmoid(a)
  const probes = [0.001, 0.01, 0.1, 0.5, 0.9];
  const rows = probes.map((d) => {
    const a = Math.log(d / (1 - d));
    const saturating = -sigmoid(a); // d/da log(1 - sigmoid(a))
    const nonSaturating = -(1 - sigmoid(a)); // d/da -log sigmoid(a)
    return [d, saturating, nonSaturating];
  });
  return {
    dReal,
    dFake,
    lossD,
    lossGSaturating,
    lossGNonSaturating,
    rows,
    equilibrium: 2 * Math.log(0.5),
    log4: Math.log(4),
  };
})();

/** Check-yourself numbers. */
export const quiz = (() => {
  const t = klTerm(1, Math.exp(0.5 * Math.log(0.5)));
  return { mu: 1, variance: 0.5, kl: t.kl, equilibriumD: 0.5 };
})();
