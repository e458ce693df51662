"""The witness inside a grading kernel: did each check run as written, untampered?

nbgrader scores a check cell by its output: no error shown means full marks.
Checks run in the learner's own kernel, so learner code that ran earlier can
make a failing check look passed (rewrite the cell with an input transformer,
silence tracebacks, patch a testing helper...). Nothing inside one Python
process can be made impossible to tamper with, so this module makes tampering
*visible*, and the grader keeps a check's points only when this witness saw
that check pass honestly. The witness can lower a score, never raise it.

`arm()` runs in the fresh kernel before any learner code, so it moves first:

- it registers a Python audit hook (PEP 578), which learner code can neither
  remove nor list. The hook sees every cell IPython compiles and every code
  object it runs, so it knows whether each locked cell (checks and read-only
  cells, restored by nbgrader) ran exactly as written, in order;
- each check cell is sent with one extra last statement that raises the audit
  event ``civicai.grading.passed``; the hook accepts it only from the top level
  of that very check cell, so it proves the check reached its end;
- when the first cell starts, it snapshots by object identity what the checks
  rely on: every module loaded (builtins, the course's checks, pandas, numpy,
  IPython...) with its classes, IPython's hooks (input and AST transformers,
  events, formatters, traceback display), sys hooks, signal handlers and the
  number of threads. The snapshot is compared when each check starts and
  ends, and whenever learner code hands control back to installed code
  during a check (a learner function that a check calls). Dictionaries
  whose version (PEP 509) has not moved since they were last found as the
  snapshot has them are not compared again;
- it keeps what the read-only cells bound to the names the checks read
  (`checks`, `np`, a table) and the notebook's `__builtins__`, through which
  check cells find them, and a check that would read a replaced one does not
  count;
- it blocks what learner code needs to break out (ctypes, the garbage
  collector's object lists, tracing hooks, new audit hooks, new processes,
  signals, network, reading the process's memory, making code objects), and
  blocks learner code from getting hold of the kernel's frames, or of any
  frame while a check runs (their local variables hold the hidden tests);
- after each check it wipes the check's source from the line cache and the
  kernel's copy of the request (the grader sends checks without storing them
  in IPython's history), so later learner cells cannot print hidden tests.

It reports what it saw, one signed line per fact, into a file the grader reads
after the kernel stops. The key exists only inside the hook's closure (the
grader hands it over before learner code runs), so learner code can delete
lines (which fails safe: an unwitnessed check scores zero) but cannot forge
them. The hook calls nothing a learner could have replaced: it works with
identities, exact types and functions captured when it was armed, and looks
up keys only in dictionaries whose keys it has just seen are plain strings
(a learner's key object could otherwise run code inside the hook).
"""
from __future__ import annotations

#: Audit event that a check cell raises on its last line (see civicai.grading.witness).
PASSED_EVENT = "civicai.grading.passed"
#: Audit event of the sentinel cell the grader appends after the last cell.
END_EVENT = "civicai.grading.end"
#: Audit event the profile function raises, so the hook sees calls during checks.
PROFILE_EVENT = "civicai.grading.profile"
#: Audit events that learner code never needs and that open a way out.
BLOCKED_EVENTS = frozenset({
    "ctypes.dlopen", "ctypes.dlsym", "ctypes.dlsym/handle", "ctypes.call_function",
    "ctypes.string_at", "ctypes.wstring_at", "ctypes.cdata", "ctypes.cdata/buffer",
    "ctypes.addressof", "ctypes.create_string_buffer", "ctypes.create_unicode_buffer",
    "gc.get_referrers", "gc.get_referents", "gc.get_objects",
    "sys.settrace", "sys.setprofile", "sys.addaudithook", "sys._current_frames",
    "sys._current_exceptions", "sys.monitoring.register_callback",
    "os.fork", "os.forkpty", "os.posix_spawn", "os.spawn", "os.exec", "os.system",
    "subprocess.Popen", "pty.spawn", "os.kill", "os.killpg", "os.pidfd_open",
    "signal.pthread_kill", "socket.connect", "socket.bind", "socket.getaddrinfo",
    "socket.gethostbyname", "socket.sendto",
})
#: Blocked only when learner code asks (the import system and libraries use them too).
BLOCKED_FOR_LEARNERS = frozenset({"code.__new__", "marshal.loads", "marshal.load"})
#: Modules that reach raw memory and have no audit events of their own.
BLOCKED_IMPORTS = frozenset({"ctypes", "_ctypes", "cffi", "_cffi_backend",
                             # CPython's test helpers: raw C calls, frames, the evaluator
                             "_testcapi", "_testinternalcapi"})
#: Attribute reads that hand out a frame or its code (CPython audits them).
FRAME_ATTRIBUTES = frozenset({"f_code", "tb_frame", "gi_frame", "cr_frame", "ag_frame"})
#: Code of the kernel's own machinery: learner code must never get hold of its frames,
#: whose local variables hold the cell being run.
MACHINERY = ("/IPython/", "/ipykernel/", "/jupyter_client/", "/zmq/", "/tornado/",
             "/asyncio/", "/comm/", "/traitlets/", "/civicai/grading/")
#: Standard tools that hand frames to whoever calls them.
INTROSPECTION = ("/inspect.py", "/traceback.py", "/logging/__init__.py", "/pdb.py", "/bdb.py",
                 "/cgitb.py", "/stack_data/", "/executing/", "/pure_eval/",
                 "/IPython/core/debugger.py", "/IPython/core/ultratb.py")
