"""Gaussian-process regression from scratch: kernels, Cholesky posterior, marginal likelihood.

A Gaussian process (GP) is a prior over functions: any finite set of function values
is jointly Gaussian, with covariance given by a *kernel* ``k(x, x')``. Observing
``y = f(X) + noise`` turns the prior into a posterior whose mean and standard
deviation at new points have closed forms; Bayesian optimization uses them as a
cheap surrogate of the expensive objective.

The kernels have one length-scale per input dimension (ARD: "automatic relevance
determination"), a signal variance and a noise variance. :class:`GaussianProcess`
fits them by maximising the log marginal likelihood with multi-start L-BFGS-B on their
logarithms. Inputs are expected in the unit cube (see :meth:`hpolab.Space.to_unit`);
outputs are standardised inside the model.
"""

from __future__ import annotations

from contextlib import contextmanager, nullcontext

import numpy as np
from scipy import linalg, optimize

__all__ = ["rbf_kernel", "matern52_kernel", "KERNELS", "log_marginal_likelihood", "GaussianProcess",
           "single_threaded"]

SQRT5 = np.sqrt(5.0)
_THREADPOOLS = []


@contextmanager
def single_threaded():
    """Run NumPy/SciPy linear algebra on one thread inside the block.

    A GP works with small matrices (tens to hundreds of rows), where a multi-threaded
    BLAS spends more time starting and syncing threads than computing, badly so on a
    busy machine. Uses threadpoolctl (a scikit-learn dependency) when it is there.
    """
    try:
        if not _THREADPOOLS:
            from threadpoolctl import ThreadpoolController

            _THREADPOOLS.append(ThreadpoolController())
        limit = _THREADPOOLS[0].limit(limits=1, user_api="blas")
    except ImportError:  # pragma: no cover - threadpoolctl comes with scikit-learn
        limit = nullcontext()
    with limit:
        yield


def _scaled_sq_diffs(X1, X2, lengthscales):
    """Squared differences per dimension, divided by the squared length-scales: shape (n1, n2, d)."""
    diff = (X1[:, None, :] - X2[None, :, :]) / lengthscales
    return diff * diff


def rbf_kernel(X1, X2, lengthscales, variance=1.0):
    """Squared-exponential kernel ``variance * exp(-r^2 / 2)``, ``r`` the length-scaled distance.

    Parameters
    ----------
    X1, X2 : array of shape (n1, d) and (n2, d)
    lengthscales : float or array of shape (d,)
    variance : float
        Signal variance: the kernel's value at distance 0.

    Returns
    -------
    ndarray of shape (n1, n2)

    Examples
    --------
    >>> float(rbf_kernel([[0.0]], [[1.0]], lengthscales=1.0)[0, 0])  # exp(-1/2)
    0.6065306597126334
    """
    X1, X2 = np.atleast_2d(X1).astype(float), np.atleast_2d(X2).astype(float)
    r2 = _scaled_sq_diffs(X1, X2, np.asarray(lengthscales, float)).sum(-1)
    return variance * np.exp(-0.5 * r2)


def matern52_kernel(X1, X2, lengthscales, variance=1.0):
    """Matern kernel with smoothness 5/2: ``variance * (1 + sqrt5 r + 5 r^2 / 3) exp(-sqrt5 r)``.

    Its sample functions are twice differentiable but rougher than the RBF kernel's,
    which suits real objectives better; it is the usual default in Bayesian optimization.

    Parameters and returns as :func:`rbf_kernel`.

    Examples
    --------
    >>> round(float(matern52_kernel([[0.0]], [[1.0]], lengthscales=1.0)[0, 0]), 6)
    0.523994
    """
    X1, X2 = np.atleast_2d(X1).astype(float), np.atleast_2d(X2).astype(float)
    r = np.sqrt(_scaled_sq_diffs(X1, X2, np.asarray(lengthscales, float)).sum(-1))
    return variance * (1.0 + SQRT5 * r + 5.0 / 3.0 * r * r) * np.exp(-SQRT5 * r)


KERNELS = {"rbf": rbf_kernel, "matern52": matern52_kernel}


