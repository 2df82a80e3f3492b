"""Ready-made objectives: real models scored on bundled data sets, nothing downloaded.

An objective is a plain function ``objective(config) -> score`` (higher is better),
so any search method can use it. :class:`CVObjective` wraps a scikit-learn estimator:
it scores a configuration by cross-validation on *fixed* folds, so two methods (or
hpolab and scikit-learn's ``GridSearchCV``) that try the same configuration get
exactly the same score.
"""

from __future__ import annotations

from typing import Any, Mapping

from .space import Float, Space

__all__ = ["CVObjective", "svc_breast_cancer", "svc_digits"]


class CVObjective:
    """Mean cross-validated score of an estimator for a configuration.

    Parameters
    ----------
    estimator : scikit-learn estimator
        Cloned for every evaluation; the configuration is applied with ``set_params``.
    X, y : array-like
        The data.
    space : Space
        The suggested search space for this objective.
    cv : int, default 5
        Number of stratified folds, shuffled once with ``seed`` and then fixed.
    scoring : str, optional
        A scikit-learn scoring name; the estimator's ``score`` (accuracy) by default.
    param_names : mapping of str to str, optional
        Estimator parameter for each hyperparameter name, for example
        ``{"C": "svc__C"}`` inside a pipeline. Names not listed are used as they are.
    seed : int, default 0
        Fixes the folds.

    Attributes
    ----------
    folds : list of (train_indices, test_indices)
        The fixed folds; pass them as ``cv=objective.folds`` to scikit-learn.
    """

    def __init__(self, estimator, X, y, space: Space, cv: int = 5, scoring: str | None = None,
                 param_names: Mapping[str, str] | None = None, seed: int = 0):
        from sklearn.model_selection import StratifiedKFold

        self.estimator, self.X, self.y, self.space = estimator, X, y, space
        self.scoring = scoring
        self.param_names = dict(param_names or {})
        self.folds = list(StratifiedKFold(n_splits=cv, shuffle=True, random_state=seed).split(X, y))

    def estimator_params(self, config: Mapping[str, Any]) -> dict[str, Any]:
        """The configuration under the estimator's own parameter names."""
        return {self.param_names.get(k, k): v for k, v in config.items()}

    def fold_scores(self, config: Mapping[str, Any]):
        """Score on each fold, as a NumPy array."""
        from sklearn.base import clone
        from sklearn.model_selection import cross_val_score

        model = clone(self.estimator).set_params(**self.estimator_params(config))
        return cross_val_score(model, self.X, self.y, cv=self.folds, scoring=self.scoring)

    def __call__(self, config: Mapping[str, Any]) -> float:
        return float(self.fold_scores(config).mean())


def _svc_objective(X, y, cv: int, seed: int) -> CVObjective:
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.svm import SVC

    space = Space(C=Float(1e-2, 1e3, log=True), gamma=Float(1e-5, 1e1, log=True))
    return CVObjective(make_pipeline(StandardScaler(), SVC()), X, y, space, cv=cv,
                       param_names={"C": "svc__C", "gamma": "svc__gamma"}, seed=seed)


def svc_breast_cancer(cv: int = 5, seed: int = 0) -> CVObjective:
    """Accuracy of a support vector classifier (RBF kernel) on breast cancer, by C and gamma.

    569 samples, 30 standardised features; one configuration takes about 10 ms.

    Examples
    --------
    >>> objective = svc_breast_cancer()
    >>> round(objective({"C": 1.0, "gamma": 0.01}), 3)
    0.97
    """
    from sklearn.datasets import load_breast_cancer

    X, y = load_breast_cancer(return_X_y=True)
    return _svc_objective(X, y, cv, seed)


def svc_digits(n_samples: int = 600, cv: int = 3, seed: int = 0) -> CVObjective:
    """Accuracy of a support vector classifier (RBF kernel) on handwritten digits, by C and gamma.

    Uses the first ``n_samples`` of scikit-learn's 8x8 digits, so that a heatmap of many
    configurations stays quick.
    """
    from sklearn.datasets import load_digits

    X, y = load_digits(return_X_y=True)
    return _svc_objective(X[:n_samples], y[:n_samples], cv, seed)


