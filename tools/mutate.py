"""Mutation testing of the rule modules: change the code a little and check that a test fails.

Each *mutant* is a copy of one module with one small change (``<=`` for ``<``,
``or`` for ``and``, ``all`` for ``any``, a ``not`` removed, a whole number one
more or one less, ``-`` for ``+``, a returned list emptied or a returned
``True`` flipped). A mutant is *killed* when the tests that exercise the module
fail on it, and *survives* when they all pass: a survivor is a behaviour that no
test pins (or a change that changes nothing, listed as equivalent with its
reason in ``tests/mutation/equivalent.txt``).

Usage (from the project root, with the project's virtual environment)::

    python tools/mutate.py                    # every module, two at a time
    python tools/mutate.py theory practice    # some modules
    python tools/mutate.py --list theory      # the mutants, without running them

The working tree is never edited: each worker copies ``src/mbprogram``, ``tests``
and ``pyproject.toml`` into a temporary directory once, writes one mutant at a
time into its copy and puts the module back afterwards, and runs pytest there
on the copy (``PYTHONPATH``). A run that is stopped leaves the repository as it
was, and editing the tree during a run does not change it. See docs/testing.md.
"""

from __future__ import annotations

import argparse
import ast
import compileall
import concurrent.futures
import difflib
import enum
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "mbprogram"
EQUIVALENT = ROOT / "tests" / "mutation" / "equivalent.txt"

#: A mutant whose tests take longer than this many times the unmutated run (and at
#: least ``_MIN_TIMEOUT`` seconds) is stopped and counted as killed by a timeout: an
#: endless loop, or a failing property whose shrinking takes long.
_TIMEOUT_FACTOR = 6
_MIN_TIMEOUT = 30.0


@dataclass(frozen=True)
class Target:
    """A module to mutate and the test files that exercise it (the most direct first)."""

    path: str  # relative to src/mbprogram
    tests: tuple[str, ...]


_RULES_TESTS = ("tests/rules/test_arguments.py", "tests/rules/test_extreme_dates.py")

TARGETS: dict[str, Target] = {
    "theory": Target(
        "rules/theory.py",
        ("tests/rules/test_theory.py", "tests/rules/test_student_evaluation.py", *_RULES_TESTS),
    ),
    "practice": Target(
        "rules/practice.py",
        ("tests/rules/test_practice.py", "tests/rules/test_student_evaluation.py", *_RULES_TESTS),
    ),
    "student": Target(
        "rules/student.py",
        (
            "tests/rules/test_student_evaluation.py",
            "tests/rules/test_cohort_evaluation.py",
            "tests/rules/test_theory.py",
            "tests/rules/test_practice.py",
            *_RULES_TESTS,
        ),
    ),
    "cohort": Target(
        "rules/cohort.py",
        (
            "tests/rules/test_cohort_evaluation.py",
            "tests/rules/test_student_evaluation.py",
            "tests/hiring/test_findings.py",
            "tests/hiring/test_outcomes.py",
            *_RULES_TESTS,
        ),
    ),
    "invariants": Target(
        "rules/invariants.py",
        (
            "tests/rules/test_invariants.py",
            "tests/register/test_rules_table.py",
            "tests/register/test_register.py",
            "tests/register/test_register_history.py",
            "tests/register/test_register_properties.py",
        ),
    ),
    "employment": Target(
        "rules/employment.py",
        (
            "tests/register/test_rules_table.py",
            "tests/hiring/test_changes.py",
            "tests/hiring/test_pot_machine.py",
        ),
    ),
    "occupancy": Target(
        "rules/occupancy.py",
        (
            "tests/rules/test_occupancy.py",
            "tests/register/test_rules_table.py",
            "tests/register/test_register.py",
            "tests/hiring/test_changes.py",
            "tests/hiring/test_outcomes.py",
            "tests/hiring/test_pot_machine.py",
        ),
    ),
    "hiring": Target(
        "rules/hiring.py",
        ("tests/hiring/test_findings.py", "tests/rules/test_extreme_dates.py"),
    ),
    "outcomes": Target(
        "rules/outcomes.py",
        ("tests/hiring/test_outcomes.py", "tests/rules/test_extreme_dates.py"),
    ),
    "calendar": Target(
        "calendar/norway.py",
        ("tests/calendars/test_norway.py", "tests/rules/test_practice.py"),
    ),
    "identity": Target("model/identity.py", ("tests/model/test_identity.py",)),
}


