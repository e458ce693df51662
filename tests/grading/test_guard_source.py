"""The witness must not depend on anything learner code can rebind once it is armed.

Learner code can replace builtins (`builtins.reversed = ...`) and the names of any module
it can import, this one included. A witness function that looked either up when it runs
would then run the learner's code inside the audit hook, where nothing is watched. So
`guard.arm` binds every builtin and constant it uses to its own local names first.
"""
from __future__ import annotations

import ast
import inspect

from civicai.grading import guard


def _arm() -> ast.FunctionDef:
    tree = ast.parse(inspect.getsource(guard))
    return next(node for node in tree.body
                if isinstance(node, ast.FunctionDef) and node.name == "arm")


def _bound_names(function: ast.FunctionDef) -> set[str]:
    bound = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            bound.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    return bound


def test_the_armed_witness_looks_up_no_global_or_builtin_name():
    arm = _arm()
    bound = _bound_names(arm)
    free = {node.id for node in ast.walk(arm)
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
            and node.id not in bound}
    assert free == {"_CONSTANTS"}, f"looked up when the hook runs: {sorted(free)}"


def test_the_hook_reads_no_module_attribute_when_it_runs():
    """`os.O_WRONLY` read when the hook runs could have been rebound by then: module
    attributes are read once, when the witness is armed (take_snapshot runs at the first
    cell, before any learner code)."""
    arm = _arm()
    modules = {(alias.asname or alias.name) for node in arm.body
               if isinstance(node, ast.Import) for alias in node.names}
    late = []
    for function in arm.body:
        if not isinstance(function, ast.FunctionDef) or function.name == "take_snapshot":
            continue
        for statement in function.body:
            late += [f"{function.name}: {node.value.id}.{node.attr}"
                     for node in ast.walk(statement) if isinstance(node, ast.Attribute)
                     and isinstance(node.value, ast.Name) and node.value.id in modules]
    assert not late, f"read when the hook runs: {late}"


def test_the_constants_are_bound_to_their_own_names():
    arm = _arm()
    (assignment,) = [node for node in ast.walk(arm) if isinstance(node, ast.Assign)
                     and isinstance(node.value, ast.Name) and node.value.id == "_CONSTANTS"]
    names = [element.id for element in assignment.targets[0].elts]
    assert len(names) == len(guard._CONSTANTS)
    for name, value in zip(names, guard._CONSTANTS):
        assert getattr(guard, name) is value, f"{name} is bound to another constant"


def test_the_profile_function_gives_nothing_of_the_witness_away():
    """While a check runs, learner code can get the profile function (sys.getprofile()
    raises no audit event): it must reach neither the witness's state nor its key."""
    arm = _arm()
    (profile,) = [node for node in arm.body
                  if isinstance(node, ast.FunctionDef) and node.name == "profile"]
    own = _bound_names(profile)
    used = {node.id for statement in profile.body for node in ast.walk(statement)
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)}
    assert used <= own, f"the profile function's closure would hold {sorted(used - own)}"
