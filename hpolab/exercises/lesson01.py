"""Exercise checks for lesson 01: parameters vs hyperparameters, and what the learning rate does."""

from __future__ import annotations

from ._base import Feedback, correct, not_yet

__all__ = ["PARAMETER_QUIZ", "check_converging_learning_rate", "check_parameters", "check_step_size"]

#: The candidates of the "which are parameters?" exercise: True means learned from data.
PARAMETER_QUIZ = {
    "weights": True, "biases": True, "learning rate": False, "decay": False, "hidden layers": False,
    "nodes per layer": False, "mini-batch size": False, "momentum": False, "epochs": False,
}


def check_converging_learning_rate(learning_rate: float, steps: int = 30) -> Feedback:
    """Does plain gradient descent (no momentum, no decay) on the bowl converge within ``steps`` steps?

    Parameters
    ----------
    learning_rate : float
        The learner's choice.
    steps : int, default 30
        The step budget.

    Returns
    -------
    Feedback
    """
    from ..descent import gradient_descent

    try:
        path = gradient_descent("bowl", learning_rate=learning_rate, steps=steps)
    except (TypeError, ValueError) as exc:
        return not_yet(f"{learning_rate!r} is not a usable learning rate: {exc}", "Give a positive number.")
    if path.diverged:
        return not_yet(f"With learning rate {learning_rate:g} the path diverged after {len(path.points) - 1} steps.",
                       "The bowl's steep direction has curvature 10: plain steps above 2 / 10 = 0.2 overshoot "
                       "further each time. Go smaller.")
    if path.converged_step is not None:
        return correct(f"Learning rate {learning_rate:g} reaches the minimum (within 0.001) at step "
                       f"{path.converged_step}, inside the budget of {steps}.")
    x, y = path.points[-1]
    if 10 * y ** 2 > x ** 2:  # what is left is the zigzag across the steep direction
        return not_yet(f"Learning rate {learning_rate:g} zigzags across the narrow valley and has not settled "
                       f"after {steps} steps.", "Each step overshoots the steep direction: try a bit smaller.")
    return not_yet(f"Learning rate {learning_rate:g} is too slow: after {steps} steps the loss is still "
                   f"{path.final_loss:.3g} (the minimum is 0).", "Take bigger steps, but stay below 0.2.")


def check_parameters(answer) -> Feedback:
    """Which of :data:`PARAMETER_QUIZ` are parameters (learned from data during training)?

    Parameters
    ----------
    answer : iterable of str
        The names the learner believes are parameters.

    Returns
    -------
    Feedback
    """
    if isinstance(answer, str):
        answer = [answer]
    chosen = {str(name).strip().lower() for name in answer}
    unknown = sorted(chosen - set(PARAMETER_QUIZ))
    if unknown:
        return not_yet(f"{unknown} {'is' if len(unknown) == 1 else 'are'} not on the list.",
                       f"Pick names from {list(PARAMETER_QUIZ)}.")
    truth = {name for name, learned in PARAMETER_QUIZ.items() if learned}
    wrong, missing = sorted(chosen - truth), sorted(truth - chosen)
    if not wrong and not missing:
        return correct("Weights and biases are learned by gradient descent; everything else on the list is "
                       "chosen before training starts.")
    problems = [f"{name!r} is chosen before training: a hyperparameter" for name in wrong]
    problems += [f"{name!r} is learned from the data: a parameter" for name in missing]
    return not_yet("; ".join(problems) + ".",
                   "Ask: does training change it (parameter), or does it stay as you set it (hyperparameter)?")


def check_step_size(value: float, learning_rate: float = 0.1, decay: float = 0.5, epoch: int = 4) -> Feedback:
    """The step size in epoch ``epoch`` (counting from 0) is ``learning_rate / (1 + decay * epoch)``.

    Parameters
    ----------
    value : float
        The learner's answer.
    learning_rate, decay, epoch
        The question's numbers.

    Returns
    -------
    Feedback
    """
    expected = learning_rate / (1 + decay * epoch)
    try:
        value = float(value)
    except (TypeError, ValueError):
        return not_yet(f"{value!r} is not a number.", "Answer with a number such as 0.05.")
    if abs(value - expected) <= 1e-3 * expected:
        return correct(f"In epoch {epoch} each step is {expected:.4g}: {1 + decay * epoch:g} times smaller "
                       "than at the start.")
    if abs(value - learning_rate) <= 1e-3 * learning_rate:
        return not_yet("That is the starting step size; decay has shrunk it since.",
                       f"Divide by 1 + decay * epoch = 1 + {decay:g} * {epoch}.")
    return not_yet(f"{value:g} is not the step size in epoch {epoch}.",
                   f"Step size = learning_rate / (1 + decay * epoch) with learning_rate={learning_rate:g}, "
                   f"decay={decay:g}, epoch={epoch}.")
