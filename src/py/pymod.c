/* pymod.c -- the functions of the openq extension module (_openq), shared by the pip-built
 * extension and by the binary's built-in copy (_openq_builtin), so Python code inside an
 * openq server talks to that server's own interpreter.  Python's own classes (python/openq)
 * are thin layers over these. */
#include "openq.h"

#include "../fmt/fmt.h"
#include "../ipc/ipc.h"
#include "../lang/lang.h"
#include "../net/net.h"
#include "../prim/primint.h"
#include "py.h"

/* The module's state (one per module object: PEP 489). */
typedef struct {
    PyObject *qerror; /* openq.QError, the exception q errors become */
} ModuleState;

static ModuleState *state_of(PyObject *m) { return (ModuleState *)PyModule_GetState(m); }

static PyModuleDef builtin_def, extension_def;

PyObject *py_qerror_type(void) {
    /* this process's module: the binary's built-in copy, or the extension in the package */
    static const char *const names[] = {"_openq_builtin", "openq._openq"};
    PyObject *modules = PySys_GetObject("modules"); /* borrowed */
    for (size_t i = 0; modules && i < ARRAY_LEN(names); i++) {
        PyObject *m = PyDict_GetItemString(modules, names[i]); /* borrowed */
        if (!m || !PyModule_Check(m))
            continue;
        PyModuleDef *def = PyModule_GetDef(m);
        if (def == &builtin_def || def == &extension_def)
            return Py_XNewRef(state_of(m)->qerror);
    }
    return NULL;
}

/* the pending q error as openq.QError of module m; NULL */
static PyObject *raise_q(PyObject *m) {
    const char *msg = kerr_msg();
    PyErr_SetString(state_of(m)->qerror, msg ? msg : "error");
    kerr_clear();
    return NULL;
}

static K arg_k(PyObject *o) {
    K x = py_to_q(o);
    return x;
}

static PyObject *m_eval(PyObject *self, PyObject *args) {
    const char *src;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "s#", &src, &n))
        return NULL;
    K r = lang_eval(src, (size_t)n);
    return r ? kref_new(r) : raise_q(self);
}

/* apply(f, *args): f a KRef or q source text */
static PyObject *m_apply(PyObject *self, PyObject *args) {
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 1 || n > 9) {
        PyErr_SetString(PyExc_TypeError, "apply takes a function and up to 8 arguments");
        return NULL;
    }
    PyObject *fo = PyTuple_GET_ITEM(args, 0);
    K f;
    if (PyUnicode_Check(fo)) {
        Py_ssize_t len;
        const char *s = PyUnicode_AsUTF8AndSize(fo, &len);
        f = lang_eval(s, (size_t)len);
    } else {
        f = arg_k(fo);
    }
    if (!f)
        return raise_q(self);
    K av[8];
    for (Py_ssize_t i = 1; i < n; i++) {
        av[i - 1] = arg_k(PyTuple_GET_ITEM(args, i));
        if (!av[i - 1]) {
            for (Py_ssize_t k = 1; k < i; k++)
                r0(av[k - 1]);
            r0(f);
            return raise_q(self);
        }
    }
    int argc = (int)n - 1;
    if (argc == 0) {
        av[0] = obj_identity();
        argc = 1;
    }
    K r = lang_apply(f, av, argc);
    return r ? kref_new(r) : raise_q(self);
}

static PyObject *m_toq(PyObject *self, PyObject *o) {
    K r = py_to_q(o);
    if (!r) {
        if (PyErr_Occurred())
            return NULL;
        return raise_q(self);
    }
    return kref_new(r);
}

static KRef *as_kref(PyObject *o) {
    if (!PyObject_TypeCheck(o, &KRef_Type)) {
        PyErr_SetString(PyExc_TypeError, "expected a q value");
        return NULL;
    }
    return (KRef *)o;
}

static PyObject *m_topy(PyObject *self, PyObject *args) {
    PyObject *o;
    int mode = PYC_PY;
    if (!PyArg_ParseTuple(args, "O|i", &o, &mode))
        return NULL;
    KRef *r = as_kref(o);
    if (!r)
        return NULL;
    PyObject *v = py_from_q(r->k, mode);
    if (!v && !PyErr_Occurred())
        return raise_q(self);
    return v;
}

static PyObject *m_strsyms(PyObject *self, PyObject *o) {
    kerr_clear(); /* NULL without an error means "not all strings" */
    K r = py_strs_to_syms(o);
    if (!r) {
        if (PyErr_Occurred())
            return NULL;
        if (kerr_msg())
            return raise_q(self);
        Py_RETURN_NONE;
    }
    return kref_new(r);
}

static PyObject *m_symobjects(PyObject *self, PyObject *o) {
    KRef *r = as_kref(o);
    if (!r)
        return NULL;
    if (r->k->t != KS) {
        PyErr_SetString(PyExc_TypeError, "a symbol vector is needed");
        return NULL;
    }
    return py_syms_to_objects(r->k);
}

static PyObject *m_type(PyObject *self, PyObject *o) {
    KRef *r = as_kref(o);
    return r ? PyLong_FromLong(r->k->t) : NULL;
}