def _lml(S, y, theta, kernel, gradient):
    """Log marginal likelihood from precomputed squared differences ``S`` (n*n, d) and
    log-parameters ``theta`` = log(lengthscales), log(variance), log(noise)."""
    n, d = len(y), S.shape[1]
    inv_l2, variance, noise = np.exp(-2 * theta[:d]), np.exp(theta[d]), np.exp(theta[d + 1])
    r2 = (S @ inv_l2).reshape(n, n)
    if kernel == "rbf":
        Kf = variance * np.exp(-0.5 * r2)
        G = Kf  # d k / d log(l_j) = k * (x_j - x'_j)^2 / l_j^2
    else:
        r = np.sqrt(r2)
        e = variance * np.exp(-SQRT5 * r)
        Kf = (1.0 + SQRT5 * r + 5.0 / 3.0 * r2) * e
        G = 5.0 / 3.0 * (1.0 + SQRT5 * r) * e  # d k / d log(l_j) = G * (x_j - x'_j)^2 / l_j^2
    K = Kf.copy()
    K[np.diag_indices(n)] += noise
    try:
        L = linalg.cholesky(K, lower=True, check_finite=False)
    except linalg.LinAlgError:
        return (-np.inf, np.zeros(d + 2)) if gradient else -np.inf
    alpha = linalg.cho_solve((L, True), y, check_finite=False)
    value = float(-0.5 * y @ alpha - np.log(np.diag(L)).sum() - 0.5 * n * np.log(2 * np.pi))
    if not gradient:
        return value
    # d value / d theta = tr((alpha alpha^T - K^-1) dK/dtheta) / 2
    W = np.outer(alpha, alpha) - linalg.cho_solve((L, True), np.eye(n), check_finite=False)
    grad = np.empty(d + 2)
    grad[:d] = 0.5 * ((W * G).ravel() @ S) * inv_l2
    grad[d] = 0.5 * np.sum(W * Kf)  # dK/dlog(variance) is the kernel part of K
    grad[d + 1] = 0.5 * noise * np.trace(W)
    return value, grad


def _sq_diffs(X):
    diff = X[:, None, :] - X[None, :, :]
    return (diff * diff).reshape(-1, X.shape[1])


def log_marginal_likelihood(X, y, lengthscales, variance, noise, kernel="matern52", gradient=False):
    """Log probability of the data ``y`` under the GP prior (zero mean) with these hyperparameters.

    ``log p(y | X) = -y^T K^-1 y / 2 - log|K| / 2 - n log(2 pi) / 2`` with
    ``K = k(X, X) + noise * I``, computed with a Cholesky factor.

    Parameters
    ----------
    X : array of shape (n, d)
    y : array of shape (n,)
    lengthscales : array of shape (d,) or float
    variance, noise : float
        Signal and noise variance.
    kernel : {"matern52", "rbf"}
    gradient : bool, default False
        Also return the gradient with respect to ``log(lengthscales), log(variance), log(noise)``.

    Returns
    -------
    float, or (float, ndarray of shape (d + 2,)) when ``gradient`` is True.

    Examples
    --------
    >>> round(log_marginal_likelihood([[0.0]], [0.0], 1.0, 1.0, 1e-12), 4)  # log N(0; 0, 1)
    -0.9189
    """
    X = np.atleast_2d(np.asarray(X, float))
    y = np.asarray(y, float).ravel()
    d = X.shape[1]
    theta = np.r_[np.log(np.broadcast_to(np.asarray(lengthscales, float), (d,))), np.log(variance), np.log(noise)]
    return _lml(_sq_diffs(X), y, theta, kernel, gradient)