#: Files that expose a process's memory or secrets. (Not /maps: it holds addresses, no
#: data, and threadpoolctl, which scikit-learn uses, reads it to find its libraries.)
SECRET_FILES = ("/mem", "/environ", "/pagemap")
#: Module name prefixes checked on every learner return during a check (cheap);
#: all modules are checked when a check starts and ends.
HOT_MODULES = ("civicai",)
#: Packages of the kernel's machinery: their state that matters is IPython's hooks and
#: objects, compared directly; their modules are left out to keep the comparison fast.
MACHINERY_MODULES = frozenset({
    "IPython", "ipykernel", "jupyter_client", "jupyter_core", "zmq", "tornado", "traitlets",
    "comm", "asyncio", "debugpy", "jedi", "parso", "prompt_toolkit", "pygments", "psutil",
    "platformdirs", "stack_data", "executing", "pure_eval", "asttokens", "matplotlib_inline",
    "nest_asyncio", "pexpect", "ptyprocess", "decorator", "wcwidth", "_pydevd_bundle",
    "_pydevd_frame_eval", "pydevd", "pydevd_file_utils", "email", "http", "urllib", "xml",
    "jinja2", "markupsafe", "ssl", "_ssl", "sqlite3", "tarfile", "zipfile", "curses",
    "_curses", "tkinter", "unittest", "pydoc", "pydoc_data", "distutils", "setuptools",
    "pkg_resources", "pip", "_distutils_hack", "__editable___civicai_0_1_0_finder",
    # libraries that change their own classes in honest use (matplotlib turns on
    # pyparsing's packrat cache when it first lays out text); the checks never use them
    "pyparsing"})
#: Full comparisons per check triggered by learner code before switching to the cheap one.
FULL_CHECKS_PER_WINDOW = 12
#: Returns of learner code compared in each check (cheaply); after that, one in every
#: SAMPLED_RETURN_EVERY, so that a statistical check calling learner code 20,000 times
#: stays within its time (the full comparison when the check ends always runs).
EVERY_RETURN_CHECKS = 1000
SAMPLED_RETURN_EVERY = 64
#: What changes in honest use, as (view, name): counters, caches, the running request;
#: and what no check relies on but costs time to compare at every return of learner code.
VOLATILE = frozenset({
    ("kernel", "_kernel_modules"),  # the debugger's list of 1,100 files of the kernel itself
    ("shell", "_parent_header_global"), ("shell", "_last_traceback"),
    ("shell", "_last_traceback_during_displayhook"), ("shell", "_logger"),
    ("shell", "_last_input_line"),
    ("shell._trait_values", "execution_count"),
    ("shell._trait_values", "last_execution_result"),
    ("shell._trait_values", "last_execution_succeeded"),
    ("module tempfile", "tempdir"), ("kernel", "_shell_context"), ("session", "message_count"),
    ("compiler._filename_map", "*"), ("displayhook", "msg"), ("displayhook", "_"),
    ("displayhook", "__"), ("displayhook", "___"),  # IPython's last three results
    ("module warnings", "filters"),  # warnings.catch_warnings() puts back a copy
    ("displayhook", "_parent_header_global"), ("display_pub", "_parent_header_global"),
    ("displayhook._trait_values", "exec_result"), ("history._trait_values", "_i"),
    ("history._trait_values", "_ii"), ("history._trait_values", "_iii"),
    ("history._trait_values", "_i00"), ("stdout", "_buffers"), ("stderr", "_buffers"),
    ("stdout", "_parent_header_global"), ("stderr", "_parent_header_global"),
    ("stdout", "softspace"), ("stderr", "softspace"), ("stdout", "_flush_pending"),
    ("stderr", "_flush_pending"), ("traceback", "_tb"), ("syntax_traceback", "_tb"),
    ("traceback", "tb"), ("syntax_traceback", "tb"), ("traceback", "_last_traceback"),
})
#: Names that honest use adds or changes on any object: copy and pickle cache a class's
#: slot names there.
VOLATILE_NAMES = frozenset({"__slotnames__"})
#: Plain values compared by value, not identity (a new int can hold the same number).
PLAIN = (int, float, str, bytes, bool, type(None))
#: Functions ipykernel and IPython swap in for every request, as fresh bound methods.
SWAPPED = {("builtins", "input"): "raw_input", ("module getpass", "getpass"): "getpass",
           ("module sys", "excepthook"): "excepthook", ("module sys", "displayhook"): None}
#: Places that honest use fills afresh for every request, with an object that is new but
#: equivalent: the swapped functions above, IPython's per-cell copy of the streams' write,
#: and the compiler's flags (an int recomputed to the same number). The quick comparison
#: judges these by the same rule as the full one, instead of by identity alone.
RENEWED = frozenset(SWAPPED) | {("stdout", "write"), ("stderr", "write"), ("compiler", "flags")}
#: Stands for the file name of code whose file name is not a plain str: learner code.
NOT_A_NAME = "<a file name that is not plain text>"
#: Stands for "a function that ipykernel or IPython put there themselves".
SWAPPED_IN = object()
#: Stands for "no such name in the notebook's namespace".
NOT_SET = object()


_CONSTANTS = (BLOCKED_EVENTS, BLOCKED_FOR_LEARNERS, BLOCKED_IMPORTS, END_EVENT,
              EVERY_RETURN_CHECKS, FRAME_ATTRIBUTES, FULL_CHECKS_PER_WINDOW, HOT_MODULES,
              INTROSPECTION, MACHINERY, MACHINERY_MODULES, NOT_A_NAME, PASSED_EVENT, PLAIN,
              NOT_SET, PROFILE_EVENT, RENEWED, SAMPLED_RETURN_EVERY, SECRET_FILES, SWAPPED,
              SWAPPED_IN, VOLATILE, VOLATILE_NAMES)


