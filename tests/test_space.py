import numpy as np
import pytest
from scipy import stats

from hpolab import Categorical, Float, Int, Space


def test_float_samples_inside_bounds_and_floats():
    values = Float(-2.5, 7.0).sample(2000, seed=1)
    assert all(isinstance(v, float) for v in values)
    assert min(values) >= -2.5 and max(values) <= 7.0


def test_int_samples_are_ints_inside_bounds_and_cover_the_ends():
    values = Int(3, 9).sample(2000, seed=2)
    assert all(type(v) is int for v in values)
    assert set(values) == set(range(3, 10))
    counts = np.bincount(values)[3:]
    # each integer owns an equal slice of [0, 1]: chi-square test of uniformity
    assert stats.chisquare(counts).pvalue > 0.01


def test_log_int_samples_are_ints_inside_bounds():
    values = Int(1, 512, log=True).sample(3000, seed=3)
    assert all(type(v) is int and 1 <= v <= 512 for v in values)
    # log-uniform: about as many below 22 (~sqrt(512)) as above
    assert 0.4 < np.mean(np.array(values) < 22.6) < 0.6


def test_log_float_is_uniform_in_log_space():
    values = np.array(Float(1e-5, 1e-1, log=True).sample(5000, seed=4))
    logs = (np.log10(values) + 5) / 4  # map log10 range [-5, -1] to [0, 1]
    assert stats.kstest(logs, "uniform").pvalue > 0.01
    # and clearly not uniform in linear space: most samples lie far below the midpoint
    assert np.mean(values < 0.05) > 0.9


def test_categorical_samples_only_choices():
    dim = Categorical(["relu", "tanh", "sigmoid"])
    values = dim.sample(600, seed=5)
    assert set(values) == {"relu", "tanh", "sigmoid"}


def test_space_sample_is_reproducible_and_seed_dependent():
    space = Space(lr=Float(1e-4, 1, log=True), layers=Int(1, 4), act=Categorical(["relu", "tanh"]))
    a, b, c = space.sample(20, seed=7), space.sample(20, seed=7), space.sample(20, seed=8)
    assert a == b and a != c
    for config in a:
        space.validate(config)
    assert isinstance(space.sample(seed=0), dict)


def test_grid_order_and_size_are_stable():
    space = Space(a=Float(0, 1), b=Categorical(["x", "y"]), c=Int(1, 3))
    grid = space.grid(3)
    assert len(grid) == 3 * 2 * 3
    assert grid[0] == {"a": 0.0, "b": "x", "c": 1}
    assert grid[1] == {"a": 0.0, "b": "x", "c": 2}  # last dimension varies fastest
    assert grid[-1] == {"a": 1.0, "b": "y", "c": 3}
    assert grid == space.grid(3)


def test_grid_is_log_spaced_on_log_dimensions():
    assert Float(1e-4, 1e-1, log=True).grid(4) == [1e-4, 1e-3, 1e-2, 1e-1]
    assert Float(0, 1).grid(5) == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert Int(1, 64, log=True).grid(4) == [1, 4, 16, 64]


def test_grid_per_dimension_counts_and_int_deduplication():
    space = Space(a=Float(0, 1), n=Int(1, 3))
    assert len(space.grid({"a": 2, "n": 10})) == 2 * 3
    with pytest.raises(ValueError, match="unknown dimension"):
        space.grid({"z": 3})


def test_unit_cube_round_trip():
    space = Space(lr=Float(1e-4, 1, log=True), n=Int(2, 64, log=True), act=Categorical(["a", "b", "c"]),
                  m=Float(0, 0.99))
    for config in space.sample(50, seed=9):
        u = space.to_unit(config)
        assert u.shape == (4,) and np.all((u >= 0) & (u <= 1))
        back = space.from_unit(u)
        assert back["n"] == config["n"] and back["act"] == config["act"]
        assert back["lr"] == pytest.approx(config["lr"], rel=1e-9)
        assert back["m"] == pytest.approx(config["m"], abs=1e-12)
    assert space.to_unit({"lr": 1e-2, "n": 8, "act": "a", "m": 0.0})[0] == pytest.approx(0.5)


@pytest.mark.parametrize("make, words", [
    (lambda: Float(1, 1), ["low (1) must be smaller than high (1)"]),
    (lambda: Float(5, 1), ["Swap them: Float(1, 5)"]),
    (lambda: Float(0, 1, log=True), ["log-scaled", "low > 0", "log=False"]),
    (lambda: Int(0, 10, log=True), ["log-scaled", "low > 0"]),
    (lambda: Int(1.5, 3), ["not a whole number"]),
    (lambda: Float("a", 1), ["low='a' is not a finite number"]),
    (lambda: Float(0, float("nan")), ["is not a finite number"]),
    (lambda: Categorical([]), ["no choices"]),
    (lambda: Categorical(["a", "a"]), ["'a' appears more than once"]),
    (lambda: Categorical("abc"), ["must be a list"]),
    (lambda: Space(), ["at least one dimension"]),
    (lambda: Space(C=(0.1, 10)), ["dimension 'C'", "not a Float, Int or Categorical"]),
])
def test_invalid_definitions_explain_the_fix(make, words):
    with pytest.raises(ValueError) as info:
        make()
    for word in words:
        assert word in str(info.value)


def test_named_dimension_errors_name_the_dimension():
    with pytest.raises(ValueError, match="dimension 'lr'"):
        Float(0, 1, log=True, name="lr")


def test_validate_rejects_out_of_space_configs():
    space = Space(a=Float(0, 1), c=Categorical(["x"]))
    with pytest.raises(ValueError, match="lacks 'c'"):
        space.validate({"a": 0.5})
    with pytest.raises(ValueError, match="outside"):
        space.validate({"a": 2.0, "c": "x"})
