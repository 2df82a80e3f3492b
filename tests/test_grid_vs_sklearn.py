"""hpolab's GridSearch and scikit-learn's GridSearchCV agree on a real task with the same folds."""

import numpy as np
from sklearn.model_selection import GridSearchCV

from hpolab import Float, GridSearch, Space
from hpolab.objectives import svc_breast_cancer


def test_grid_search_matches_gridsearchcv():
    objective = svc_breast_cancer()
    space = Space(C=Float(0.1, 100, log=True), gamma=Float(1e-4, 1e-2, log=True))
    history = GridSearch(space, n={"C": 4, "gamma": 3}).run(objective, progress=False)

    grid = {"svc__C": space["C"].grid(4), "svc__gamma": space["gamma"].grid(3)}
    sk = GridSearchCV(objective.estimator, grid, cv=objective.folds).fit(objective.X, objective.y)

    ours = {(t.config["C"], t.config["gamma"]): t.score for t in history}
    theirs = {(p["svc__C"], p["svc__gamma"]): s
              for p, s in zip(sk.cv_results_["params"], sk.cv_results_["mean_test_score"])}
    assert len(ours) == len(theirs) == 12 and ours.keys() == theirs.keys()
    np.testing.assert_allclose([ours[k] for k in theirs], list(theirs.values()), rtol=0, atol=1e-12)
    best = history.best().config
    assert {"svc__C": best["C"], "svc__gamma": best["gamma"]} == sk.best_params_
    assert history.best().score == sk.best_score_
    assert len(set(ours.values())) > 3  # the scores differ, so agreeing on them means something