def arm(*, shell, kernel, checkpoints, key, report_fd, trusted_roots, hidden_roots=(),
        writable_roots=(), volatile=(), dict_versions=True) -> None:
    """Install the witness. Call once, after the kernel is initialised, before any cell.

    checkpoints: [(kind, label, source, names)] in notebook order, kind "test" or
        "locked", source exactly as the grader will send that cell; names: for a locked
        cell, the names it sets up that checks read; for a check, those it reads.
    key: bytes that sign the report; report_fd: an open file descriptor for it.
    trusted_roots: folders of installed, read-only code (the environment, the course package).
    hidden_roots: folders learner code must not open (instructor files).
    writable_roots: folders learner code may write to; writing elsewhere is reported.
    volatile: ("view label", attribute) pairs that change in honest use.
    dict_versions: tell changed dictionaries by their version (see `version_of` below);
        False compares every item each time, as on a Python without _testcapi.
    """
    import _signal
    import _thread
    import builtins
    import gc
    import hashlib
    import linecache
    import os
    import signal
    import sys
    import threading
    import types

    import operator

    # Learner code can rebind the builtins, and this module's names (it can import it).
    # The hook runs later, inside the learner's kernel: it uses only what these were when
    # it was armed, bound here. (A test checks that no other global name is used.)
    (all, any, bytes, dict, frozenset, getattr, int, isinstance, len, list, map, next, range,
     reversed, set, sorted, str, tuple, type, vars, zip) = (
        builtins.all, builtins.any, builtins.bytes, builtins.dict, builtins.frozenset,
        builtins.getattr, builtins.int, builtins.isinstance, builtins.len, builtins.list,
        builtins.map, builtins.next, builtins.range, builtins.reversed, builtins.set,
        builtins.sorted, builtins.str, builtins.tuple, builtins.type, builtins.vars,
        builtins.zip)
    BaseException, Exception, ImportError, OSError, PermissionError, UnicodeDecodeError = (
        builtins.BaseException, builtins.Exception, builtins.ImportError, builtins.OSError,
        builtins.PermissionError, builtins.UnicodeDecodeError)
    (BLOCKED_EVENTS, BLOCKED_FOR_LEARNERS, BLOCKED_IMPORTS, END_EVENT, EVERY_RETURN_CHECKS,
     FRAME_ATTRIBUTES, FULL_CHECKS_PER_WINDOW, HOT_MODULES, INTROSPECTION, MACHINERY,
     MACHINERY_MODULES, NOT_A_NAME, PASSED_EVENT, PLAIN, NOT_SET, PROFILE_EVENT, RENEWED,
     SAMPLED_RETURN_EVERY, SECRET_FILES, SWAPPED, SWAPPED_IN, VOLATILE, VOLATILE_NAMES) = _CONSTANTS

    # PEP 509: CPython gives every dictionary a version that changes whenever the dictionary
    # does, and that nothing can set back. _testcapi, which ships with CPython, reads it.
    # Then only the dictionaries whose version moved are compared, name by name: a full
    # comparison in a kernel with pandas and scikit-learn takes 1 to 5 ms instead of 25 to
    # 40 ms. (tests/grading/test_dict_versions.py tries every way learner code has to change
    # a dictionary.) The module is not left where learner code would find it by name.
    version_of = None
    if dict_versions:
        try:
            loaded = "_testcapi" in sys.modules
            from _testcapi import dict_get_version as version_of
            if not loaded:
                del sys.modules["_testcapi"]
        except ImportError:
            version_of = None

    # No id(): it raises an audit event of its own, and this runs for every container.
    _type, _len, _map, _tuple, _str, _bytes = type, len, map, tuple, str, bytes
    _is = operator.is_
    _all, _any, _getattr = all, any, getattr
    _getframe, _write, _blake2b = sys._getframe, os.write, hashlib.blake2b
    # _signal's own getsignal: signal.getsignal makes an enum of each handler, 24 times slower
    _get_ident, _listdir, _getsignal = _thread.get_ident, os.listdir, _signal.getsignal
    _active_count, _writing_flags = threading.active_count, os.O_WRONLY | os.O_RDWR | os.O_CREAT
    _gettrace, _getprofile, _setprofile = sys.gettrace, sys.getprofile, sys.setprofile
    _ModuleType, _FunctionType, _FrameType = types.ModuleType, types.FunctionType, types.FrameType
    _CodeType, _class_dict = types.CodeType, type.__dict__["__dict__"].__get__
    _TracebackType = types.TracebackType
    _suspendable = (types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType)
    _signals, _sys_modules, _sys_dict = _tuple(signal.valid_signals()), sys.modules, sys.__dict__
    import itertools

    _chain, _dict_values, _proxy_values = itertools.chain, dict.values, types.MappingProxyType.values
    _compress, _ne, _get_referents = itertools.compress, operator.ne, gc.get_referents
    _MappingProxyType = types.MappingProxyType

    shell_class = _type(shell)
    run_code_code = shell_class.run_code.__code__
    run_cell_code = shell_class.run_cell_async.__code__
    ast_parse_code = _type(shell.compile).ast_parse.__code__
    trusted = _tuple(_str(root) for root in trusted_roots) + ("<frozen ",)
    hidden = _tuple(_str(root) for root in hidden_roots)
    writable = _tuple(_str(root) for root in writable_roots)
    volatile = VOLATILE | frozenset(_tuple(item) for item in volatile)
    #: views compared name by name in the quick comparison: some of their names change honestly
    volatile_labels = frozenset(label for label, name in volatile if name != "*")
    renewed_labels = volatile_labels | frozenset(label for label, name in RENEWED)
    user_ns, linecache_dict, builtins_dict = shell.user_ns, linecache.cache, builtins.__dict__
    _MethodType = types.MethodType
    selves = _tuple(item for item in (kernel, shell, _getattr(kernel, "parent", None))
                    if item is not None)
    swapped_functions = _tuple(_getattr(_type(item), name, None) for item in selves
                               for name in SWAPPED.values() if name)

    def type_among(value, kinds):
        """Is its type one of these? By identity: `in` would ask the type's own `==`,
        which a learner's metaclass answers, and would run learner code inside the hook."""
        kind = _type(value)
        return _any(kind is candidate for candidate in kinds)

    def plain(value):
        return type_among(value, PLAIN)

    def same_plain(before, now):
        return plain(before) and _type(now) is _type(before) and now == before

    tee = _getattr(shell_class, "_tee")  # a @contextmanager: the function is __wrapped__
    tee_codes = _tuple(const for const in _getattr(tee, "__wrapped__", tee).__code__.co_consts
                       if _type(const) is _CodeType and const.co_name == "write")

    def tee_write(value):
        """IPython's per-cell copy of stdout/stderr into its history, wrapping the stream."""
        if _type(value) is not _FunctionType or value.__code__ not in tee_codes:
            return False
        cells = dict(zip(value.__code__.co_freevars, value.__closure__ or ()))
        inner = cells.get("original_write")
        shell_cell = cells.get("self")
        if inner is None or shell_cell is None or shell_cell.cell_contents is not shell:
            return False
        inner = inner.cell_contents
        return _type(inner) is _MethodType and type_among(inner.__self__, stream_types) and \
            _getattr(_type(inner.__self__), "write", None) is inner.__func__

    def swapped_in(label, name, value):
        """Is this a fresh bound method that ipykernel or IPython put there themselves?

        ipykernel swaps in its own input, getpass and excepthook for every request,
        IPython swaps sys.excepthook while a cell runs and wraps the streams' write in
        its history copy: a bound method of one of those objects, of the method that its
        class defines under that name, is theirs.
        """
        if name == "write" and label in ("stdout", "stderr"):
            return tee_write(value)
        if _type(value) is not _MethodType:
            return False
        if (label, name) in SWAPPED:
            return any(value.__func__ is item for item in swapped_functions) and \
                any(value.__self__ is item for item in selves)
        owner, function = value.__self__, value.__func__
        return _type(function) is _FunctionType and function.__name__ == name and \
            any(owner is item for item in owner_objects) and \
            _getattr(_type(owner), name, None) is function

    owners = {"shell": shell, "kernel": kernel, "session": kernel.session,
              "compiler": shell.compile, "events": shell.events,
              "displayhook": shell.displayhook, "display_pub": shell.display_pub,
              "display_formatter": shell.display_formatter,
              "input_transformer_manager": shell.input_transformer_manager,
              "traceback": shell.InteractiveTB, "syntax_traceback": shell.SyntaxTB,
              "stdout": sys.stdout, "stderr": sys.stderr}
    for kind, formatter in shell.display_formatter.formatters.items():
        owners["formatter " + kind] = formatter
    for owner in owners.values():  # traits fill in lazily: fill them all now
        for name in _getattr(owner, "trait_names", lambda: [])():
            try:
                _getattr(owner, name)
            except Exception:
                pass
    owner_types = {label: _type(owner) for label, owner in owners.items()}
    owner_objects = _tuple(owners.values()) + selves
    stream_types = (owner_types["stdout"], owner_types["stderr"])
    sys_hooks = ("excepthook", "displayhook", "unraisablehook", "breakpointhook", "stdout",
                 "stderr", "stdin", "__excepthook__", "__displayhook__", "audit", "modules")

    # ---- the snapshot: containers compared by identity of their names and values -------
    # Each view is (label, container, kind, hot, keys, values). Comparing the names and
    # the values in order finds any change. Holding them also keeps them alive.
    snap = {}
    plain_forms = {}  # (type, plain value) -> the one object that stands for it

    def view(label, container, kind, hot):
        if kind == "list":
            return (label, container, kind, hot, (), _tuple(container))
        return (label, container, kind, hot, _tuple(container), _tuple(container.values()))

    def take_snapshot():
        views = []
        modules = {name: module for name, module in _tuple(_sys_modules.items())
                   if _type(name) is _str and _type(module) is _ModuleType
                   and name not in ("__main__", "builtins") and module.__dict__ is not user_ns
                   and not name.partition(".")[0] in MACHINERY_MODULES}
        classes, seen = [], set()
        for name, module in modules.items():
            hot = name == "sys" or name.startswith(HOT_MODULES)
            views.append(view("module " + name, module.__dict__, "module", hot))
            for value in _tuple(module.__dict__.values()):
                if isinstance(value, type) and _getattr(value, "__module__", None) == name:
                    if value not in seen:  # classes hash by identity (no learner code yet)
                        seen.add(value)
                        classes.append(("class " + name + "." + _str(value.__name__),
                                        value, hot))
        for label, cls, hot in classes:
            views.append(view(label, _class_dict(cls), "class", hot))
        views.append(view("builtins", builtins.__dict__, "class", True))
        for label, owner in owners.items():
            state = vars(owner)
            views.append(view(label, state, "state", True))
            traits = state.get("_trait_values")  # traitlets keep lists of hooks in here
            children = _tuple(state.items()) + (
                _tuple((k, v) for k, v in traits.items()) if _type(traits) is dict else ())
            for attribute, value in children:
                if (label, attribute) in volatile or value is user_ns or \
                        attribute in ("user_ns_hidden", "user_global_ns", "_main_mod_cache"):
                    continue
                if _type(value) is list:
                    views.append(view(label + "." + attribute, value, "list", True))
                elif _type(value) is dict and plain_keys(value):
                    views.append(view(label + "." + attribute, value, "state", True))
        for event_name, callbacks in shell.events.callbacks.items():
            views.append(view("events." + event_name, callbacks, "list", True))
        for label, sequence in (("sys.meta_path", sys.meta_path), ("sys.path", sys.path),
                                ("sys.path_hooks", sys.path_hooks), ("gc.callbacks", gc.callbacks)):
            views.append(view(label, sequence, "list", True))
        snap["views"] = views
        snap["hot"] = [item for item in views if item[3]]
        snap["wildcards"] = [item for item in views if (item[0], "*") in volatile]
        if version_of is None:
            snap["all"] = fast_form(views, full=True)
            snap["hot_fast"] = fast_form(snap["hot"], full=False)
        else:
            snap["versions all"] = versioned(views)
            snap["versions hot_fast"] = versioned(snap["hot"])
            snap["modules version"] = [version_of(_sys_modules)]
        snap["sys"] = _tuple(_sys_dict.get(name) for name in sys_hooks)
        snap["signals"] = _tuple(_getsignal(number) for number in _signals)
        snap["modules"] = {name: module for name, module in _tuple(_sys_modules.items())
                           if _type(name) is _str}
        snap["threads"] = count_threads()
        snap["builtin_names"] = frozenset(k for k in builtins.__dict__ if _type(k) is _str)
        keep_set_up(("__builtins__",))

    def count_threads():
        try:
            return _len(_listdir("/proc/self/task"))
        except OSError:
            return _active_count()

    # ---- which containers changed: by their dictionaries' versions -------------------------
    def version_source(item):
        """The dictionary whose version tells whether a view changed: its own, or for a
        class the one behind its read-only mappingproxy. None for lists (compared each time)."""
        container = item[1]
        if _type(container) is dict:
            return container
        if _type(container) is _MappingProxyType:
            inside = _get_referents(container)
            if _len(inside) == 1 and _type(inside[0]) is dict:
                return inside[0]
        return None

    def versioned(items):
        """(views with a dictionary, those dictionaries, the versions at which each was last
        found as the snapshot has it, views without a dictionary)."""
        sources = _tuple(_map(version_source, items))
        return (_tuple(item for item, source in zip(items, sources) if source is not None),
                _tuple(source for source in sources if source is not None),
                list(_map(version_of, (source for source in sources if source is not None))),
                _tuple(item for item, source in zip(items, sources) if source is None))

    def changed_views(level):
        """The views to compare at this level: those without a version, and those whose
        dictionary changed since last found clean; and (index, version) to mark them clean."""
        with_source, dicts, clean, without = snap["versions " + level]
        now = list(_map(version_of, dicts))
        if now == clean:  # ints: no learner code
            return without, ()
        changed = _tuple(_compress(range(_len(now)), _map(_ne, now, clean)))
        return (without + _tuple(with_source[index] for index in changed),
                _tuple((index, now[index]) for index in changed))

    def fast_form(items, full):
        """All names and values of all these containers in one flat tuple, and their sizes.

        Comparing that in one go is several times faster than container by container,
        which is kept for saying what changed. Containers where some names change in
        honest use are compared name by name instead, leaving out volatile names
        (warnings.catch_warnings() puts back a copy of the filters at every call), so
        that honest changes do not send every comparison the slow way (25 ms more, at
        every check, in a kernel that has imported pandas and scikit-learn).

        In the full comparison, that includes the renewed places, compared by their
        renewed_form. The cheap comparisons at returns of learner code all happen
        within one request, where those places stay as they are.
        """
        filtered_labels = renewed_labels if full else volatile_labels
        mapped = _tuple(item for item in items if item[2] != "list" and
                        _type(item[1]) is dict and (item[0], "*") not in volatile)
        dicts = _tuple(item[1] for item in mapped if item[0] not in filtered_labels)
        filtered = _tuple((item[0], item[1]) for item in mapped if item[0] in filtered_labels)
        proxies = _tuple(item[1] for item in items if item[2] == "class" and
                         _type(item[1]) is not dict)
        lists = _tuple(item[1] for item in items if item[2] == "list")
        return (dicts, proxies, lists, filtered, sizes(dicts, proxies, lists),
                flat(dicts, proxies, lists), _tuple(filtered_values(filtered)),
                [as_they_are(filtered)])

    def flat(dicts, proxies, lists):
        # The names too: rebuilding a dictionary with two names swapped keeps every value
        # in its place (and the last name too, if it is not one of them).
        return _tuple(_chain(_chain.from_iterable(dicts), _chain.from_iterable(proxies),
                             _chain.from_iterable(_map(_dict_values, dicts)),
                             _chain.from_iterable(_map(_proxy_values, proxies)),
                             _chain.from_iterable(lists)))

    def sizes(dicts, proxies, lists):
        return _tuple(_map(_len, _chain(dicts, proxies, lists)))

    def as_they_are(filtered):
        """The names and values of the containers compared name by name, as they are: when
        the very same, their comparison name by name (in Python, 0.15 ms) is not needed."""
        return flat(_tuple(container for _, container in filtered), (), ())

    def filtered_values(filtered):
        """Each name and value of these containers, but for volatile names."""
        for label, container in filtered:
            for key, value in _tuple(container.items()):
                if _type(key) is not _str:  # kept without looking it up (learner code)
                    yield key
                    yield value
                elif (label, key) in RENEWED:
                    yield key
                    yield renewed_form(label, key, value)
                elif (label, key) not in volatile:
                    yield key
                    yield value

    def renewed_form(label, key, value):
        """What stands for a renewed place's value in the quick comparison, by the full
        comparison's rule: one object for each plain value, one marker for what ipykernel
        or IPython put there themselves, anything else as itself."""
        if plain(value):
            return plain_forms.setdefault((_type(value), value), value)
        return SWAPPED_IN if swapped_in(label, key, value) else value

    def unchanged(form):
        dicts, proxies, lists, filtered, lengths, values, named, seen = form
        if sizes(dicts, proxies, lists) != lengths or \
                not same_items(flat(dicts, proxies, lists), values):
            return False
        now = as_they_are(filtered)
        if same_items(now, seen[0]):
            return True
        if same_items(_tuple(filtered_values(filtered)), named):
            seen[0] = now  # a volatile name changed: what is left is the same
            return True
        return False

    def same_items(now, before):
        """Same length, and the very same objects in the same places."""
        return _len(now) == _len(before) and _all(_map(_is, now, before))

    def changes_in(item):
        """What changed in one container, as short text; '' when nothing did."""
        label, container, kind, _, keys, values = item
        if kind == "list":
            return "" if same_items(_tuple(container), values) else label + " changed"
        if (label, "*") in volatile or (
                same_items(_tuple(container.values()), values) and
                same_items(_tuple(container), keys)):
            return ""
        current = {}
        for k, v in _tuple(container.items()):
            if _type(k) is not _str:
                return label + ": a key that is not a name was added"
            current[k] = v
        before = dict(zip(keys, values))
        changed = [k + (" removed" if k not in current else " replaced")
                   for k, v in before.items() if current.get(k, before) is not v
                   and (label, k) not in volatile and k not in VOLATILE_NAMES
                   and not same_plain(v, current.get(k, before))
                   and not swapped_in(label, k, current.get(k))]
        # A module may gain attributes (lazy submodules); a new name that hides a builtin,
        # or anything new on a class or on IPython's objects, is a change.
        changed += [k + " added" for k in current
                    if k not in before and (label, k) not in volatile and
                    k not in VOLATILE_NAMES and (kind != "module" or k in snap["builtin_names"])]
        return label + ": " + ", ".join(sorted(changed)[:4]) if changed else ""

    # ---- what the read-only cells set up in the notebook's namespace -----------------------
    # A check reads names that read-only cells set (`checks`, `np`, a table) and the
    # built-in functions through `__builtins__`: a learner who binds their own version
    # there could make a check pass. The witness keeps what the course's cells put there.
    set_up = {}  # name -> the object a read-only cell bound to it (or NOT_SET)

    def keep_set_up(names):
        """Keep what these names hold now. The namespace is looked up only when its keys
        are plain names (a learner's key object could run code in the hook); otherwise
        NOT_A_NAME is kept, which never matches a later lookup."""
        plain = plain_keys(user_ns)
        for name in names:
            set_up[name] = user_ns.get(name, NOT_SET) if plain else NOT_A_NAME

    def replaced_names():
        window = state["window"]
        names = ("__builtins__",) + (_tuple(window["names"]) if window is not None and
                                     window["kind"] == "test" else ())
        if not plain_keys(user_ns):
            return ["the notebook's namespace has a key that is not a name"]
        return ["notebook: " + name + " replaced" for name in names
                if name in set_up and user_ns.get(name, NOT_SET) is not set_up[name]]

    def verify(full=True):
        """[] when everything the checks rely on is as it was, else what changed."""
        if not snap:
            return ["the witness had no snapshot"]
        problems = [label + " was replaced" for label, owner in owners.items()
                    if _type(owner) is not owner_types[label]] + replaced_names()
        if problems:
            return problems
        items = snap["views"] if full else snap["hot"]
        level = "all" if full else "hot_fast"
        marks = ()
        if version_of is not None:
            # only the dictionaries whose version moved since they were last found clean
            items, marks = changed_views(level)
        elif ("clean " + level in snap and unchanged(snap["clean " + level])) or \
                unchanged(snap[level]):
            # Honest code changes some of these in allowed ways (a module gains a
            # submodule, the kernel counts its messages), after which the quick comparison
            # with the snapshot always fails. The state last found clean at this level is
            # kept too: the same objects in the same places again are clean again, without
            # going through every container (half a millisecond, thousands of times in a
            # check that calls learner code in a loop).
            items, level = snap["wildcards"], ""
        for item in items:
            change = changes_in(item)
            if change:
                problems.append(change)
                if "not a name" in change or _len(problems) >= 6:
                    return problems  # stop before any lookup a strange key could hijack
        if level and not problems:
            if version_of is None:
                snap["clean " + level] = fast_form(items, full)
            else:
                clean = snap["versions " + level][2]
                for index, version in marks:
                    clean[index] = version
        for name, before in zip(sys_hooks, snap["sys"]):
            now = _sys_dict.get(name)
            if now is not before and not swapped_in("module sys", name, now):
                problems.append("sys." + name + " replaced")
        # Every module: without versions, too slow for each of thousands of returns (the
        # full comparison at the end of the check still sees what the cheap ones skip).
        modules_version = version_of(_sys_modules) if version_of is not None else None
        if (full and version_of is None) or (
                version_of is not None and modules_version != snap["modules version"][0]):
            if not _all(_type(name) is _str for name in _sys_modules):
                return problems + ["sys.modules has a key that is not a name"]
            modules = snap["modules"]
            swapped = ["module " + name + " was swapped"
                       for name, module in _tuple(_sys_modules.items())
                       if name in modules and module is not modules[name]]
            problems += swapped
            if version_of is not None and not swapped:
                snap["modules version"][0] = modules_version
        if _gettrace() is not None:
            problems.append("a trace function is set")
        for number, before in zip(_signals, snap["signals"]):
            if _getsignal(number) is not before:
                problems.append("the handler of signal " + _str(number) + " replaced")
        if count_threads() > snap["threads"]:
            problems.append("another thread is running")
        return problems

    # ---- the cells the grader will send, as IPython will compile them --------------------
    expected = [(kind, label, shell.transform_cell(source), frozenset(names))
                for kind, label, source, names in checkpoints]

    # ---- the signed report ------------------------------------------------------------------
    state = {"seq": 0, "next": 0, "window": None, "ended": False}
    busy = {}  # thread id -> True while the hook works in that thread
    learner_files, checkpoint_files = {NOT_A_NAME}, set()
    #: code object -> is it learner code? Asked for every call and return in a check (a
    #: check may make hundreds of thousands): the answer depends only on the file name
    #: and on the two sets above, so it is kept until either set changes.
    learner_codes = {}

    def add_file(files, filename):
        files.add(filename)
        learner_codes.clear()

    def clean(text):
        return "".join(ch if ch.isascii() and (ch.isalnum() or ch in "._:/-") else "_"
                       for ch in _str(text)[:120]) or "-"

    def emit(*fields):
        state["seq"] += 1
        line = _str(state["seq"]) + " " + " ".join(clean(field) for field in fields)
        mac = _blake2b(line.encode(), key=key, digest_size=16).hexdigest()
        try:
            _write(report_fd, (line + " " + mac + "\n").encode())
        except OSError:
            pass

    def note(kind, detail=""):
        window = state["window"]
        emit(kind, window["label"] if window else "-", detail)
        if window is not None and window["kind"] == "test":
            window["problems"].append(kind + " " + detail)

    def block(detail):
        note("blocked", detail)
        raise PermissionError("This is not allowed while your notebook is being graded.")

    # ---- who is calling ---------------------------------------------------------------------
    def filename_of(code):
        """A code's file name; NOT_A_NAME for a subclass of str, which compile() keeps and
        whose ==, `in` and hash are learner code (only learner code names files so)."""
        filename = code.co_filename
        return filename if _type(filename) is _str else NOT_A_NAME

    def learner_file(filename):
        """Code from a learner's cell, from code learner code compiled, or from their folder.

        Installed code is never the learner's, even where it lies inside a writable
        folder's path (a course checked out under /tmp: its read-only binds are there)."""
        return filename in learner_files or (
            filename.startswith(writable) and not filename.startswith(trusted)
            and filename not in checkpoint_files)

    def outside_ctypes(frame):
        """The frame that called into ctypes: libraries (threadpoolctl, which scikit-learn
        uses, finds its libraries with it) may use ctypes; learner code may not."""
        while frame is not None and "/ctypes/" in filename_of(frame.f_code):
            frame = frame.f_back
        return frame

    def learner_frame(frame):
        if frame is None:
            return False
        code = frame.f_code
        learner = learner_codes.get(code)
        if learner is None:
            learner = learner_codes[code] = learner_file(filename_of(code))
        return learner

    def in_check():
        window = state["window"]
        return window is not None and window["kind"] == "test" and not window["finished"]

    def top_level_run_code(frame):
        """Is this IPython's run_code for a cell the kernel received, not one nested in a cell?"""
        if frame is None or frame.f_code is not run_code_code:
            return False
        frame = frame.f_back
        while frame is not None:
            if frame.f_code is run_code_code:
                return False
            frame = frame.f_back
        return True

    def top_level_cell_parse(frame):
        """Is this IPython parsing a cell the kernel received (frame: compile's caller)?"""
        if frame is None or frame.f_code is not ast_parse_code:
            return False
        runs = 0
        while frame is not None:
            if frame.f_code is run_code_code:
                return False
            runs += frame.f_code is run_cell_code
            frame = frame.f_back
        return runs == 1

    def learner_on_stack(frame):
        """Is learner code running, between this frame and the current cell's top level?"""
        window = state["window"]
        while frame is not None:
            filename = filename_of(frame.f_code)
            if window is not None and filename == window["file"]:
                return False
            if learner_file(filename):
                return True
            frame = frame.f_back
        return False

    def protected(frame):
        """A frame of the kernel's machinery or of a check: its locals hold hidden tests."""
        filename = filename_of(frame.f_code)
        window = state["window"]
        return (window is not None and filename == window["file"]) or \
            any(part in filename for part in MACHINERY)

    # ---- windows: from a locked cell's parse to the next cell's parse -----------------------
    def plain_keys(mapping):
        return _type(mapping) is dict and _all(_type(k) is _str for k in mapping)

    def scrub(window):
        """Forget a check's source, so later learner cells cannot print the hidden tests."""
        if plain_keys(linecache_dict) and window["file"] in linecache_dict:
            del linecache_dict[window["file"]]
        for name in ("last_type", "last_value", "last_traceback", "last_exc"):
            if name in _sys_dict:
                _sys_dict[name] = None

    def forget_request():
        """The kernel keeps the request being run, code included: drop the code."""
        parent = kernel.get_parent("shell")
        if plain_keys(parent) and plain_keys(parent.get("content")):
            parent["content"]["code"] = ""

    def finish_check(window):
        """The check is over (its last statement ran, or the next cell starts): compare
        again, report, and forget its source."""
        if window["finished"]:
            return
        window["finished"] = True
        window["running"].clear()  # no frame is kept alive past its check
        if _getprofile() is profile:
            _setprofile(None)
        # Only learner code changes things: without any during the check, the cheap
        # comparison (IPython's hooks, builtins, the course's checks) is enough.
        problems = window["problems"] + verify(full=window["learner_calls"] > 0)
        emit("check", window["label"], "passed" if window["passed"] else "not-passed",
             "start-" + window["start"], "end-" + ("tampered" if problems else "ok"),
             "learner-calls-" + _str(window["learner_calls"]))
        for problem in problems[:6]:
            emit("problem", window["label"], problem)

    def close_window():
        window = state["window"]
        state["window"] = None
        if window is not None and window["kind"] == "locked":
            keep_set_up(window["names"])
        if window is None or window["kind"] != "test":
            return
        finish_check(window)
        scrub(window)

    def open_window(kind, label, filename, source, names):
        state["window"] = window = {
            "kind": kind, "label": label, "file": filename, "source": source, "passed": False,
            "names": names,
            "codes": [], "learner_calls": 0, "full_checks": 0, "start": "ok", "problems": [],
            "finished": False, "running": set()}
        if kind == "test":
            problems = verify()
            if problems:
                window["start"] = "tampered"
                for problem in problems:
                    emit("problem", label, problem)
            else:
                forget_request()
            _setprofile(profile)

    def on_cell_parse(source, filename):
        close_window()
        if not snap:
            take_snapshot()
        position = state["next"]
        for index in range(position, _len(expected)):
            kind, label, text, names = expected[index]
            if text == source:
                for skipped in range(position, index):
                    emit("skipped", expected[skipped][1])
                state["next"] = index + 1
                add_file(checkpoint_files, filename)
                open_window(kind, label, filename, source, names)
                return
        add_file(learner_files, filename)

    def on_end():
        close_window()
        for index in range(state["next"], _len(expected)):
            emit("skipped", expected[index][1])
        state["next"] = _len(expected)
        if not state["ended"]:
            state["ended"] = True
            emit("end")

    def on_profile(args):
        """A call or return during a check (the most frequent event by far: kept short).
        Learner code can raise this event too: a false call or return only adds checks."""
        window = state["window"]
        if window is None or window["kind"] != "test" or window["finished"] or \
                _len(args) != 2 or _type(args[0]) is not _str or _type(args[1]) is not _FrameType:
            return
        kind, frame = args
        if kind == "call":
            if learner_frame(frame):
                window["learner_calls"] += 1
                window["running"].add(frame)  # frames hash by identity
        elif frame in window["running"]:  # a return: only learner frames need a look
            window["running"].discard(frame)
            on_learner_return(frame)

    def on_learner_return(frame):
        """Learner code called during a check is handing control back: anything changed?"""
        window = state["window"]
        if learner_frame(frame.f_back):
            return  # still inside learner code: nothing but learner code has run since
        window["full_checks"] += 1
        returns = window["full_checks"]
        if returns > EVERY_RETURN_CHECKS and returns % SAMPLED_RETURN_EVERY:
            return  # a check calling learner code thousands of times: every 64th return
        problems = verify(full=returns <= FULL_CHECKS_PER_WINDOW)
        if problems:
            window["problems"].extend(problems[:3])

    # ---- the audit hook -------------------------------------------------------------------
    # Inside handle(), _getframe(2) is the code that raised the event.
    def handle(name, args):
        if name == "compile":
            source, filename = args[0], args[1]
            caller = _getframe(2)
            if _type(source) is _bytes and _type(filename) is _str and \
                    top_level_cell_parse(caller):
                try:
                    on_cell_parse(source.decode("utf-8"), filename)
                except UnicodeDecodeError:
                    pass
            elif learner_frame(caller):
                if _type(filename) is _str:
                    if filename.startswith(trusted) or any(p in filename for p in MACHINERY):
                        block("code pretending to be course code")
                    add_file(learner_files, filename)
                if in_check():
                    note("compiled-during-check")
        elif name == "exec":
            if in_check() and _type(args[0]) is _CodeType and top_level_run_code(_getframe(2)):
                state["window"]["codes"].append(args[0])
        elif name == PASSED_EVENT:
            window, frame = state["window"], _getframe(2)
            if in_check() and _len(args) == 1 and _type(args[0]) is _str and \
                    args[0] == window["label"] and frame is not None and \
                    any(frame.f_code is code for code in window["codes"]) and \
                    filename_of(frame.f_code) == window["file"] and \
                    frame.f_builtins is builtins_dict and \
                    top_level_run_code(frame.f_back) and not window["finished"]:
                window["passed"] = True
                finish_check(window)
            else:
                note("false-pass-signal")
        elif name == END_EVENT:
            on_end()
        elif name in BLOCKED_EVENTS:
            if not name.startswith("ctypes.") or learner_frame(outside_ctypes(_getframe(2))):
                block(name)
        elif name in BLOCKED_FOR_LEARNERS:
            if learner_frame(_getframe(2)):
                block(name)
        elif name == "socket.__new__":  # asyncio needs local socket pairs; nothing needs more
            if _len(args) > 1 and _type(args[1]) is int and args[1] != 1:  # 1: AF_UNIX
                block("opening a network connection")
        elif name == "import":
            if _type(args[0]) is _str and args[0].partition(".")[0] in BLOCKED_IMPORTS:
                block("import " + args[0])
        elif name in ("object.__setattr__", "object.__delattr__"):
            if _type(args[0]) is _FunctionType and _type(args[1]) is _str:
                if args[1] == "__code__":
                    block("replacing the code of a function")
                note("changed-function", args[1])
        elif name == "sys._getframe" or (name == "object.__getattr__" and
                                         _type(args[1]) is _str and args[1] in FRAME_ATTRIBUTES):
            frame_access(name, args, _getframe(2))
        elif name == "open":
            opened(args)

    def frame_access(name, args, caller):
        """Learner code may look at its own frames, never at the kernel's or a check's."""
        if not learner_on_stack(caller):
            return
        target = args[0] if name == "sys._getframe" else None
        if name == "object.__getattr__":
            holder, attribute = args
            if attribute == "f_code":
                target = holder
            elif attribute == "tb_frame" and _type(holder) is _TracebackType:
                target = holder.tb_frame
            elif type_among(holder, _suspendable):
                target = _getattr(holder, attribute, None)
        if _type(target) is _FrameType and protected(target):
            block("looking inside the notebook machinery")
        filename = filename_of(caller.f_code) if caller is not None else ""
        if in_check() and (learner_file(filename) or
                           any(part in filename for part in INTROSPECTION)):
            block("looking inside a running check")

    def opened(args):
        path, mode, flags = args[0], args[1], args[2]
        if _type(path) is _bytes:
            path = path.decode("utf-8", "replace")
        if _type(path) is not _str:
            return
        if path.startswith("/proc/") and path.endswith(SECRET_FILES):
            block("reading the memory of a process")
        if hidden and path.startswith(hidden):
            block("opening an instructor file")
        writing = (_type(mode) is _str and any(ch in mode for ch in "wax+")) or \
            (_type(flags) is int and flags & _writing_flags)
        if writing and path.startswith("/") and (
                not path.startswith(writable + ("/dev/",)) or path.startswith(trusted)):
            note("write-outside", path)

    watched = BLOCKED_EVENTS | BLOCKED_FOR_LEARNERS | {
        "socket.__new__", "compile", "exec", PASSED_EVENT, END_EVENT, PROFILE_EVENT,
        "import", "open", "object.__setattr__", "object.__delattr__", "object.__getattr__",
        "sys._getframe"}

    def hook(name, args):
        thread = _get_ident()
        if thread in busy:  # the hook's own work raises events too
            return
        # sys.audit() takes a subclass of str too, whose == and hash are learner code
        if _type(name) is not _str or name not in watched:
            return
        busy[thread] = True
        try:
            if name == PROFILE_EVENT:
                on_profile(args)
            else:
                handle(name, args)
        except PermissionError:
            raise
        except BaseException as error:  # never break honest code; count it against the check
            note("witness-error", name + " " + _type(error).__name__)
        finally:
            del busy[thread]

    def profile(frame, kind, arg, _audit=sys.audit, _event=PROFILE_EVENT):
        """Hands calls and returns to the hook. Learner code can get this function
        (sys.getprofile() has no audit event) while a check runs, so it holds nothing of
        the witness: no closure, only defaults, whose replacement the hook sees."""
        if kind == "call" or kind == "return":
            _audit(_event, kind, frame)

    emit("armed", _str(_len(expected)), "items" if version_of is None else "versions")
    sys.addaudithook(hook)
