"""A small NumPy neural network whose six classic hyperparameters you can see and set.

:class:`MLPClassifier` is a multi-layer perceptron for classification with the
scikit-learn estimator API, so it works in ``cross_val_score``, ``GridSearchCV`` and
every hpolab search. Its *parameters* (weights and biases) are learned by mini-batch
stochastic gradient descent; its *hyperparameters* are fixed before training:

=================  =============================================================
``learning_rate``  size of each update step (the factor in front of the gradient)
``decay``          how the step size shrinks: in epoch ``t`` (counting from 0) the
                   step size is ``learning_rate / (1 + decay * t)``
``hidden_layers``  number of hidden layers (0 gives softmax regression)
``nodes``          units in each hidden layer
``batch_size``     number of examples averaged into each gradient (one update)
``momentum``       fraction of the previous update carried into the next one
=================  =============================================================

Hidden units use ReLU, the output layer is a softmax, the loss is the mean
cross-entropy, weights start from He initialisation (normal, standard deviation
``sqrt(2 / fan_in)``) and biases at zero. Scaling the inputs is the caller's job
(divide digits by 16, or put a ``StandardScaler`` in a pipeline).

Run ``python -m hpolab.models`` to print the accuracy and fit time on digits.
"""

from __future__ import annotations

import numbers
import time

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.validation import check_array, check_is_fitted, check_X_y
from threadpoolctl import ThreadpoolController

__all__ = ["HYPERPARAMETERS", "MLPClassifier", "load_digits_split"]

#: The six classic hyperparameters, in the order the lessons list them.
HYPERPARAMETERS = ("learning_rate", "decay", "hidden_layers", "nodes", "batch_size", "momentum")

# The matrices here are small: one BLAS thread is several times faster than many
# (no thread start-up per product) and makes results independent of the machine's cores.
_THREADPOOLS = ThreadpoolController()


def _check_number(name, value, kind, low, high=np.inf, low_open=False, high_open=False, hint=""):
    """Raise a ValueError naming the valid range unless ``low <= value <= high``."""
    is_kind = isinstance(value, kind) and not isinstance(value, bool)
    finite = is_kind and np.isfinite(value)
    above = finite and (value > low if low_open else value >= low)
    below = finite and (value < high if high_open else value <= high)
    if not (above and below):
        left, right = "(" if low_open else "[", ")" if high_open or high == np.inf else "]"
        what = "an integer" if kind is numbers.Integral else "a number"
        raise ValueError(f"{name} must be {what} in {left}{low}, {high}{right}; got {value!r}.{hint}")