# -- budget-aware objectives: objective(config, budget) -> score -----------------------------------

__all__ += ["EpochObjective", "mlp_digits_epochs", "mlp_space", "SubsampleObjective", "svc_digits_subsample"]


def _whole_budget(budget, what: str) -> int:
    if isinstance(budget, bool) or not float(budget).is_integer() or budget < 1:
        raise ValueError(f"the budget is a number of {what} and must be a whole number >= 1, got {budget!r}; "
                         "use a schedule whose budgets are whole (e.g. max_budget a power of eta).")
    return int(budget)


def _digits_validation_split(seed: int = 0):
    """Digits scaled to [0, 1]: the training part of ``load_digits_split`` split again, 70/30.

    The test part of ``load_digits_split`` is never touched by a search.
    """
    from sklearn.model_selection import train_test_split

    from .models import load_digits_split

    X_train, _, y_train, _ = load_digits_split(seed=seed)
    return train_test_split(X_train, y_train, test_size=0.3, random_state=seed, stratify=y_train)


class EpochObjective:
    """Validation accuracy of :class:`hpolab.models.MLPClassifier` after ``budget`` epochs.

    The budget is the number of epochs. When a configuration comes back with a larger
    budget (successive halving promoted it), training continues from the checkpoint of
    its longest earlier run, so only the extra epochs are trained, and
    ``last_budget_spent`` says how many that was. Continuing gives exactly the model that
    training from scratch for the total number of epochs would give (same seed).

    Parameters
    ----------
    X, y, X_val, y_val : ndarray
        Training and validation data.
    space : Space
        The suggested search space (the six classic hyperparameters).
    seed : int, default 0
        Seed of every network (initial weights and shuffling).
    checkpoints : bool, default True
        Keep each configuration's model to continue from; False always trains from scratch.

    Attributes
    ----------
    last_budget_spent : int or None
        Epochs actually trained by the latest call.
    total_budget_spent : int
        Epochs trained by all calls so far.
    """

    def __init__(self, X, y, X_val, y_val, space: Space, seed: int = 0, checkpoints: bool = True):
        self.X, self.y, self.X_val, self.y_val, self.space = X, y, X_val, y_val, space
        self.seed, self.checkpoints = seed, checkpoints
        self.models: dict[tuple, tuple[int, Any]] = {}  # config -> (epochs trained, model)
        self.last_budget_spent, self.total_budget_spent = None, 0

    def _new_model(self, config: Mapping[str, Any], epochs: int):
        from .models import MLPClassifier

        return MLPClassifier(**config, epochs=epochs, seed=self.seed)

    def model(self, config: Mapping[str, Any], budget) -> Any:
        """The network trained for ``budget`` epochs (continued from a checkpoint when there is one)."""
        epochs = _whole_budget(budget, "epochs")
        key = tuple(sorted(config.items()))
        done, model = self.models.get(key, (0, None))
        if model is None or done > epochs:
            done, model = epochs, self._new_model(config, epochs).fit(self.X, self.y, self.X_val, self.y_val)
            spent = epochs
        else:
            spent = epochs - done
            for _ in range(spent):
                model.partial_fit(self.X, self.y, X_val=self.X_val, y_val=self.y_val)
        if self.checkpoints and epochs >= self.models.get(key, (0, None))[0]:
            self.models[key] = (epochs, model)
        self.last_budget_spent = spent
        self.total_budget_spent += spent
        return model

    def __call__(self, config: Mapping[str, Any], budget) -> float:
        return float(self.model(config, budget).score(self.X_val, self.y_val))

    def learning_curve(self, config: Mapping[str, Any], epochs: int):
        """Validation accuracy after each of ``epochs`` epochs of one training run, as an array.

        A run that diverges stops early; its later entries repeat the score of the model it
        keeps (the last finite one), which is what ``objective(config, budget)`` returns.
        """
        import numpy as np

        model = self._new_model(config, _whole_budget(epochs, "epochs")).fit(self.X, self.y, self.X_val, self.y_val)
        curve = list(model.validation_score_curve_)
        final = model.score(self.X_val, self.y_val)
        return np.array(curve + [final] * (epochs - len(curve)), dtype=float)