static PyObject *m_count(PyObject *self, PyObject *o) {
    KRef *r = as_kref(o);
    return r ? PyLong_FromLongLong(obj_count(r->k)) : NULL;
}

static PyObject *m_index(PyObject *self, PyObject *args) {
    PyObject *o;
    long long i;
    if (!PyArg_ParseTuple(args, "OL", &o, &i))
        return NULL;
    KRef *r = as_kref(o);
    if (!r)
        return NULL;
    K x = r->k;
    J n = obj_count(x);
    if (i < 0)
        i += n;
    if (i < 0 || i >= n || x->t < 0 || x->t >= XT) {
        if (x->t == XT || x->t == XD) {
            K idx = kj(i);
            K f = r1(x);
            K out = lang_apply(f, &idx, 1);
            return out ? kref_new(out) : raise_q(self);
        }
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return NULL;
    }
    return kref_new(prim_item(x, i));
}

static PyObject *m_show(PyObject *self, PyObject *args) {
    PyObject *o;
    int oneline = 0;
    if (!PyArg_ParseTuple(args, "O|p", &o, &oneline))
        return NULL;
    KRef *r = as_kref(o);
    if (!r)
        return NULL;
    K s = oneline ? fmt_oneline(r->k) : fmt_console(r->k);
    if (!s)
        return raise_q(self);
    PyObject *out = PyUnicode_DecodeUTF8(kC(s), (Py_ssize_t)s->n, "replace");
    r0(s);
    return out;
}

static PyObject *m_match(PyObject *self, PyObject *args) {
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    K x = py_to_q(a), y = x ? py_to_q(b) : NULL;
    if (!x || !y) {
        r0(x);
        return raise_q(self);
    }
    bool m = prim_match_borrow(x, y);
    r0(x);
    r0(y);
    return PyBool_FromLong(m);
}

/* set_global(name, value): a Python callable becomes a q function (hooks get K objects) */
static PyObject *m_set_global(PyObject *self, PyObject *args) {
    const char *name;
    PyObject *v;
    if (!PyArg_ParseTuple(args, "sO", &name, &v))
        return NULL;
    K x;
    if (PyCallable_Check(v) && !PyObject_TypeCheck(v, &KRef_Type) && !PyObject_HasAttrString(v, "_k"))
        x = py_callable_foreign(v, PYC_K);
    else
        x = py_to_q(v);
    if (!x)
        return PyErr_Occurred() ? NULL : raise_q(self);
    if (lang_set(ss((S)name), x) < 0)
        return raise_q(self);
    Py_RETURN_NONE;
}

static PyObject *m_get_global(PyObject *self, PyObject *args) {
    const char *name;
    if (!PyArg_ParseTuple(args, "s", &name))
        return NULL;
    K v = lang_get(ss((S)name));
    if (!v) {
        kerr_clear();
        Py_RETURN_NONE;
    }
    return kref_new(v);
}

static PyObject *m_listen(PyObject *self, PyObject *args) {
    const char *spec;
    if (!PyArg_ParseTuple(args, "s", &spec))
        return NULL;
    net_cfg()->pw_symbols = true; /* a Python process's server is PyKX's: .z.pw sees symbols */
    int port = net_listen(spec);
    return port < 0 ? raise_q(self) : PyLong_FromLong(port);
}

static PyObject *m_unlisten(PyObject *self, PyObject *unused) {
    net_unlisten();
    Py_RETURN_NONE;
}

