/* pyembed.c -- Python inside the interpreter: start CPython on first use (openq binary),
 * and the .pykx namespace that PyKX's remote functions rely on (PYKX.md §2-3). */
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "../base/intr.h"
#include "../lang/lang.h"
#include "../prim/prims.h"
#include "py.h"


#ifndef OPENQ_PYTHON_DIR
#define OPENQ_PYTHON_DIR ""
#endif



int py_ensure(void) {
    if (Py_IsInitialized())
        return 0;
    if (PyImport_AppendInittab("_openq_builtin", PyInit__openq_builtin) < 0) {
        kerr("python");
        return -1;
    }
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    config.install_signal_handlers = 0;
    config.parse_argv = 0;
    PyStatus st = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(st)) {
        kerr("python");
        return -1;
    }
    PyObject *main = PyImport_AddModule("__main__");
    PyObject *g = PyModule_GetDict(main);
    PyObject *src = PyUnicode_FromString(OPENQ_PYTHON_DIR);
    PyDict_SetItemString(g, "OPENQ_SRC", src);
    Py_DECREF(src);
    PyObject *r = PyRun_String(py_boot_src, Py_file_input, g, g);
    PyDict_DelItemString(g, "OPENQ_SRC");
    if (!r) {
        PyErr_Print(); /* the namespace still works for plain Python */
        PyErr_Clear();
    }
    Py_XDECREF(r);
    PyEval_SaveThread(); /* from now on every entry takes the GIL */
    return 0;
}

/* ---- -T inside Python ----------------------------------------------------------------------
 * q's evaluator checks the -T deadline itself; Python code does not, so around a call from q
 * into Python a POSIX timer is armed for the deadline (then every DEADLINE_REPEAT_MS, in
 * case the code swallows the exception).  Its expiry runs on a timer thread that takes the
 * GIL (the running code yields it within the switch interval) and sets KeyboardInterrupt
 * as an asynchronous exception in the thread that entered Python: it is raised there at
 * the next bytecode boundary.  (A pending call would not do: queued from another thread,
 * CPython 3.11 does not wake the running eval loop, and from a signal handler it is not
 * async-signal-safe.)  Code blocked inside a C call (time.sleep) sees it when the call
 * returns.  py_error_to_q reports the exception as q's 'stop.
 * The state is the runtime's (RT->py.deadline); the timer thread is handed that runtime as
 * the timer's value.  Every field of the deadline is read and written with the GIL held. */
#define DEADLINE_REPEAT_MS 100


static int64_t monotonic_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* RT->py.deadline_in_flight: a timer thread is waiting for the GIL; later expiries return at
 * once, so C code that holds the GIL for long does not collect one blocked thread per expiry */

/* on the timer thread: interrupt the entered thread if the deadline is still enforced, or
 * if Ctrl-C asked to stop (base/intr.h: the request is taken here) */
static void deadline_fired(union sigval v) {
    Runtime *rt = v.sival_ptr; /* the runtime that armed the timer */
    if (!Py_IsInitialized() || atomic_exchange(&rt->py.deadline_in_flight, true))
        return;
    PyGILState_STATE g = PyGILState_Ensure();
    bool past = rt->py.deadline.armed && rt->lang.deadline_ms && monotonic_ms() >= rt->lang.deadline_ms;
    if (rt->py.deadline.depth > 0 && (past || intr_take())) {
        rt->py.deadline.tripped = true;
        PyThreadState_SetAsyncExc(rt->py.deadline.thread, PyExc_KeyboardInterrupt);
    }
    PyGILState_Release(g);
    atomic_store(&rt->py.deadline_in_flight, false);
}

