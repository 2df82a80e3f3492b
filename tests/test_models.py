"""Tests of hpolab.models.MLPClassifier: accuracy, scikit-learn API, warm starts, errors."""

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV, cross_val_score

from hpolab.models import HYPERPARAMETERS, MLPClassifier, load_digits_split


@pytest.fixture(scope="module")
def digits():
    return load_digits_split()


@pytest.fixture(scope="module")
def small(digits):
    X_train, X_test, y_train, y_test = digits
    return X_train[:300], X_test[:100], y_train[:300], y_test[:100]


def same_weights(a, b):
    return all(np.array_equal(x, y) for x, y in zip(a.coefs_ + a.intercepts_, b.coefs_ + b.intercepts_))


def test_defaults_reach_95_percent_on_digits(digits):
    X_train, X_test, y_train, y_test = digits
    for seed in (0, 1):
        assert MLPClassifier(seed=seed).fit(X_train, y_train).score(X_test, y_test) >= 0.95


def test_shapes_and_probabilities(small):
    X_train, X_test, y_train, _ = small
    net = MLPClassifier(hidden_layers=2, nodes=16, epochs=2).fit(X_train, y_train)
    assert [w.shape for w in net.coefs_] == [(64, 16), (16, 16), (16, 10)]
    proba = net.predict_proba(X_test)
    assert proba.shape == (len(X_test), 10)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert set(net.predict(X_test)) <= set(net.classes_)


def test_string_labels_and_zero_hidden_layers(small):
    X_train, _, y_train, _ = small
    labels = np.array(["even", "odd"])[y_train % 2]
    net = MLPClassifier(hidden_layers=0, epochs=3).fit(X_train, labels)
    assert len(net.coefs_) == 1
    assert set(net.predict(X_train)) <= {"even", "odd"}
    assert net.score(X_train, labels) > 0.7


def test_sklearn_clone_and_params():
    net = MLPClassifier(learning_rate=0.3, nodes=7)
    params = net.get_params()
    assert set(params) == set(HYPERPARAMETERS) | {"epochs", "seed"}
    assert HYPERPARAMETERS == ("learning_rate", "decay", "hidden_layers", "nodes", "batch_size", "momentum")
    copy = clone(net)
    assert copy.get_params() == params and copy is not net
    assert net.set_params(momentum=0.5) is net and net.momentum == 0.5


def test_cross_val_score_and_grid_search(small):
    X_train, _, y_train, _ = small
    scores = cross_val_score(MLPClassifier(epochs=3), X_train, y_train, cv=3)
    assert scores.shape == (3,) and np.all(scores > 0.5)
    grid = GridSearchCV(MLPClassifier(epochs=3), {"learning_rate": [1e-4, 0.05]}, cv=3).fit(X_train, y_train)
    assert grid.best_params_ == {"learning_rate": 0.05}
    assert grid.cv_results_["mean_test_score"][0] < grid.cv_results_["mean_test_score"][1]


def test_same_seed_same_weights_bit_for_bit(small):
    X_train, _, y_train, _ = small
    a = MLPClassifier(epochs=3, seed=7).fit(X_train, y_train)
    b = MLPClassifier(epochs=3, seed=7).fit(X_train, y_train)
    c = MLPClassifier(epochs=3, seed=8).fit(X_train, y_train)
    assert same_weights(a, b) and a.loss_curve_ == b.loss_curve_
    assert not same_weights(a, c)


@pytest.mark.parametrize("decay", [0.0, 0.5])
def test_partial_fit_continues_exactly_like_a_longer_fit(small, decay):
    X_train, X_test, y_train, y_test = small
    kwargs = dict(decay=decay, batch_size=20, seed=3)
    long = MLPClassifier(epochs=5, **kwargs).fit(X_train, y_train, X_test, y_test)
    warm = MLPClassifier(epochs=2, **kwargs).fit(X_train, y_train, X_test, y_test)
    for _ in range(3):
        warm.partial_fit(X_train, y_train, X_val=X_test, y_val=y_test)
    assert warm.n_epochs_ == 5
    assert same_weights(long, warm)
    assert warm.loss_curve_ == long.loss_curve_
    assert warm.validation_score_curve_ == long.validation_score_curve_


def test_partial_fit_as_first_call(small):
    X_train, _, y_train, _ = small
    stepped = MLPClassifier(epochs=2, seed=1)
    stepped.partial_fit(X_train, y_train, classes=np.arange(10))
    stepped.partial_fit(X_train, y_train)
    assert same_weights(stepped, MLPClassifier(epochs=2, seed=1).fit(X_train, y_train))
    with pytest.raises(ValueError, match="not among classes_"):
        MLPClassifier().partial_fit(X_train[:5], [0, 1, 0, 1, 0]).partial_fit(X_train[:5], [0, 1, 2, 1, 0])