class MLPClassifier(ClassifierMixin, BaseEstimator):
    """Multi-layer perceptron classifier trained by mini-batch SGD with momentum.

    Parameters
    ----------
    learning_rate : float, default 0.05
        Size of each update step, in (0, inf). Too small learns slowly; too large
        overshoots and can diverge (see ``diverged_``).
    decay : float, default 0.0
        Learning-rate decay, in [0, inf): epoch ``t`` (0, 1, 2, ...) uses the step size
        ``learning_rate / (1 + decay * t)``. 0 keeps the step size constant.
    hidden_layers : int, default 1
        Number of hidden layers, in [0, inf).
    nodes : int, default 64
        Units per hidden layer, in [1, inf).
    batch_size : int, default 32
        Examples averaged per update, in [1, inf); clipped to the number of samples.
    momentum : float, default 0.9
        Classical momentum, in [0, 1): ``velocity = momentum * velocity - step * gradient``,
        then ``weights += velocity``.
    epochs : int, default 20
        Passes over the training data made by :meth:`fit`, in [1, inf).
    seed : int or None, default 0
        Seeds the initial weights and the shuffling. The same seed gives the same weights,
        bit for bit; None gives fresh randomness.

    Attributes
    ----------
    classes_ : ndarray
        The class labels.
    coefs_, intercepts_ : list of ndarray
        The parameters: weight matrix and bias vector of each layer.
    n_epochs_ : int
        Epochs trained so far (:meth:`partial_fit` adds one).
    loss_curve_ : list of float
        Training loss (mean cross-entropy on the whole training set) after each epoch.
    train_score_curve_ : list of float
        Training accuracy after each epoch.
    validation_loss_curve_, validation_score_curve_ : list of float
        Loss and accuracy on ``(X_val, y_val)`` after each epoch; NaN for epochs trained
        without validation data.
    weight_history_ : list of list of ndarray
        Copies of ``coefs_``, one per epoch, when trained with ``record_weights=True``;
        the first entry is the starting point (the initial weights).
    diverged_ : bool
        True if training blew up (step size too large): the training loss after an epoch
        was NaN, infinite, or more than ten times the loss of a uniform guess,
        ``10 * log(n_classes)``. Training stopped at that epoch (it is not recorded), the
        parameters were put back to those before it, and predictions still work.

    Examples
    --------
    >>> from hpolab.models import MLPClassifier, load_digits_split
    >>> X_train, X_test, y_train, y_test = load_digits_split()  # pixels scaled to [0, 1]
    >>> net = MLPClassifier(seed=0).fit(X_train, y_train)
    >>> net.score(X_test, y_test) > 0.95
    True

    With unscaled data, standardise inside a pipeline:

    >>> from sklearn.pipeline import make_pipeline
    >>> from sklearn.preprocessing import StandardScaler
    >>> model = make_pipeline(StandardScaler(), MLPClassifier(learning_rate=0.01))
    """

    def __init__(self, learning_rate=0.05, decay=0.0, hidden_layers=1, nodes=64, batch_size=32,
                 momentum=0.9, epochs=20, seed=0):
        self.learning_rate = learning_rate
        self.decay = decay
        self.hidden_layers = hidden_layers
        self.nodes = nodes
        self.batch_size = batch_size
        self.momentum = momentum
        self.epochs = epochs
        self.seed = seed

    # -- training -------------------------------------------------------------------
    def fit(self, X, y, X_val=None, y_val=None, record_weights=False):
        """Train from fresh weights for ``epochs`` epochs.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
        y : array-like of shape (n_samples,)
        X_val, y_val : array-like, optional
            Validation data, scored after every epoch.
        record_weights : bool, default False
            Keep a copy of the weights after every epoch in ``weight_history_``.

        Returns
        -------
        self
        """
        self._validate_hyperparameters()
        X, y = check_X_y(X, y, dtype=np.float64)
        self._initialize(X, y, np.unique(y), record_weights)
        validation, y_index = self._check_validation(X_val, y_val), self._encode(y)
        with _THREADPOOLS.limit(limits=1, user_api="blas"):
            for _ in range(self.epochs):
                if self.diverged_:
                    break
                self._train_epoch(X, y_index, validation, record_weights)
        return self

    def partial_fit(self, X, y, classes=None, X_val=None, y_val=None, record_weights=False):
        """Train for one more epoch, continuing where training stopped.

        The shuffling and the epoch counter (which sets the decayed step size) continue,
        so ``fit`` with ``epochs=N`` followed by ``M`` calls to ``partial_fit`` gives the
        same model as ``fit`` with ``epochs=N + M``. The first call starts from fresh
        weights. A model that has diverged is left as it is.

        Parameters
        ----------
        X, y : array-like
            The training data (the whole set: one call is one epoch).
        classes : array-like, optional
            All class labels; by default the labels present in the first ``y``.
        X_val, y_val : array-like, optional
            Validation data scored after the epoch.
        record_weights : bool, default False
            Append a copy of the weights to ``weight_history_``.

        Returns
        -------
        self
        """
        X, y = check_X_y(X, y, dtype=np.float64)
        if not hasattr(self, "coefs_"):
            self._validate_hyperparameters()
            self._initialize(X, y, np.unique(y if classes is None else classes), record_weights)
        elif X.shape[1] != self.n_features_in_:
            raise ValueError(f"X has {X.shape[1]} features but the network was built for "
                             f"{self.n_features_in_}; pass data with the same columns.")
        if not self.diverged_:
            with _THREADPOOLS.limit(limits=1, user_api="blas"):
                self._train_epoch(X, self._encode(y), self._check_validation(X_val, y_val), record_weights)
        return self

    def _validate_hyperparameters(self):
        real, integer = numbers.Real, numbers.Integral
        _check_number("learning_rate", self.learning_rate, real, 0, low_open=True,
                      hint=" Typical values lie between 1e-4 and 1.")
        _check_number("decay", self.decay, real, 0, hint=" 0 means no decay.")
        _check_number("hidden_layers", self.hidden_layers, integer, 0)
        _check_number("nodes", self.nodes, integer, 1)
        _check_number("batch_size", self.batch_size, integer, 1)
        _check_number("momentum", self.momentum, real, 0, 1, high_open=True, hint=" 0 means no momentum.")
        _check_number("epochs", self.epochs, integer, 1)
        if self.seed is not None and (not isinstance(self.seed, numbers.Integral) or isinstance(self.seed, bool)):
            raise ValueError(f"seed must be an integer or None; got {self.seed!r}.")

    def _initialize(self, X, y, classes, record_weights):
        self.classes_ = np.asarray(classes)
        if len(self.classes_) < 2:
            raise ValueError(f"Need at least 2 classes to classify; got {list(self.classes_)}.")
        self.n_features_in_ = X.shape[1]
        self._rng = np.random.default_rng(self.seed)
        sizes = [X.shape[1]] + [self.nodes] * self.hidden_layers + [len(self.classes_)]
        self.coefs_ = [self._rng.normal(0.0, np.sqrt(2.0 / fan_in), (fan_in, fan_out))
                       for fan_in, fan_out in zip(sizes[:-1], sizes[1:])]
        self.intercepts_ = [np.zeros(fan_out) for fan_out in sizes[1:]]
        self._velocities = [np.zeros_like(p) for p in self.coefs_ + self.intercepts_]
        self.n_epochs_, self.diverged_ = 0, False
        self.loss_curve_, self.train_score_curve_ = [], []
        self.validation_loss_curve_, self.validation_score_curve_ = [], []
        self.weight_history_ = [[w.copy() for w in self.coefs_]] if record_weights else []

    def _encode(self, y):
        """Class labels -> indices 0..n_classes-1, refusing labels not seen at the start."""
        index = np.searchsorted(self.classes_, y)
        index = np.clip(index, 0, len(self.classes_) - 1)
        if not np.array_equal(self.classes_[index], y):
            unknown = sorted(set(np.asarray(y).tolist()) - set(self.classes_.tolist()))
            raise ValueError(f"y has labels {unknown} not among classes_ {self.classes_.tolist()}; "
                             "pass every label with classes= on the first partial_fit.")
        return index

    def _check_validation(self, X_val, y_val):
        if X_val is None and y_val is None:
            return None
        if X_val is None or y_val is None:
            raise ValueError("Pass both X_val and y_val, or neither.")
        X_val, y_val = check_X_y(X_val, y_val, dtype=np.float64)
        return X_val, self._encode(y_val)

    def _train_epoch(self, X, y_index, validation, record_weights):
        """One pass of mini-batch SGD with momentum over shuffled data, then bookkeeping."""
        step = self.learning_rate / (1.0 + self.decay * self.n_epochs_)
        params = self.coefs_ + self.intercepts_
        before = [p.copy() for p in params]
        order = self._rng.permutation(len(X))
        batch = min(self.batch_size, len(X))
        with np.errstate(all="ignore"):
            for start in range(0, len(X), batch):
                rows = order[start:start + batch]
                grads = self._gradients(X[rows], y_index[rows])
                for p, v, g in zip(params, self._velocities, grads):
                    v *= self.momentum
                    v -= step * g
                    p += v
            loss, accuracy = self._loss_and_accuracy(X, y_index)
        # Blown up: NaN or infinite numbers, or a loss ten times that of a uniform guess.
        if not loss <= 10 * np.log(len(self.classes_)) or not all(np.isfinite(p).all() for p in params):
            self.diverged_ = True
            for p, old in zip(params, before):
                p[...] = old
            return
        self.n_epochs_ += 1
        self.loss_curve_.append(loss)
        self.train_score_curve_.append(accuracy)
        val_loss, val_accuracy = self._loss_and_accuracy(*validation) if validation else (np.nan, np.nan)
        self.validation_loss_curve_.append(val_loss)
        self.validation_score_curve_.append(val_accuracy)
        if record_weights:
            self.weight_history_.append([w.copy() for w in self.coefs_])

    def _forward(self, X):
        """Activations of every layer, ending with the softmax output, and its logarithm."""
        activations = [X]
        for W, b in zip(self.coefs_[:-1], self.intercepts_[:-1]):
            activations.append(np.maximum(activations[-1] @ W + b, 0.0))
        logits = activations[-1] @ self.coefs_[-1] + self.intercepts_[-1]
        logits -= logits.max(axis=1, keepdims=True)  # stable: the largest logit becomes 0
        log_proba = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        activations.append(np.exp(log_proba))
        return activations, log_proba

    def _gradients(self, X, y_index):
        """Gradients of the mean cross-entropy: weights first, then biases (backpropagation)."""
        activations, _ = self._forward(X)
        delta = activations[-1].copy()
        delta[np.arange(len(X)), y_index] -= 1.0
        delta /= len(X)
        weight_grads, bias_grads = [], []
        for layer in range(len(self.coefs_) - 1, -1, -1):
            weight_grads.append(activations[layer].T @ delta)
            bias_grads.append(delta.sum(axis=0))
            if layer > 0:
                delta = (delta @ self.coefs_[layer].T) * (activations[layer] > 0)
        return weight_grads[::-1] + bias_grads[::-1]

    def _loss_and_accuracy(self, X, y_index):
        _, log_proba = self._forward(X)
        loss = float(-np.mean(log_proba[np.arange(len(X)), y_index]))
        return loss, float(np.mean(log_proba.argmax(axis=1) == y_index))

    # -- prediction -----------------------------------------------------------------
    def predict_proba(self, X):
        """Class probabilities, shape (n_samples, n_classes), columns in ``classes_`` order."""
        check_is_fitted(self, "coefs_")
        X = check_array(X, dtype=np.float64)
        if X.shape[1] != self.n_features_in_:
            raise ValueError(f"X has {X.shape[1]} features; the network expects {self.n_features_in_}.")
        with np.errstate(all="ignore"), _THREADPOOLS.limit(limits=1, user_api="blas"):
            return self._forward(X)[0][-1]

    def predict(self, X):
        """The most probable class label for each row of X."""
        return self.classes_[self.predict_proba(X).argmax(axis=1)]


def load_digits_split(test_size: float = 0.25, seed: int = 0):
    """scikit-learn's digits, pixels scaled to [0, 1], split into stratified train and test sets.

    Parameters
    ----------
    test_size : float, default 0.25
        Fraction held out for testing.
    seed : int, default 0
        Fixes the split.

    Returns
    -------
    X_train, X_test, y_train, y_test : ndarray
    """
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    X, y = load_digits(return_X_y=True)
    return train_test_split(X / 16.0, y, test_size=test_size, random_state=seed, stratify=y)


def main() -> None:
    """Print test accuracy and fit time of the default network on digits, for a few seeds."""
    X_train, X_test, y_train, y_test = load_digits_split()
    print(f"digits: {len(X_train)} training and {len(X_test)} test images; default MLPClassifier")
    print(f"{'seed':>4}  {'test accuracy':>13}  {'fit time (s)':>12}")
    for seed in range(3):
        start = time.perf_counter()
        net = MLPClassifier(seed=seed).fit(X_train, y_train)
        seconds = time.perf_counter() - start
        print(f"{seed:>4}  {net.score(X_test, y_test):>13.4f}  {seconds:>12.3f}")


if __name__ == "__main__":
    main()