# -- finding the mutants ---------------------------------------------------------------

_COMPARE_SWAPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
}
_SYMBOLS: dict[type[ast.AST], str] = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.And: "and",
    ast.Or: "or",
    ast.Add: "+",
    ast.Sub: "-",
}

#: Changes a node in place (the node found at the same place in a fresh parse).
_Apply = Callable[[ast.AST], ast.AST | None]


@dataclass(frozen=True)
class Site:
    """One mutation: where it is, what it does, and how to apply it to a fresh tree."""

    node_index: int  # position of the node in ast.walk order
    line: int
    col: int
    description: str
    apply: _Apply = field(compare=False, repr=False)


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def _whole_number(node: ast.AST) -> int | None:
    """The value of a whole-number literal (not ``True`` or ``False``); ``None`` otherwise."""
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def _signed_value(node: ast.AST) -> int | None:
    """The value of a whole-number literal, ``-3`` included; ``None`` for anything else."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _whole_number(node.operand)
        return None if inner is None else -inner
    return _whole_number(node)


def _number(value: int) -> ast.expr:
    if value < 0:
        return ast.UnaryOp(op=ast.USub(), operand=ast.Constant(-value))
    return ast.Constant(value)


def _skipped(tree: ast.Module) -> set[int]:
    """Ids of nodes not mutated: docstrings, decorators, annotations, ``__all__``, messages.

    Decorator arguments (cache sizes) and annotations are not behaviour; the text
    of an f-string is a message, checked by the tests of messages, not here.
    """
    skip: set[int] = set()

    def drop(node: ast.AST | None) -> None:
        if node is not None:
            skip.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            for d in node.decorator_list:
                drop(d)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            drop(node.returns)
            arguments = node.args
            for a in (
                *arguments.posonlyargs,
                *arguments.args,
                *arguments.kwonlyargs,
                arguments.vararg,
                arguments.kwarg,
            ):
                if a is not None:
                    drop(a.annotation)
        elif isinstance(node, ast.AnnAssign):
            drop(node.annotation)
        elif isinstance(node, ast.JoinedStr) or (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
        ):
            drop(node)
    return skip


def _sites(tree: ast.Module) -> Iterator[Site]:
    skip = _skipped(tree)
    numbers_done: set[int] = set()
    for index, node in enumerate(ast.walk(tree)):
        if id(node) in skip:
            continue
        line, col = getattr(node, "lineno", 0), getattr(node, "col_offset", -1) + 1
        if isinstance(node, ast.Compare):
            for k, op in enumerate(node.ops):
                swap = _COMPARE_SWAPS.get(type(op))
                if swap is None:
                    continue
                which = f" (comparison {k + 1} of {len(node.ops)})" if len(node.ops) > 1 else ""
                yield Site(
                    index,
                    line,
                    col,
                    f"{_SYMBOLS[type(op)]!r} -> {_SYMBOLS[swap]!r}{which}",
                    _set_compare(k, swap),
                )
        elif isinstance(node, ast.BoolOp):
            other = ast.Or if isinstance(node.op, ast.And) else ast.And
            yield Site(
                index,
                line,
                col,
                f"{_SYMBOLS[type(node.op)]!r} -> {_SYMBOLS[other]!r}",
                _set_boolop(other),
            )
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"any", "all"}
        ):
            other_name = "all" if node.func.id == "any" else "any"
            yield Site(
                index, line, col, f"{node.func.id}() -> {other_name}()", _set_call(other_name)
            )
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yield Site(index, line, col, "'not' removed", _drop_not)
        elif isinstance(node, ast.BinOp | ast.AugAssign) and isinstance(node.op, ast.Add | ast.Sub):
            if isinstance(node, ast.BinOp) and (_is_text(node.left) or _is_text(node.right)):
                continue
            other_op = ast.Sub if isinstance(node.op, ast.Add) else ast.Add
            symbol, other_symbol = _SYMBOLS[type(node.op)], _SYMBOLS[other_op]
            if isinstance(node, ast.AugAssign):
                symbol, other_symbol = symbol + "=", other_symbol + "="
            yield Site(index, line, col, f"{symbol!r} -> {other_symbol!r}", _set_arith(other_op))
        elif isinstance(node, ast.Return) and node.value is not None:
            yield from _return_sites(index, line, col, node.value)
        value = _signed_value(node)
        if value is not None and id(node) not in numbers_done:
            if isinstance(node, ast.UnaryOp):
                numbers_done.add(id(node.operand))
            for new in (value + 1, value - 1):
                yield Site(index, line, col, f"{value} -> {new}", _set_number(new))


def _return_sites(index: int, line: int, col: int, value: ast.expr) -> Iterator[Site]:
    if isinstance(value, ast.Constant) and isinstance(value.value, bool):
        yield Site(
            index, line, col, f"return {value.value} -> return {not value.value}", _flip_return
        )
    elif isinstance(value, ast.List | ast.ListComp) and not (
        isinstance(value, ast.List) and not value.elts
    ):
        yield Site(index, line, col, "returned list -> []", _empty_return(ast.List))
    elif isinstance(value, ast.Tuple) and value.elts:
        yield Site(index, line, col, "returned tuple -> ()", _empty_return(ast.Tuple))


def _set_compare(k: int, op: type[ast.cmpop]) -> _Apply:
    def apply(node: ast.AST) -> None:
        assert isinstance(node, ast.Compare)
        node.ops[k] = op()

    return apply


def _set_boolop(op: type[ast.boolop]) -> _Apply:
    def apply(node: ast.AST) -> None:
        assert isinstance(node, ast.BoolOp)
        node.op = op()

    return apply


def _set_call(name: str) -> _Apply:
    def apply(node: ast.AST) -> None:
        assert isinstance(node, ast.Call)
        assert isinstance(node.func, ast.Name)
        node.func.id = name

    return apply


def _drop_not(node: ast.AST) -> ast.AST:
    assert isinstance(node, ast.UnaryOp)
    return node.operand


def _set_arith(op: type[ast.operator]) -> _Apply:
    def apply(node: ast.AST) -> None:
        assert isinstance(node, ast.BinOp | ast.AugAssign)
        node.op = op()

    return apply


def _set_number(value: int) -> _Apply:
    def apply(node: ast.AST) -> ast.AST:
        return _number(value)

    return apply


def _flip_return(node: ast.AST) -> None:
    assert isinstance(node, ast.Return)
    assert isinstance(node.value, ast.Constant)
    node.value = ast.Constant(not node.value.value)


def _empty_return(kind: type[ast.List | ast.Tuple]) -> _Apply:
    def apply(node: ast.AST) -> None:
        assert isinstance(node, ast.Return)
        node.value = kind(elts=[], ctx=ast.Load())

    return apply


class _Replace(ast.NodeTransformer):
    """Replace the node with the given id by what ``apply`` returns (or change it in place)."""

    def __init__(self, target: ast.AST, apply: _Apply) -> None:
        self.target, self.apply = target, apply

    def visit(self, node: ast.AST) -> ast.AST:
        if node is self.target:
            replacement = self.apply(node)
            return node if replacement is None else replacement
        changed: ast.AST = super().visit(node)
        return changed


@dataclass(frozen=True)
class Mutant:
    """One mutant of a module."""

    module: str
    site: Site
    source_line: str

    @property
    def where(self) -> str:
        return f"src/mbprogram/{TARGETS[self.module].path}:{self.site.line}:{self.site.col}"

    @property
    def key(self) -> str:
        """How the mutant is named in the equivalents file."""
        return f"{self.where}: {self.site.description}"

    def source(self, original: str) -> str:
        tree = ast.parse(original)
        target = list(ast.walk(tree))[self.site.node_index]
        changed = _Replace(target, self.site.apply).visit(tree)
        return ast.unparse(ast.fix_missing_locations(changed))


def mutants_of(module: str) -> list[Mutant]:
    """Every mutant of a module, in the order of the source."""
    text = (PACKAGE / TARGETS[module].path).read_text(encoding="utf-8")
    lines = text.splitlines()
    sites = sorted(_sites(ast.parse(text)), key=lambda s: (s.line, s.col, s.node_index))
    return [Mutant(module, s, lines[s.line - 1].strip()) for s in sites]


# -- running them ----------------------------------------------------------------------


class Outcome(enum.Enum):
    """What became of a mutant."""

    KILLED = "killed"  # a test failed
    ERROR = "error"  # the tests could not be collected (the module fails to import)
    TIMEOUT = "timeout"  # the tests ran past the time limit (an endless loop)
    SURVIVED = "survived"  # every test passed
    EQUIVALENT = "equivalent"  # listed in tests/mutation/equivalent.txt


_KILLED = frozenset({Outcome.KILLED, Outcome.ERROR, Outcome.TIMEOUT})


class Sandbox:
    """A private copy of the package and the tests that one mutant at a time is written into.

    The tests are copied too, so the run is a snapshot: editing the working tree
    while it runs changes nothing in it.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        no_cache = shutil.ignore_patterns("__pycache__")
        shutil.copytree(PACKAGE, root / "src" / "mbprogram", ignore=no_cache)
        shutil.copytree(ROOT / "tests", root / "tests", ignore=no_cache)
        shutil.copy2(ROOT / "pyproject.toml", root / "pyproject.toml")
        compileall.compile_dir(root / "src", quiet=1)
        self._originals: dict[str, str] = {}
        self.env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(
                filter(None, [str(root / "src"), os.environ.get("PYTHONPATH")])
            ),
            "HYPOTHESIS_PROFILE": "ci",
            "HYPOTHESIS_STORAGE_DIRECTORY": str(root / ".hypothesis"),
        }

    def run(self, target: Target, source: str | None, timeout: float) -> tuple[int | None, float]:
        """Run the target's tests with ``source`` as its module; the exit code (None on timeout).

        The module's bytecode is removed before and after, so a mutant's bytecode
        is never used for another mutant of the same size written in the same second.
        """
        module = self.root / "src" / "mbprogram" / target.path
        original = self._originals.setdefault(target.path, module.read_text(encoding="utf-8"))
        try:
            if source is not None:
                module.write_text(source, encoding="utf-8")
            _forget_bytecode(module)
            started = time.monotonic()
            try:
                done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
                    [
                        sys.executable,
                        "-m",
                        "pytest",
                        "-x",
                        "-q",
                        "-p",
                        "no:cacheprovider",
                        *target.tests,
                    ],
                    cwd=self.root,
                    env=self.env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    timeout=timeout,
                    check=False,
                )
            except subprocess.TimeoutExpired:
                return None, time.monotonic() - started
            return done.returncode, time.monotonic() - started
        finally:
            module.write_text(original, encoding="utf-8")
            _forget_bytecode(module)


