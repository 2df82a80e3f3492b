import json
import warnings

import numpy as np
import pytest

from hpolab import Float, GridSearch, History, Int, RandomSearch, Space, Trial
from hpolab.search import SearchExhausted


@pytest.fixture
def space():
    return Space(x=Float(-2, 2), n=Int(1, 5))


def quadratic(config):
    return -(config["x"] - 0.5) ** 2 - 0.1 * config["n"]


def test_grid_search_visits_every_point_once_then_stops(space):
    search = GridSearch(space, n=5)
    history = search.run(quadratic, progress=False)
    assert len(history) == len(space.grid(5)) == 25
    assert [t.config for t in history] == space.grid(5)
    assert history.best().config == {"x": 0.0, "n": 1}
    with pytest.raises(SearchExhausted):
        search.ask()


def test_random_search_same_seed_same_sequence(space):
    a = RandomSearch(space, seed=3).run(quadratic, n_trials=15, progress=False)
    b = RandomSearch(space, seed=3).run(quadratic, n_trials=15, progress=False)
    c = RandomSearch(space, seed=4).run(quadratic, n_trials=15, progress=False)
    assert [t.config for t in a] == [t.config for t in b]
    assert [t.config for t in a] != [t.config for t in c]


def test_sobol_is_reproducible_and_more_even_than_uniform():
    space = Space(x=Float(0, 1), y=Float(0, 1))

    def points(sampler, seed):
        search = RandomSearch(space, sampler=sampler, seed=seed)
        return np.array([[t.config["x"], t.config["y"]] for t in (search.ask() for _ in range(64))])

    assert np.array_equal(points("sobol", 1), points("sobol", 1))
    # an 8x8 grid of cells: 64 Sobol points leave far fewer cells empty than 64 uniform points
    def empty_cells(p):
        return 64 - len({(int(a * 8), int(b * 8)) for a, b in p})
    sobol = np.mean([empty_cells(points("sobol", s)) for s in range(10)])
    uniform = np.mean([empty_cells(points("uniform", s)) for s in range(10)])
    assert sobol < uniform / 2


def test_ask_again_before_tell_gives_new_trials(space):
    search = RandomSearch(space, seed=0)
    first, second = search.ask(), search.ask()
    assert first.number != second.number and first.config != second.config
    assert len(search.pending) == 2
    search.tell(second, 1.0)
    search.tell(first, 2.0)
    assert [t.number for t in search.history] == [1, 0]
    assert search.best.number == 0
    with pytest.raises(ValueError, match="already told"):
        search.tell(first, 3.0)
    with pytest.raises(ValueError, match="never asked"):
        search.tell(99, 3.0)


def test_minimize_direction(space):
    history = GridSearch(space, n=5, direction="minimize").run(lambda c: (c["x"] - 1) ** 2, progress=False)
    assert history.best().config["x"] == 1.0
    assert np.all(np.diff(history.best_so_far()) <= 0)


def test_failed_trials_are_kept_and_the_search_goes_on(space):
    def flaky(config):
        if config["n"] == 2:
            raise RuntimeError("out of memory")
        if config["n"] == 3:
            return float("nan")
        if config["n"] == 4:
            return "oops"
        return quadratic(config)

    search = RandomSearch(space, seed=1)
    with pytest.warns(UserWarning, match="failed"):
        history = search.run(flaky, n_trials=40, progress=False)
    assert len(history) == 40
    failed = history.failed
    assert failed and all(t.score is None for t in failed)
    errors = {t.config["n"]: t.error for t in failed}
    assert errors[2] == "RuntimeError: out of memory"
    assert errors[3] == "objective returned nan"
    assert "not a number" in errors[4]
    assert history.best().config["n"] in (1, 5)
    assert np.isnan(history.scores()[[t.number for t in failed]]).all()


def test_keyboard_interrupt_keeps_finished_trials(space, capsys):
    calls = []

    def objective(config):
        calls.append(config)
        if len(calls) == 6:
            raise KeyboardInterrupt
        return quadratic(config)

    search = RandomSearch(space, seed=2)
    history = search.run(objective, n_trials=50, progress=False)
    assert len(history) == 5 and all(t.ok for t in history)
    assert not search.pending
    assert "Interrupted" in capsys.readouterr().err
    # the search can be resumed where it stopped
    search.run(quadratic, n_trials=3, progress=False)
    assert len(search.history) == 8


def test_time_limit_stops_the_loop(space):
    import time

    history = RandomSearch(space, seed=0).run(lambda c: time.sleep(0.02) or 1.0, time_limit=0.1, progress=False)
    assert 1 <= len(history) <= 10


def test_run_needs_a_limit_for_endless_methods(space):
    with pytest.raises(ValueError, match="n_trials"):
        RandomSearch(space).run(quadratic)
    with pytest.raises(ValueError, match="objective must be a function"):
        RandomSearch(space).run(42, n_trials=1)
    with pytest.raises(ValueError, match="hpolab Space"):
        RandomSearch({"x": (0, 1)})
    with pytest.raises(ValueError, match="sampler"):
        RandomSearch(space, sampler="halton")


def test_history_save_load_round_trip(tmp_path, space):
    def objective(config):
        if config["n"] == 5:
            raise ValueError("bad n")
        return quadratic(config)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        history = RandomSearch(space, seed=5).run(objective, n_trials=25, progress=False)
    history.trials[0].info["note"] = np.float64(1.5)
    path = tmp_path / "run.json"
    history.save(path)
    text = path.read_text()
    assert "NaN" not in text and "pickle" not in text
    json.loads(text)
    loaded = History.load(path)
    assert loaded.direction == history.direction
    assert loaded.records() == history.records()
    assert loaded.best().config == history.best().config
    np.testing.assert_array_equal(loaded.best_so_far(), history.best_so_far())
    with pytest.raises(ValueError, match="not a saved hpolab History"):
        (tmp_path / "other.json").write_text("{}")
        History.load(tmp_path / "other.json")


def test_history_table_and_curves():
    h = History("maximize")
    h.add(Trial(0, {"a": 1}, budget=3, score=0.5, status="ok"))
    h.add(Trial(1, {"a": 2, "b": "x"}, budget=9, status="failed", error="boom"))
    h.add(Trial(2, {"a": 3}, budget=9, score=0.7, status="ok", info={"budget_spent": 6}))
    table = h.to_table()
    assert table["a"] == [1, 2, 3] and table["b"] == [None, "x", None]
    assert table["status"] == ["ok", "failed", "ok"]
    np.testing.assert_array_equal(h.cumulative_budget(), [3, 12, 18])
    best = h.best_so_far()
    assert best[0] == 0.5 and best[1] == 0.5 and best[2] == 0.7
    assert h.best(budget=3).number == 0
    with pytest.raises(ValueError, match="finished"):
        h.add(Trial(3, {"a": 1}))