def mlp_space() -> Space:
    """The six classic hyperparameters of :class:`hpolab.models.MLPClassifier`, with sensible ranges."""
    from .space import Int

    return Space(learning_rate=Float(1e-3, 1.0, log=True), decay=Float(0.0, 1.0),
                 hidden_layers=Int(1, 3), nodes=Int(8, 128, log=True),
                 batch_size=Int(16, 256, log=True), momentum=Float(0.0, 0.95))


def mlp_digits_epochs(seed: int = 0, checkpoints: bool = True) -> EpochObjective:
    """Validation accuracy on digits of the NumPy MLP trained for ``budget`` epochs.

    942 training and 405 validation images (the training part of
    :func:`hpolab.models.load_digits_split`); one epoch of a small network takes about 10-30 ms.

    Examples
    --------
    >>> objective = mlp_digits_epochs()
    >>> config = {"learning_rate": 0.1, "decay": 0.0, "hidden_layers": 1, "nodes": 16,
    ...           "batch_size": 64, "momentum": 0.5}
    >>> short, longer = objective(config, 3), objective(config, 9)
    >>> objective.last_budget_spent, longer > 0.9
    (6, True)
    """
    X, X_val, y, y_val = _digits_validation_split()
    return EpochObjective(X, y, X_val, y_val, mlp_space(), seed=seed, checkpoints=checkpoints)


class SubsampleObjective:
    """Validation score of a scikit-learn estimator trained on the first ``budget`` training samples.

    Parameters
    ----------
    estimator : scikit-learn estimator
        Cloned for every evaluation; the configuration is applied with ``set_params``.
    X, y, X_val, y_val : ndarray
        Training data (already shuffled: the first ``budget`` rows are used) and validation data.
    space : Space
        The suggested search space.
    param_names : mapping of str to str, optional
        Estimator parameter for each hyperparameter name.

    Attributes
    ----------
    max_budget : int
        The number of training samples, the largest possible budget.
    last_budget_spent : int or None
        Samples used by the latest call (there is no checkpoint: always the whole budget).
    """

    def __init__(self, estimator, X, y, X_val, y_val, space: Space, param_names: Mapping[str, str] | None = None):
        self.estimator, self.X, self.y, self.X_val, self.y_val = estimator, X, y, X_val, y_val
        self.space, self.param_names = space, dict(param_names or {})
        self.max_budget, self.last_budget_spent = len(X), None

    def __call__(self, config: Mapping[str, Any], budget) -> float:
        from sklearn.base import clone

        n = _whole_budget(budget, "training samples")
        if n > self.max_budget:
            raise ValueError(f"budget {n} exceeds the {self.max_budget} training samples; "
                             f"use max_budget={self.max_budget} or less.")
        params = {self.param_names.get(k, k): v for k, v in config.items()}
        model = clone(self.estimator).set_params(**params).fit(self.X[:n], self.y[:n])
        self.last_budget_spent = n
        return float(model.score(self.X_val, self.y_val))


def svc_digits_subsample(seed: int = 0) -> SubsampleObjective:
    """Validation accuracy on digits of an RBF support vector classifier trained on ``budget`` images.

    Budgets go up to 942 (the training images, in a fixed shuffled order); C and gamma are
    searched on log scales.

    Examples
    --------
    >>> objective = svc_digits_subsample()
    >>> small, full = objective({"C": 10.0, "gamma": 0.03}, 50), objective({"C": 10.0, "gamma": 0.03}, 900)
    >>> small < full
    True
    """
    from sklearn.svm import SVC

    X, X_val, y, y_val = _digits_validation_split(seed)
    space = Space(C=Float(1e-2, 1e3, log=True), gamma=Float(1e-4, 1e1, log=True))
    return SubsampleObjective(SVC(), X, y, X_val, y_val, space)
