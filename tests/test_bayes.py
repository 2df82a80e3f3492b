"""Bayesian optimization: finds optima, handles ints, categoricals, failures and pending trials."""

import numpy as np
import pytest

from hpolab import BayesianOptimization, Categorical, Float, Int, Space
from hpolab.benchmarks.functions import branin, forrester, get_function, hartmann3, hartmann6, rosenbrock


def test_finds_branin_minimum_within_001():
    f = branin()
    search = BayesianOptimization(f.space, direction="minimize", seed=0)
    history = search.run(f, n_trials=50, progress=False)
    assert f.regret(history.best().score) < 0.01
    assert search.model is not None and search.model.X_.shape == (49, 2)


def test_beats_random_search_on_forrester_quickly():
    from hpolab import RandomSearch

    f = forrester()
    bo = BayesianOptimization(f.space, direction="minimize", seed=0).run(f, n_trials=15, progress=False)
    rs = RandomSearch(f.space, direction="minimize", seed=0).run(f, n_trials=15, progress=False)
    assert f.regret(bo.best().score) < 1e-3 < f.regret(rs.best().score)


def test_maximize_is_the_default_direction():
    space = Space(x=Float(0, 1))
    search = BayesianOptimization(space, seed=0, n_initial=4)
    history = search.run(lambda c: -(c["x"] - 0.3) ** 2, n_trials=12, progress=False)
    assert history.best().config["x"] == pytest.approx(0.3, abs=0.01)


def test_initial_design_is_sobol_and_reproducible():
    space = Space(a=Float(0, 1), b=Float(1e-3, 1, log=True))
    runs = []
    for _ in range(2):
        search = BayesianOptimization(space, seed=3)
        runs.append([search.ask().config for _ in range(5)])
        assert [t.info["phase"] for t in search.pending.values()] == ["initial"] * 5
    assert runs[0] == runs[1]
    assert search.n_initial == 5


def test_integer_and_categorical_dimensions():
    space = Space(n=Int(1, 20), kind=Categorical(["a", "b", "c"]), x=Float(-1, 1))
    bonus = {"a": 0.0, "b": 1.0, "c": 0.3}

    def objective(config):
        assert isinstance(config["n"], int) and config["kind"] in bonus
        return -((config["n"] - 13) ** 2) / 20 + bonus[config["kind"]] - config["x"] ** 2

    search = BayesianOptimization(space, seed=0)
    history = search.run(objective, n_trials=30, progress=False)
    best = history.best().config
    assert best["n"] == 13 and best["kind"] == "b" and abs(best["x"]) < 0.1
    keys = [(t.config["n"], t.config["kind"], t.config["x"]) for t in history]
    assert len(set(keys)) == len(keys)


def test_small_discrete_space_never_repeats_until_exhausted():
    space = Space(n=Int(1, 4), kind=Categorical(["a", "b"]))
    search = BayesianOptimization(space, seed=0, n_initial=3)
    history = search.run(lambda c: c["n"] + (c["kind"] == "b"), n_trials=8, progress=False)
    assert len({(t.config["n"], t.config["kind"]) for t in history}) == 8


def test_failed_trials_are_left_out_of_the_model():
    space = Space(x=Float(0, 1), y=Float(0, 1))

    def objective(config):
        if config["x"] > 0.8:
            raise RuntimeError("diverged")
        return -((config["x"] - 0.5) ** 2 + (config["y"] - 0.5) ** 2)

    search = BayesianOptimization(space, seed=0)
    with pytest.warns(UserWarning, match="failed"):
        history = search.run(objective, n_trials=25, progress=False)
    assert history.failed and len(history) == 25
    assert search.model.X_.shape[0] <= len(history.ok) < len(history)
    assert history.best().score > -0.01
    keys = [tuple(t.config.values()) for t in history]
    assert len(set(keys)) == len(keys)


def test_all_initial_trials_failing_keeps_exploring():
    search = BayesianOptimization(Space(x=Float(0, 1)), seed=0, n_initial=2)
    for _ in range(4):
        search.tell(search.ask(), float("nan"))
    trial = search.ask()
    assert trial.info["phase"] == "random"


def test_pending_trials_get_different_points():
    f = hartmann3()
    search = BayesianOptimization(f.space, direction="minimize", seed=0)
    for _ in range(10):
        trial = search.ask()
        search.tell(trial, f(trial.config))
    batch = [search.ask() for _ in range(4)]  # four parallel workers
    points = np.array([f.space.to_unit(t.config) for t in batch])
    distances = np.linalg.norm(points[:, None] - points[None], axis=-1)[np.triu_indices(4, 1)]
    assert distances.min() > 1e-3
    assert all(t.info["phase"] == "model" for t in batch)
    for t in batch:
        search.tell(t, f(t.config))
    assert len(search.history) == 14 and not search.pending


@pytest.mark.parametrize("acquisition", ["pi", "ucb"])
def test_other_acquisitions_make_progress(acquisition):
    f = forrester()
    search = BayesianOptimization(f.space, acquisition=acquisition, direction="minimize", seed=0)
    history = search.run(f, n_trials=15, progress=False)
    assert f.regret(history.best().score) < 0.05


def test_bad_arguments():
    space = Space(x=Float(0, 1))
    with pytest.raises(ValueError, match="acquisition"):
        BayesianOptimization(space, acquisition="max")
    with pytest.raises(ValueError, match="initial_design"):
        BayesianOptimization(space, initial_design="grid")
    with pytest.raises(ValueError, match="n_initial"):
        BayesianOptimization(space, n_initial=0)
    with pytest.raises(ValueError, match="xi and kappa"):
        BayesianOptimization(space, xi=-1)


def test_test_functions_reach_their_minimum():
    for f in (forrester(), branin(), hartmann3(), hartmann6(), rosenbrock(3)):
        for x in f.minimizers:
            assert f.values([x])[0] == pytest.approx(f.f_star, abs=1e-5), f.name
        sample = np.random.default_rng(0).random((500, f.dim))
        lows = np.array([d.low for d in f.space.dimensions.values()])
        highs = np.array([d.high for d in f.space.dimensions.values()])
        assert f.values(lows + sample * (highs - lows)).min() >= f.f_star
    assert branin().f_star == pytest.approx(0.397887, abs=1e-6)
    assert hartmann3().f_star == pytest.approx(-3.86278, abs=1e-5)
    with pytest.raises(ValueError, match="unknown test function"):
        get_function("ackley")