void py_deadline_enter(void) {
    if (RT->py.deadline.depth++ > 0)
        return;
    RT->py.deadline.tripped = false;
    RT->py.deadline.thread = PyThread_get_thread_ident();
    if (!RT->py.deadline.have_timer && (RT->lang.deadline_ms || !RT->py.in_extension)) {
        /* made once; the binary needs it for Ctrl-C (py_interrupt) even without -T */
        struct sigevent sev = {.sigev_notify = SIGEV_THREAD, .sigev_notify_function = deadline_fired,
                               .sigev_value = {.sival_ptr = RT}};
        if (timer_create(CLOCK_MONOTONIC, &sev, &RT->py.deadline.timer) < 0)
            return;
        RT->py.deadline.have_timer = 1;
    }
    if (!RT->lang.deadline_ms || !RT->py.deadline.have_timer)
        return;
    int64_t left = RT->lang.deadline_ms - monotonic_ms();
    if (left < 1)
        left = 1;
    struct itimerspec its = {
        .it_value = {.tv_sec = left / 1000, .tv_nsec = (left % 1000) * 1000000},
        .it_interval = {.tv_sec = 0, .tv_nsec = DEADLINE_REPEAT_MS * 1000000L},
    };
    if (timer_settime(RT->py.deadline.timer, 0, &its, NULL) == 0)
        RT->py.deadline.armed = true;
}

void py_deadline_leave(void) {
    if (--RT->py.deadline.depth > 0)
        return;
    if (RT->py.deadline.armed || RT->py.deadline.interrupt_armed) {
        struct itimerspec off = {0};
        timer_settime(RT->py.deadline.timer, 0, &off, NULL);
        RT->py.deadline.armed = false;
        RT->py.deadline.interrupt_armed = 0;
    }
    /* an interrupt set after the call returned must not hit the next Python code */
    if (RT->py.deadline.tripped)
        PyThreadState_SetAsyncExc(RT->py.deadline.thread, NULL);
}

/* From the SIGINT handler (async-signal-safe: timer_settime is): when Python code runs for
 * q, fire the timer now and then every DEADLINE_REPEAT_MS, so deadline_fired raises in it. */
void py_interrupt(void) {
    if (RT->py.deadline.depth <= 0 || !RT->py.deadline.have_timer)
        return;
    struct itimerspec now = {
        .it_value = {.tv_sec = 0, .tv_nsec = 1},
        .it_interval = {.tv_sec = 0, .tv_nsec = DEADLINE_REPEAT_MS * 1000000L},
    };
    RT->py.deadline.interrupt_armed = 1;
    timer_settime(RT->py.deadline.timer, 0, &now, NULL);
}

bool py_deadline_tripped(void) { return RT->py.deadline.tripped; }

/* ---- .pykx builtins ------------------------------------------------------------------------ */

typedef K (*PykxFn)(K *args, int n);

typedef struct Builtin {
    const char *name; /* .pykx.<name> */
    PykxFn fn;        /* implementation; called with the GIL held */
    int arity;        /* 0 = variadic */
    bool writes;      /* refused in read-only mode (lang.h): it runs code, changes state, or
                       * hands out a Python object the server never gave q (get) */
} Builtin;

static K release_args(K *args, int n) {
    for (int i = 0; i < n; i++)
        r0(args[i]);
    return NULL;
}

/* the text of a char vector / char / symbol argument */
static bool text_arg(const K x, const char **s, size_t *n) {
    if (x->t == KC) { *s = kC(x); *n = (size_t)x->n; return true; }
    if (x->t == -KC) { *s = (const char *)&x->g; *n = 1; return true; }
    if (x->t == -KS) { *s = x->s; *n = strlen(x->s); return true; }
    return false;
}

static PyObject *main_dict(void) { return PyModule_GetDict(PyImport_AddModule("__main__")); }

static K run_code(K *args, int n, int start) {
    const char *s;
    size_t len;
    if (n < 1 || !text_arg(args[0], &s, &len)) {
        release_args(args, n);
        return kerr("String input expected for code evaluation/execution.");
    }
    char *code = mem_raw_strndup(s, len);
    release_args(args, n);
    if (!code)
        return kerr("wsfull");
    PyObject *g = main_dict();
    PyObject *r = PyRun_String(code, start, g, g);
    mem_raw_free(code);
    if (!r)
        return py_error_to_q();
    if (start == Py_file_input) {
        Py_DECREF(r);
        return obj_identity();
    }
    K f = py_callable_foreign(r, PyCallable_Check(r) ? RT->py.default_mode : -1);
    Py_DECREF(r);
    return f;
}