def _forget_bytecode(module: Path) -> None:
    for pyc in (module.parent / "__pycache__").glob(module.stem + ".*"):
        pyc.unlink()


def _outcome(code: int | None) -> Outcome:
    if code is None:
        return Outcome.TIMEOUT
    if code == 0:
        return Outcome.SURVIVED
    if code == 1:
        return Outcome.KILLED
    if code in (2, 3):
        return Outcome.ERROR
    sys.exit(f"pytest exited with {code}: check the test files named in tools/mutate.py")


def read_equivalents(path: Path = EQUIVALENT) -> dict[str, str]:
    """The reviewed equivalent mutants: key -> reason (``<key> -- <reason>`` per line)."""
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, reason = line.partition(" -- ")
        if not sep or not reason.strip():
            sys.exit(f"{path}: expected '<file:line:col: mutation> -- <reason>', got {line!r}")
        out[key.strip()] = reason.strip()
    return out


class _Pool:
    """Sandboxes handed out to the worker threads, one mutant at a time each."""

    def __init__(self, sandboxes: Sequence[Sandbox]) -> None:
        self._free: queue.Queue[Sandbox] = queue.Queue()
        for s in sandboxes:
            self._free.put(s)

    def run(self, target: Target, source: str | None, timeout: float) -> tuple[int | None, float]:
        sandbox = self._free.get()
        try:
            return sandbox.run(target, source, timeout)
        finally:
            self._free.put(sandbox)


