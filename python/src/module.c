/* module.c -- the entry point of the openq extension module for a Python process.  The
 * module itself (functions, state, the exec step that starts the q runtime) is the engine's
 * (src/py/pymod.c, reached through include/openq.h); initialisation is multi-phase. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "openq.h"

PyMODINIT_FUNC PyInit__openq(void) { return PyModuleDef_Init(openq_python_module()); }
