/* py.h -- the Python bridge (the only layer that includes Python.h).
 *
 * One conversion module serves both directions: q calling Python (.pykx.*, Python hooks)
 * and Python calling q (the openq package).  In the openq binary Python is embedded and
 * started on first use; inside a Python process (the extension) it is already running.
 * Errors: functions returning K give NULL + kerr; functions returning PyObject* give NULL
 * with a Python exception set. */
#ifndef OPENQ_PY_H
#define OPENQ_PY_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "../obj/obj.h"
#include "embed.h"

/* q -> Python conversions */
enum {
    PYC_DEFAULT, /* as PyKX under q: numpy for atoms/vectors, list, dict, DataFrame */
    PYC_PY,      /* plain Python: int, float, str, list, dict */
    PYC_NP,      /* numpy */
    PYC_K,       /* wrapped K objects (what PyKX hands Python hooks) */
};

/* Python run once the embedded interpreter is up: src/py/boot.py, embedded at build time */
extern const char py_boot_src[];

/* start embedded Python if it is not running (binary); 0 or -1 + kerr */
int py_ensure(void);
/* RT->py.in_extension: this process is a Python interpreter that imported openq */

/* q value (borrowed) to a new Python object */
PyObject *py_from_q(const K x, int mode);
/* Python object to a new q value, or NULL + kerr */
K py_to_q(PyObject *o);
/* the pending Python exception as a q error; clears it.  A QError (a q error raised in Python,
 * or one that passed through Python) travels as its own text; any other exception as its
 * repr, ExcType('message') */
K py_error_to_q(void);
/* openq.QError, the exception type q errors become in Python, from the module's state (a new
 * reference; NULL, no exception, before the module loads) */
PyObject *py_qerror_type(void);

/* a list or 1-d object ndarray whose first item is a str as a symbol vector, as PyKX makes
 * it: None the empty symbol, any other item its str() (an array's; a list must hold only
 * str and None); each distinct object converted once.  NULL without error when it is empty
 * or its first item is not a str (or a list's another item), NULL + kerr on failure */
K py_strs_to_syms(PyObject *o);
/* symbol vector x (borrowed) as a numpy object array of str, one str made per distinct symbol;
 * NULL with a Python exception on failure */
PyObject *py_syms_to_objects(const K x);

/* a q foreign wrapping a Python callable; its arguments are converted with `mode` */
K py_callable_foreign(PyObject *fn, int mode);
/* the Python object held by a foreign made here, or NULL */
PyObject *py_foreign_object(const K x);

/* -T inside Python: called with the GIL around every call from q into Python.  When a query
 * deadline is set, the outermost call arms a timer that raises KeyboardInterrupt("stop")
 * in the running Python code once it passes; py_error_to_q reports that as 'stop. */
void py_deadline_enter(void);
void py_deadline_leave(void);
/* the Python error pending came from the deadline or Ctrl-C (since the outermost enter) */
bool py_deadline_tripped(void);


/* the KRef type: a Python handle on a K value */
extern PyTypeObject KRef_Type;
typedef struct {
    PyObject_HEAD
    K k;                  /* owned reference */
    Py_ssize_t shape[1];  /* buffer protocol: item count */
    Py_ssize_t strides[1];/* buffer protocol: item width */
    bool writable;        /* buffer protocol: a view numpy may write (vector_to_numpy) */
} KRef;
PyObject *kref_new(K x); /* consumes x */
/* the binary's built-in copy of the module (PyImport_AppendInittab); the extension's is
 * openq_python_module (include/openq.h).  Both are defined in pymod.c with the same functions */
PyMODINIT_FUNC PyInit__openq_builtin(void);
/* RT->py.wrap_fn: the Python function that wraps KRefs into openq.K subclasses (set by
 * openq/__init__.py) */

#endif
