"""The Gaussian process: posterior, marginal likelihood, fitting, and awkward data."""

import numpy as np
import pytest
from scipy.optimize import approx_fprime
from scipy.stats import multivariate_normal

from hpolab.gp import KERNELS, GaussianProcess, log_marginal_likelihood, matern52_kernel, rbf_kernel


@pytest.fixture
def data():
    rng = np.random.default_rng(0)
    X = rng.random((15, 2))
    return X, np.sin(6 * X[:, 0]) + X[:, 1] ** 2


@pytest.mark.parametrize("kernel", ["rbf", "matern52"])
def test_posterior_interpolates_noise_free_data(data, kernel):
    X, y = data
    gp = GaussianProcess(kernel, lengthscale=0.3, variance=1.0, noise=1e-10).fit(X, y)
    mean, sd = gp.predict(X)
    np.testing.assert_allclose(mean, y, atol=1e-4)
    assert sd.max() < 1e-3


@pytest.mark.parametrize("kernel", ["rbf", "matern52"])
def test_posterior_reverts_to_prior_far_away(data, kernel):
    X, y = data
    gp = GaussianProcess(kernel, lengthscale=0.1, variance=1.0, noise=1e-6).fit(X, y)
    mean, sd = gp.predict([[50.0, 50.0]])
    # prior mean is the data mean, prior sd the signal sd (both in y's units)
    assert mean[0] == pytest.approx(y.mean(), abs=1e-8)
    assert sd[0] == pytest.approx(y.std(), rel=1e-6)


@pytest.mark.parametrize("kernel", ["rbf", "matern52"])
def test_log_marginal_likelihood_matches_direct_computation(data, kernel):
    X, y = data
    lengthscales, variance, noise = np.array([0.3, 0.7]), 1.7, 0.05
    K = KERNELS[kernel](X, X, lengthscales, variance) + noise * np.eye(len(X))
    expected = multivariate_normal(np.zeros(len(X)), K).logpdf(y)
    assert log_marginal_likelihood(X, y, lengthscales, variance, noise, kernel) == pytest.approx(expected, rel=1e-10)


@pytest.mark.parametrize("kernel", ["rbf", "matern52"])
def test_log_marginal_likelihood_gradient_matches_finite_differences(data, kernel):
    X, y = data
    theta = np.log([0.3, 0.7, 1.7, 0.05])

    def value(t):
        return log_marginal_likelihood(X, y, np.exp(t[:2]), np.exp(t[2]), np.exp(t[3]), kernel)

    _, grad = log_marginal_likelihood(X, y, np.exp(theta[:2]), np.exp(theta[2]), np.exp(theta[3]), kernel,
                                      gradient=True)
    np.testing.assert_allclose(grad, approx_fprime(theta, value, 1e-7), rtol=1e-4, atol=1e-5)


def test_kernels_match_closed_forms():
    assert rbf_kernel([[0.0]], [[2.0]], 2.0)[0, 0] == pytest.approx(np.exp(-0.5))
    r = np.sqrt(5.0) * 0.5
    assert matern52_kernel([[0.0, 0.0]], [[1.0, 0.0]], [2.0, 1.0], 3.0)[0, 0] == \
        pytest.approx(3.0 * (1 + r + r * r / 3) * np.exp(-r))


def test_fit_improves_likelihood_and_finds_irrelevant_dimension():
    rng = np.random.default_rng(1)
    X = rng.random((30, 2))
    y = np.sin(8 * X[:, 0])  # the second input does not matter
    gp = GaussianProcess(seed=0).fit(X, y)
    fixed = GaussianProcess(lengthscale=[0.3, 0.3], variance=1.0, noise=1e-3).fit(X, y)
    assert gp.log_marginal_likelihood() > fixed.log_marginal_likelihood()
    assert gp.lengthscales_[1] > 3 * gp.lengthscales_[0]


def test_duplicate_points_and_flat_data_are_safe():
    X = np.array([[0.5], [0.5], [0.5], [0.2]])
    mean, sd = GaussianProcess(seed=0).fit(X, [1.0, 1.0, 1.0, 0.0]).predict([[0.5]])
    assert mean[0] == pytest.approx(1.0, abs=1e-3) and np.isfinite(sd).all()
    mean, sd = GaussianProcess(seed=0).fit(X, [2.0, 2.0, 2.0, 2.0]).predict([[0.5], [0.9]])
    np.testing.assert_allclose(mean, 2.0)
    assert np.isfinite(sd).all()


def test_without_data_the_posterior_is_the_prior():
    gp = GaussianProcess(lengthscale=0.2, variance=1.0, noise=1e-6).fit(np.empty((0, 1)), [])
    mean, sd = gp.predict([[0.1], [0.7]])
    np.testing.assert_allclose(mean, 0.0)
    np.testing.assert_allclose(sd, 1.0)
    draws = gp.sample(np.linspace(0, 1, 50)[:, None], n_samples=400, seed=0, prior=True)
    assert draws.shape == (400, 50)
    assert draws.std() == pytest.approx(1.0, abs=0.1)


def test_posterior_samples_pass_through_noise_free_data(data):
    X, y = data
    gp = GaussianProcess(lengthscale=0.3, variance=1.0, noise=1e-10).fit(X, y)
    draws = gp.sample(X[:3], n_samples=5, seed=0)
    np.testing.assert_allclose(draws, np.tile(y[:3], (5, 1)), atol=1e-2)


def test_bad_input_gets_clear_errors():
    with pytest.raises(ValueError, match="kernel"):
        GaussianProcess("cubic")
    with pytest.raises(ValueError, match="positive"):
        GaussianProcess(lengthscale=-1.0)
    with pytest.raises(ValueError, match="one output per input"):
        GaussianProcess().fit(np.zeros((3, 1)), [1.0, 2.0])
    with pytest.raises(ValueError, match="NaN"):
        GaussianProcess().fit(np.zeros((2, 1)), [1.0, np.nan])