static K b_pyexec(K *args, int n) { return run_code(args, n, Py_file_input); }
static K b_pyeval(K *args, int n) { return run_code(args, n, Py_eval_input); }

/* is this argument `<` (return q) or `>` (return a foreign)? */
static int return_flag(const K x) {
    if (x->t == KBINARY && x->g == P_LT)
        return '<';
    if (x->t == KBINARY && x->g == P_GT)
        return '>';
    return 0;
}

/* a Python object as q sees it: flag '<' converts (callables return q), '>' raw foreign */
static K present(PyObject *o, int flag) {
    if (flag == '<') {
        if (PyCallable_Check(o) && !PyType_Check(o))
            return py_callable_foreign(o, RT->py.default_mode);
        return py_to_q(o);
    }
    return py_callable_foreign(o, PyCallable_Check(o) ? RT->py.default_mode : -1);
}

static K b_eval(K *args, int n) {
    int flag = n > 1 ? return_flag(args[1]) : 0;
    K code = r1(args[0]);
    release_args(args, n);
    K f = run_code(&code, 1, Py_eval_input);
    if (!f || !flag)
        return f;
    PyObject *o = py_foreign_object(f);
    K r = o ? present(o, flag) : r1(f);
    r0(f);
    return r;
}

static K b_qeval(K *args, int n) {
    K f = run_code(args, n, Py_eval_input);
    if (!f)
        return NULL;
    PyObject *o = py_foreign_object(f);
    K r = o ? py_to_q(o) : r1(f);
    r0(f);
    return r;
}

static K b_get(K *args, int n) {
    int flag = n > 1 ? return_flag(args[1]) : 0;
    if (args[0]->t != -KS) {
        release_args(args, n);
        return kerr("type");
    }
    PyObject *o = PyDict_GetItemString(main_dict(), args[0]->s); /* borrowed */
    if (!o) {
        K e = kerrn(args[0]->s, strlen(args[0]->s));
        char msg[512];
        snprintf(msg, sizeof msg, "NameError(\"name '%s' is not defined\")", args[0]->s);
        release_args(args, n);
        UNUSED(e);
        return kerr(msg);
    }
    release_args(args, n);
    return present(o, flag ? flag : '<');
}

static K b_set(K *args, int n) {
    if (n != 2 || args[0]->t != -KS) {
        release_args(args, n);
        return kerr(n != 2 ? "rank" : "type");
    }
    PyObject *v = py_from_q(args[1], RT->py.default_mode);
    if (!v) {
        release_args(args, n);
        return py_error_to_q();
    }
    int rc = PyDict_SetItemString(main_dict(), args[0]->s, v);
    Py_DECREF(v);
    release_args(args, n);
    return rc < 0 ? py_error_to_q() : obj_identity();
}

static K b_import(K *args, int n) {
    const char *s;
    size_t len;
    if (!text_arg(args[0], &s, &len)) {
        release_args(args, n);
        return kerr("type");
    }
    char *name = mem_raw_strndup(s, len);
    release_args(args, n);
    if (!name)
        return kerr("wsfull");
    PyObject *m = PyImport_ImportModule(name);
    mem_raw_free(name);
    if (!m)
        return py_error_to_q();
    K r = py_callable_foreign(m, -1);
    Py_DECREF(m);
    return r;
}

static K b_toq(K *args, int n) {
    PyObject *o = py_foreign_object(args[0]);
    K r = o ? py_to_q(o) : r1(args[0]);
    release_args(args, n);
    return r;
}

static K b_identity(K *args, int n) {
    K r = r1(args[0]);
    release_args(args, n);
    return r;
}