/* poll(timeout_ms): one turn of the server loop, the GIL released while waiting */
static PyObject *m_poll(PyObject *self, PyObject *args) {
    int timeout = 0;
    if (!PyArg_ParseTuple(args, "|i", &timeout))
        return NULL;
    int n;
    Py_BEGIN_ALLOW_THREADS
    n = net_poll(timeout);
    Py_END_ALLOW_THREADS
    if (PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(n);
}

static PyObject *m_fd(PyObject *self, PyObject *unused) { return PyLong_FromLong(net_fd()); }

static PyObject *m_connections(PyObject *self, PyObject *unused) {
    return PyLong_FromLong(net_connection_count());
}

static PyObject *m_live(PyObject *self, PyObject *unused) {
    return PyLong_FromLongLong(mem_stats().live_blocks);
}

static PyObject *m_encode(PyObject *self, PyObject *args) {
    PyObject *o;
    int msgtype = 1, cap = 6;
    if (!PyArg_ParseTuple(args, "O|ii", &o, &msgtype, &cap))
        return NULL;
    K x = py_to_q(o);
    if (!x)
        return PyErr_Occurred() ? NULL : raise_q(self);
    K m = ipc_encode(x, msgtype, cap, 0);
    r0(x);
    if (!m)
        return raise_q(self);
    PyObject *b = PyBytes_FromStringAndSize((const char *)kG(m), (Py_ssize_t)m->n);
    r0(m);
    return b;
}

static PyObject *m_decode(PyObject *self, PyObject *args) {
    Py_buffer buf;
    if (!PyArg_ParseTuple(args, "y*", &buf))
        return NULL;
    K x = ipc_decode(buf.buf, (size_t)buf.len);
    PyBuffer_Release(&buf);
    if (!x)
        return raise_q(self);
    if (x->t == KERROR) {
        PyErr_SetString(state_of(self)->qerror, x->s);
        r0(x);
        return NULL;
    }
    return kref_new(x);
}

static PyObject *m_set_wrap(PyObject *self, PyObject *fn) {
    Py_XDECREF(RT->py.wrap_fn);
    RT->py.wrap_fn = Py_NewRef(fn);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"eval", m_eval, METH_VARARGS, "evaluate q source text"},
    {"apply", m_apply, METH_VARARGS, "apply a q function (or q text) to Python arguments"},
    {"toq", m_toq, METH_O, "a Python value as a q value"},
    {"topy", m_topy, METH_VARARGS, "a q value as Python (mode 0 default, 1 py, 2 numpy, 3 K)"},
    {"strsyms", m_strsyms, METH_O, "a list or object array of str as a symbol vector, or None"},
    {"symobjects", m_symobjects, METH_O, "a symbol vector as a numpy object array of str"},
    {"qtype", m_type, METH_O, "q type number"},
    {"count", m_count, METH_O, "q count"},
    {"index", m_index, METH_VARARGS, "item i"},
    {"show", m_show, METH_VARARGS, "console display (or the one-line form)"},
    {"match", m_match, METH_VARARGS, "q ~"},
    {"set_global", m_set_global, METH_VARARGS, "assign a q global"},
    {"get_global", m_get_global, METH_VARARGS, "a q global, or None"},
    {"listen", m_listen, METH_VARARGS, "serve on a port; returns the port"},
    {"unlisten", m_unlisten, METH_NOARGS, "stop listening"},
    {"poll", m_poll, METH_VARARGS, "one turn of the server loop"},
    {"fd", m_fd, METH_NOARGS, "the loop's epoll descriptor"},
    {"connections", m_connections, METH_NOARGS, "open client connections"},
    {"live_objects", m_live, METH_NOARGS, "q objects alive"},
    {"encode", m_encode, METH_VARARGS, "IPC message bytes"},
    {"decode", m_decode, METH_VARARGS, "value of IPC message bytes"},
    {"set_wrap", m_set_wrap, METH_O, "the KRef -> openq.K wrapper"},
    {NULL, NULL, 0, NULL}};

/* ---- the module: multi-phase initialisation (PEP 489), state per module object ---------- */

static int module_traverse(PyObject *m, visitproc visit, void *arg) {
    Py_VISIT(state_of(m)->qerror);
    return 0;
}

static int module_clear(PyObject *m) {
    Py_CLEAR(state_of(m)->qerror);
    return 0;
}

static void module_free(void *m) { module_clear((PyObject *)m); }

/* what both copies hold: QError, KRef, __version__; 0, or -1 with an exception set */
static int module_exec(PyObject *m) {
    if (PyType_Ready(&KRef_Type) < 0)
        return -1;
    ModuleState *st = state_of(m);
    st->qerror = PyErr_NewException("openq.QError", PyExc_Exception, NULL);
    if (!st->qerror || PyModule_AddObjectRef(m, "QError", st->qerror) < 0 ||
        PyModule_AddStringConstant(m, "__version__", OPENQ_VERSION) < 0 ||
        PyModule_AddObjectRef(m, "KRef", (PyObject *)&KRef_Type) < 0)
        return -1;
    return 0;
}

/* the extension in a Python process: start the q runtime and the .pykx namespace first */
static int extension_exec(PyObject *m) {
    RT->py.in_extension = true;
    if (lang_init() < 0) {
        PyErr_SetString(PyExc_ImportError, "openq: the q runtime failed to start");
        return -1;
    }
    net_init();
    py_register_namespace();
    py_define_namespace();
    return module_exec(m);
}

/* one q runtime per process: the module cannot live in several interpreters */
#ifdef Py_mod_multiple_interpreters
#define ONE_INTERPRETER {Py_mod_multiple_interpreters, Py_MOD_MULTIPLE_INTERPRETERS_NOT_SUPPORTED},
#else
#define ONE_INTERPRETER
#endif

static PyModuleDef_Slot builtin_slots[] = {{Py_mod_exec, (void *)module_exec}, ONE_INTERPRETER {0, NULL}};
static PyModuleDef_Slot extension_slots[] = {{Py_mod_exec, (void *)extension_exec}, ONE_INTERPRETER {0, NULL}};

static PyModuleDef builtin_def = {
    PyModuleDef_HEAD_INIT, "_openq_builtin", "openq's engine (this server's own interpreter)",
    sizeof(ModuleState), methods, builtin_slots, module_traverse, module_clear, module_free};
static PyModuleDef extension_def = {
    PyModuleDef_HEAD_INIT, "_openq", "openq's engine", sizeof(ModuleState), methods,
    extension_slots, module_traverse, module_clear, module_free};

/* the binary's built-in copy: the interpreter is already running */
PyMODINIT_FUNC PyInit__openq_builtin(void) { return PyModuleDef_Init(&builtin_def); }

struct PyModuleDef *openq_python_module(void) { return &extension_def; }
