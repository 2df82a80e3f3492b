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