def test_fit_starts_again_from_scratch(small):
    X_train, _, y_train, _ = small
    net = MLPClassifier(epochs=2).fit(X_train, y_train)
    net.partial_fit(X_train, y_train)
    net.fit(X_train, y_train)
    assert net.n_epochs_ == 2 and same_weights(net, MLPClassifier(epochs=2).fit(X_train, y_train))


def test_loss_recorded_per_epoch_and_falls(small):
    X_train, X_test, y_train, y_test = small
    net = MLPClassifier(epochs=6).fit(X_train, y_train, X_val=X_test, y_val=y_test)
    assert len(net.loss_curve_) == len(net.validation_loss_curve_) == len(net.validation_score_curve_) == 6
    assert net.loss_curve_[-1] < net.loss_curve_[0] / 2
    assert net.validation_score_curve_[-1] == pytest.approx(net.score(X_test, y_test))
    net.partial_fit(X_train, y_train)  # no validation data: NaN keeps the curves aligned by epoch
    assert np.isnan(net.validation_score_curve_[-1]) and len(net.loss_curve_) == 7


def test_weight_history(small):
    X_train, _, y_train, _ = small
    net = MLPClassifier(epochs=3, nodes=8).fit(X_train, y_train, record_weights=True)
    assert len(net.weight_history_) == 4  # the initial weights, then one snapshot per epoch
    assert not np.array_equal(net.weight_history_[0][0], net.weight_history_[1][0])
    assert all(np.array_equal(a, b) for a, b in zip(net.weight_history_[-1], net.coefs_))
    assert MLPClassifier(epochs=3).fit(X_train, y_train).weight_history_ == []


def test_decay_shrinks_the_step(small):
    X_train, _, y_train, _ = small
    start = MLPClassifier(epochs=1, seed=0).fit(X_train, y_train, record_weights=True)
    moves = {}
    for decay in (0.0, 100.0):
        net = MLPClassifier(epochs=3, decay=decay, momentum=0.0, seed=0).fit(X_train, y_train, record_weights=True)
        history = net.weight_history_
        moves[decay] = np.abs(history[3][0] - history[2][0]).sum()
        assert np.array_equal(history[0][0], start.weight_history_[0][0])
    assert moves[100.0] < moves[0.0] / 20


@pytest.mark.parametrize("name, value, words", [
    ("learning_rate", 0.0, r"learning_rate must be a number in \(0, inf\)"),
    ("learning_rate", float("nan"), "learning_rate"),
    ("decay", -1.0, r"decay must be a number in \[0, inf\)"),
    ("hidden_layers", -1, r"hidden_layers must be an integer in \[0, inf\)"),
    ("hidden_layers", 1.5, "hidden_layers must be an integer"),
    ("nodes", 0, r"nodes must be an integer in \[1, inf\)"),
    ("batch_size", 0, r"batch_size must be an integer in \[1, inf\)"),
    ("momentum", 1.0, r"momentum must be a number in \[0, 1\)"),
    ("epochs", 0, r"epochs must be an integer in \[1, inf\)"),
    ("seed", "zero", "seed must be an integer or None"),
])
def test_bad_hyperparameters_raise_naming_the_range(small, name, value, words):
    X_train, _, y_train, _ = small
    net = MLPClassifier(**{name: value})  # __init__ only stores
    with pytest.raises(ValueError, match=words):
        net.fit(X_train, y_train)


def test_other_bad_input(small):
    X_train, X_test, y_train, y_test = small
    with pytest.raises(ValueError, match="both X_val and y_val"):
        MLPClassifier().fit(X_train, y_train, X_val=X_test)
    with pytest.raises(ValueError, match="at least 2 classes"):
        MLPClassifier().fit(X_train[:3], [1, 1, 1])
    net = MLPClassifier(epochs=1).fit(X_train, y_train)
    with pytest.raises(ValueError, match="expects 64"):
        net.predict(X_test[:, :10])


def test_divergence_is_flagged_not_a_crash(small):
    X_train, X_test, y_train, y_test = small
    net = MLPClassifier(learning_rate=1e6, epochs=5).fit(X_train, y_train, X_test, y_test)
    assert net.diverged_ and net.n_epochs_ == 0 and net.loss_curve_ == []
    assert all(np.isfinite(w).all() for w in net.coefs_)
    proba = net.predict_proba(X_test)
    assert np.isfinite(proba).all() and 0 <= net.score(X_test, y_test) <= 1
    net.partial_fit(X_train, y_train)  # stays stopped
    assert net.n_epochs_ == 0
    assert not MLPClassifier(epochs=2).fit(X_train, y_train).diverged_