/* .pykx.topy x and friends: x tagged with the conversion a Python function should receive it
 * with, as (`..python;x); py_from_q reads the tag */
static K tag_with(K *args, int n, const char *tag) {
    if (n != 1) {
        release_args(args, n);
        return kerr("rank");
    }
    K s = obj_atom(-KS);
    if (!s) {
        release_args(args, n);
        return NULL;
    }
    s->s = ss((S)tag);
    return obj_list(2, s, args[0]);
}
static K b_topy(K *args, int n) { return tag_with(args, n, "..python"); }
static K b_tonp(K *args, int n) { return tag_with(args, n, "..numpy"); }
static K b_topd(K *args, int n) { return tag_with(args, n, "..pandas"); }
static K b_todefault(K *args, int n) { return tag_with(args, n, "..default"); }

static K b_setdefault(K *args, int n) {
    const char *s;
    size_t len;
    if (!text_arg(args[0], &s, &len)) {
        release_args(args, n);
        return kerr("type");
    }
    static const struct { const char *name; int mode; } modes[] = {
        {"default", PYC_DEFAULT}, {"np", PYC_NP}, {"py", PYC_PY}, {"k", PYC_K}, {"pd", PYC_DEFAULT}};
    for (size_t i = 0; i < ARRAY_LEN(modes); i++)
        if (strlen(modes[i].name) == len && !memcmp(modes[i].name, s, len)) {
            RT->py.default_mode = modes[i].mode;
            release_args(args, n);
            return obj_identity();
        }
    char msg[128];
    snprintf(msg, sizeof msg, "unknown conversion type: %.*s", (int)len, s);
    release_args(args, n);
    return kerr(msg);
}

static K b_version(K *args, int n) {
    release_args(args, n);
    return obj_str("openq-0.1");
}

static const Builtin builtins[] = {
    {"pyexec", b_pyexec, 1, true},      {"pyeval", b_pyeval, 1, true},
    {"eval", b_eval, 0, true},          {"qeval", b_qeval, 1, true},
    {"get", b_get, 0, true},            {"set", b_set, 2, true},
    {"import", b_import, 1, true},      {"pyimport", b_import, 1, true},
    {"toq", b_toq, 1, false},           {"py2q", b_toq, 1, false},
    {"wrap", b_identity, 1, false},     {"unwrap", b_identity, 1, false},
    {"topy", b_topy, 1, false},         {"tonp", b_tonp, 1, false},
    {"topd", b_topd, 1, false},         {"todefault", b_todefault, 1, false},
    {"setdefault", b_setdefault, 1, true}, {"version", b_version, 1, false},
};

static K builtin_call(void *p, K *args, int n) {
    const Builtin *b = p;
    if (b->writes && lang_refuse_update())
        return release_args(args, n);
    if (py_ensure() < 0)
        return release_args(args, n);
    PyGILState_STATE g = PyGILState_Ensure();
    py_deadline_enter();
    K r = b->fn(args, n);
    py_deadline_leave();
    PyGILState_Release(g);
    return r;
}

void py_define_namespace(void) {
    for (size_t i = 0; i < ARRAY_LEN(builtins); i++) {
        char name[64];
        snprintf(name, sizeof name, ".pykx.%s", builtins[i].name);
        lang_set(ss(name), obj_foreign_fn((void *)&builtins[i], NULL, builtin_call, builtins[i].arity));
    }
    lang_set(ss(".p.e"), obj_foreign_fn((void *)&builtins[0], NULL, builtin_call, 1));
}

/* \l pykx.q (what a PyKX client sends when `pykx is missing, and `q pykx.q` on the command
 * line) defines the namespace: built in, no file is read */
static K load_hook(const char *path) {
    size_t n = strlen(path);
    if (n >= 6 && !strcmp(path + n - 6, "pykx.q") && (n == 6 || path[n - 7] == '/')) {
        py_define_namespace();
        return obj_identity();
    }
    return NULL;
}

void py_register_namespace(void) { RT->svc.load = load_hook; }