class GaussianProcess:
    """Gaussian-process regression with a Matern-5/2 or RBF kernel.

    Parameters
    ----------
    kernel : {"matern52", "rbf"}, default "matern52"
    lengthscale : float or array, optional
        Fixed length-scale(s). None (default) fits one per dimension.
    variance : float, optional
        Fixed signal variance (of the standardised outputs). None fits it.
    noise : float, optional
        Fixed noise variance (of the standardised outputs). None fits it, no lower than ``noise_floor``.
    noise_floor : float, default 1e-6
        Smallest noise variance: keeps the Cholesky factor stable with duplicate points.
    normalize : bool, default True
        Standardise ``y`` (subtract the mean, divide by the standard deviation) before fitting.
    n_restarts : int, default 2
        Random restarts of L-BFGS-B besides the warm start (the previous optimum).
    seed : int, numpy.random.Generator or None
        For the random restarts.

    Attributes
    ----------
    lengthscales_, variance_, noise_ : fitted (or fixed) hyperparameters, in standardised units.

    Examples
    --------
    >>> X = np.array([[0.1], [0.4], [0.9]]); y = np.sin(6 * X).ravel()
    >>> gp = GaussianProcess(lengthscale=0.3, variance=1.0, noise=1e-8).fit(X, y)
    >>> mean, sd = gp.predict(X)
    >>> np.allclose(mean, y, atol=1e-4), bool(sd.max() < 1e-3)
    (True, True)
    """

    #: Bounds of the fitted hyperparameters (standardised outputs, inputs in the unit cube; the noise's
    #: lower bound is ``noise_floor``). Length-scales stop at 3, three times the cube's width: a dimension
    #: then still counts a little, where an unbounded fit, after a few dozen points that happen to vary
    #: little along it, calls it irrelevant and BO stops exploring it (on Hartmann3 that stalled BO at a
    #: regret of 0.008).
    BOUNDS = {"lengthscale": (1e-2, 3.0), "variance": (5e-2, 2e1), "noise": (None, 1.0)}

    def __init__(self, kernel="matern52", lengthscale=None, variance=None, noise=None,
                 noise_floor=1e-6, normalize=True, n_restarts=2, seed=None):
        if kernel not in KERNELS:
            raise ValueError(f"kernel must be one of {sorted(KERNELS)}, got {kernel!r}.")
        for label, value in (("lengthscale", lengthscale), ("variance", variance), ("noise", noise)):
            if value is not None and np.any(np.asarray(value, float) <= 0):
                raise ValueError(f"{label} must be positive, got {value!r}; or None to fit it.")
        self.kernel, self.normalize = kernel, normalize
        self.fixed = {"lengthscale": lengthscale, "variance": variance, "noise": noise}
        self.noise_floor, self.n_restarts = float(noise_floor), int(n_restarts)
        self.rng = np.random.default_rng(seed)
        self._theta = None  # last optimum (log-parameters), the warm start of the next fit

    # -- fitting ----------------------------------------------------------------------
    def fit(self, X, y) -> "GaussianProcess":
        """Condition on observations (and fit the free hyperparameters).

        Parameters
        ----------
        X : array of shape (n, d)
            Inputs, ideally in the unit cube.
        y : array of shape (n,)
            Outputs; constant ``y`` is fine (the model then predicts that constant).
        """
        y = np.asarray(y, float).ravel()
        X = np.asarray(X, float)
        X = X if X.ndim == 2 else X.reshape(len(X), -1)  # a 1-D array is n points of one dimension
        if len(X) != len(y):
            raise ValueError(f"X has {len(X)} rows but y has {len(y)} values; give one output per input.")
        if len(y) and not np.all(np.isfinite(y)):
            raise ValueError("y contains NaN or inf; drop failed evaluations before fitting.")
        self.X_, self.d_ = X, X.shape[1]
        self.y_mean_, self.y_std_ = (y.mean(), y.std()) if (self.normalize and len(y)) else (0.0, 1.0)
        if not self.y_std_ > 1e-12:
            self.y_std_ = 1.0  # flat data: nothing to scale
        self.y_ = (y - self.y_mean_) / self.y_std_
        with single_threaded():
            self._set_hyperparameters(self._optimize() if len(y) > 1 else self._default_theta())
        return self

    _NAMES = ("lengthscale", "variance", "noise")

    def _free_mask(self):
        """Which of the d + 2 log-parameters are fitted (True) rather than fixed."""
        sizes = (self.d_, 1, 1)
        return np.concatenate([np.full(n, self.fixed[k] is None) for k, n in zip(self._NAMES, sizes)])

    def _full_theta(self, free_theta):
        """All d + 2 log-parameters, with the fixed ones filled in."""
        sizes = (self.d_, 1, 1)
        fixed = np.concatenate([np.log(np.broadcast_to(np.asarray(1.0 if self.fixed[k] is None else self.fixed[k],
                                                                   float), (n,)))
                                for k, n in zip(self._NAMES, sizes)])
        fixed[self._free_mask()] = free_theta
        return fixed

    def _log_bounds(self):
        d = self.d_
        lo = np.r_[np.full(d, np.log(self.BOUNDS["lengthscale"][0])), np.log(self.BOUNDS["variance"][0]),
                   np.log(self.noise_floor)]
        hi = np.r_[np.full(d, np.log(self.BOUNDS["lengthscale"][1])), np.log(self.BOUNDS["variance"][1]),
                   np.log(max(self.BOUNDS["noise"][1], 10 * self.noise_floor))]
        return lo, hi

    def _default_theta(self):
        return self._full_theta(np.r_[np.full(self.d_, np.log(0.3)), 0.0, np.log(1e-3)][self._free_mask()])

    def _optimize(self):
        mask = self._free_mask()
        if not mask.any():
            return self._full_theta(np.empty(0))
        lo, hi = (b[mask] for b in self._log_bounds())

        S = _sq_diffs(self.X_)

        def negative(free_theta):
            value, grad = _lml(S, self.y_, self._full_theta(free_theta), self.kernel, gradient=True)
            if not np.isfinite(value):
                return 1e25, np.zeros(mask.sum())
            return -value, -grad[mask]

        starts = [np.clip(self._theta[mask], lo, hi)] if self._theta is not None and len(self._theta) == len(mask) \
            else [self._default_theta()[mask]]
        starts += [self.rng.uniform(lo, hi) for _ in range(self.n_restarts)]
        best_x, best_f = starts[0], np.inf
        for x0 in starts:
            res = optimize.minimize(negative, x0, jac=True, method="L-BFGS-B", bounds=list(zip(lo, hi)),
                                    options={"maxiter": 200})
            if res.fun < best_f:
                best_x, best_f = res.x, res.fun
        return self._full_theta(best_x)

    def _set_hyperparameters(self, theta):
        d = self.d_
        self._theta = theta
        self.lengthscales_, self.variance_, self.noise_ = np.exp(theta[:d]), float(np.exp(theta[d])), \
            float(np.exp(theta[d + 1]))
        if len(self.y_) == 0:  # no data: the posterior is the prior
            self.L_, self.alpha_ = np.zeros((0, 0)), np.zeros(0)
            return
        K = KERNELS[self.kernel](self.X_, self.X_, self.lengthscales_, self.variance_)
        K[np.diag_indices_from(K)] += self.noise_
        for jitter in (0.0, 1e-8, 1e-6, 1e-4):  # duplicate points: add jitter until it factors
            try:
                self.L_ = linalg.cholesky(K + jitter * np.eye(len(K)), lower=True, check_finite=False)
                break
            except linalg.LinAlgError:
                continue
        else:
            raise ValueError("the kernel matrix is not positive definite even with jitter; "
                             "increase noise_floor.")
        self.alpha_ = linalg.cho_solve((self.L_, True), self.y_, check_finite=False)

    # -- predicting -------------------------------------------------------------------
    def predict(self, X, return_std=True, standardized=False):
        """Posterior mean and standard deviation of the latent function at ``X``.

        Parameters
        ----------
        X : array of shape (m, d)
        return_std : bool, default True
        standardized : bool, default False
            Return values in the model's standardised units instead of ``y``'s units.

        Returns
        -------
        mean : ndarray of shape (m,)
        sd : ndarray of shape (m,), only when ``return_std``
        """
        with single_threaded():
            return self._predict(np.atleast_2d(np.asarray(X, float)), return_std, standardized)

    def _predict(self, X, return_std, standardized):
        Ks = KERNELS[self.kernel](X, self.X_, self.lengthscales_, self.variance_)
        mean = Ks @ self.alpha_
        scale, shift = (1.0, 0.0) if standardized else (self.y_std_, self.y_mean_)
        if not return_std:
            return mean * scale + shift
        v = linalg.solve_triangular(self.L_, Ks.T, lower=True, check_finite=False)
        var = np.maximum(self.variance_ - np.einsum("ij,ij->j", v, v), 1e-12)
        return mean * scale + shift, np.sqrt(var) * scale

    def log_marginal_likelihood(self) -> float:
        """Log marginal likelihood of the (standardised) training outputs at the current hyperparameters."""
        return log_marginal_likelihood(self.X_, self.y_, self.lengthscales_, self.variance_, self.noise_,
                                       self.kernel)

    def sample(self, X, n_samples=1, seed=None, prior=False):
        """Draw functions from the posterior (or, with ``prior=True``, the prior) at points ``X``.

        Returns
        -------
        ndarray of shape (n_samples, m), in ``y``'s units.
        """
        with single_threaded():
            return self._sample(np.atleast_2d(np.asarray(X, float)), n_samples, seed, prior)

    def _sample(self, X, n_samples, seed, prior):
        rng = np.random.default_rng(seed)
        K = KERNELS[self.kernel](X, X, self.lengthscales_, self.variance_)
        if prior:
            mean = np.zeros(len(X))
        else:
            Ks = KERNELS[self.kernel](X, self.X_, self.lengthscales_, self.variance_)
            v = linalg.solve_triangular(self.L_, Ks.T, lower=True, check_finite=False)
            mean, K = Ks @ self.alpha_, K - v.T @ v
        L = np.linalg.cholesky(K + 1e-8 * self.variance_ * np.eye(len(X)))
        draws = mean + rng.standard_normal((n_samples, len(X))) @ L.T
        return draws * self.y_std_ + self.y_mean_