def _baseline(pool: _Pool, modules: Sequence[str], jobs: int) -> dict[str, float]:
    """Each module's tests on the module as ast.unparse writes it: they must pass."""
    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        futures = {
            m: ex.submit(
                pool.run,
                TARGETS[m],
                ast.unparse(ast.parse((PACKAGE / TARGETS[m].path).read_text(encoding="utf-8"))),
                600.0,
            )
            for m in modules
        }
        seconds = {}
        for m, f in futures.items():
            code, took = f.result()
            if code != 0:
                sys.exit(
                    f"{m}: the tests fail on the unmutated module (exit {code}); fix them first"
                )
            seconds[m] = took
    return seconds


def _score(killed: int, counted: int) -> str:
    return f"{100 * killed / counted:5.1f} %" if counted else "    - "


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help=f"default: all of {', '.join(TARGETS)}")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    parser.add_argument(
        "--diff", metavar="KEY", help="show the change a mutant makes (a key as --list prints it)"
    )
    parser.add_argument(
        "--fail-under", type=float, default=None, help="exit 1 if a module scores below this (%%)"
    )
    args = parser.parse_args(argv)
    unknown = sorted(set(args.modules) - set(TARGETS))
    if unknown:
        parser.error(f"no module {', '.join(unknown)}; choose from {', '.join(TARGETS)}")
    modules: list[str] = list(args.modules) or list(TARGETS)
    equivalents = read_equivalents()
    mutants = {m: mutants_of(m) for m in modules}
    if args.diff:
        return _show(args.diff, [m for ms in mutants.values() for m in ms])
    if args.list:
        for m in modules:
            for mutant in mutants[m]:
                note = "  [equivalent]" if mutant.key in equivalents else ""
                print(f"{mutant.key}    {mutant.source_line}{note}")
        return 0

    total = sum(len(v) for v in mutants.values())
    print(f"{total} mutants in {len(modules)} modules, {args.jobs} at a time", flush=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mbprogram-mutate-") as tmp:
        pool = _Pool([Sandbox(Path(tmp) / f"w{i}") for i in range(args.jobs)])
        seconds = _baseline(pool, modules, args.jobs)
        outcomes = _run_all(pool, mutants, seconds, equivalents, args.jobs)
    below = _report(modules, mutants, outcomes, equivalents, time.monotonic() - started)
    if args.fail_under is not None and any(score < args.fail_under for score in below.values()):
        return 1
    return 0


def _show(key: str, mutants: Sequence[Mutant]) -> int:
    """Print the unified diff of the mutant named ``key`` against its module as unparsed."""
    found = [m for m in mutants if m.key == key]
    if not found:
        print(f"no mutant {key!r}; see --list", file=sys.stderr)
        return 2
    (mutant,) = found
    path = f"src/mbprogram/{TARGETS[mutant.module].path}"
    original = (PACKAGE / TARGETS[mutant.module].path).read_text(encoding="utf-8")
    before = ast.unparse(ast.parse(original)).splitlines(keepends=True)
    after = mutant.source(original).splitlines(keepends=True)
    sys.stdout.writelines(difflib.unified_diff(before, after, path, f"{path} (mutant)", n=1))
    return 0


def _run_all(
    pool: _Pool,
    mutants: dict[str, list[Mutant]],
    seconds: dict[str, float],
    equivalents: dict[str, str],
    jobs: int,
) -> dict[str, Outcome]:
    outcomes: dict[str, Outcome] = {}
    todo = [m for ms in mutants.values() for m in ms]
    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        futures: dict[concurrent.futures.Future[tuple[int | None, float]], Mutant] = {}
        for mutant in todo:
            if mutant.key in equivalents:
                outcomes[mutant.key] = Outcome.EQUIVALENT
                continue
            target = TARGETS[mutant.module]
            source = mutant.source((PACKAGE / target.path).read_text(encoding="utf-8"))
            limit = max(_MIN_TIMEOUT, _TIMEOUT_FACTOR * seconds[mutant.module])
            futures[ex.submit(pool.run, target, source, limit)] = mutant
        for done, future in enumerate(concurrent.futures.as_completed(futures), 1):
            mutant = futures[future]
            outcome = _outcome(future.result()[0])
            outcomes[mutant.key] = outcome
            if outcome is Outcome.SURVIVED:
                print(f"  survived: {mutant.key}", flush=True)
            if done % 50 == 0:
                print(f"  {done} of {len(futures)} run", flush=True)
    return outcomes


def _report(
    modules: Sequence[str],
    mutants: dict[str, list[Mutant]],
    outcomes: dict[str, Outcome],
    equivalents: dict[str, str],
    elapsed: float,
) -> dict[str, float]:
    print()
    header = (
        f"{'module':<12}{'mutants':>8}{'killed':>8}{'errors':>8}{'timeouts':>9}"
        f"{'survived':>9}{'equiv.':>8}  score"
    )
    print(header)
    scores: dict[str, float] = {}
    sums = dict.fromkeys(Outcome, 0)
    for m in modules:
        counts = dict.fromkeys(Outcome, 0)
        for mutant in mutants[m]:
            counts[outcomes[mutant.key]] += 1
        for o, n in counts.items():
            sums[o] += n
        killed = sum(counts[o] for o in _KILLED)
        counted = killed + counts[Outcome.SURVIVED]
        scores[m] = 100 * killed / counted if counted else 100.0
        print(_row(m, len(mutants[m]), counts, _score(killed, counted)))
    killed = sum(sums[o] for o in _KILLED)
    counted = killed + sums[Outcome.SURVIVED]
    print(_row("all", sum(len(v) for v in mutants.values()), sums, _score(killed, counted)))
    print(
        "\nscore = (killed + errors + timeouts) / (mutants - equivalent); errors: the mutated "
        "module failed to import, timeouts: the tests ran past the time limit"
    )
    for outcome, title in (
        (Outcome.TIMEOUT, "killed by a timeout"),
        (Outcome.ERROR, "killed by an import or collection error"),
        (Outcome.SURVIVED, "surviving mutants"),
    ):
        found = [m for ms in mutants.values() for m in ms if outcomes[m.key] is outcome]
        if found or outcome is Outcome.SURVIVED:
            print(f"\n{len(found)} {title}" + (":" if found else ""))
        for mutant in found:
            print(f"  {mutant.key}    {mutant.source_line}")
    known = {m.key for ms in mutants.values() for m in ms}
    stale = [
        k for k in equivalents if k not in known and any(k.startswith(_prefix(m)) for m in modules)
    ]
    for key in stale:
        print(f"  note: {EQUIVALENT.relative_to(ROOT)} lists {key!r}, which is no mutant now")
    print(f"\n{elapsed / 60:.1f} minutes")
    return scores


def _prefix(module: str) -> str:
    return f"src/mbprogram/{TARGETS[module].path}:"


def _row(name: str, mutants: int, counts: dict[Outcome, int], score: str) -> str:
    return (
        f"{name:<12}{mutants:>8}{counts[Outcome.KILLED]:>8}{counts[Outcome.ERROR]:>8}"
        f"{counts[Outcome.TIMEOUT]:>9}{counts[Outcome.SURVIVED]:>9}"
        f"{counts[Outcome.EQUIVALENT]:>8}  {score}"
    )


if __name__ == "__main__":
    sys.exit(main())
