/* module.c -- the openq extension module for a Python process: start the q runtime and
 * the .pykx namespace, then expose the engine (src/py/pymod.c). */
#include "lang/lang.h"
#include "py/py.h"

PyMODINIT_FUNC PyInit__openq(void) {
    RT->py.in_extension = true;
    if (lang_init() < 0) {
        PyErr_SetString(PyExc_ImportError, "openq: the q runtime failed to start");
        return NULL;
    }
    py_register_namespace();
    return py_module_create("_openq");
}
