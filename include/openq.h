/* openq.h -- the engine's embedding API: what a host of the q runtime outside src/ calls.
 * The kdb+ C API over openq values is include/k.h; this header holds only what k.h does not
 * and no engine internals.  Kept small on purpose: a runtime object will come behind it. */
#ifndef OPENQ_H
#define OPENQ_H

/* OPENQ_API marks the public entry points.  The engine is linked statically into the binary
 * and the Python extension, both built with hidden visibility, so that by default nothing is
 * exported (k.h's names must not collide with PyKX's kdb+ library in the same process); a
 * shared library built with OPENQ_SHARED would export exactly these. */
#if defined(OPENQ_SHARED)
#define OPENQ_API __attribute__((visibility("default")))
#else
#define OPENQ_API
#endif

struct PyModuleDef;

/* The definition of the Python extension module _openq, for multi-phase initialisation
 * (PEP 489): PyInit__openq returns PyModuleDef_Init(openq_python_module()).  Its exec step
 * starts the q runtime in the host Python process and the .pykx namespace; QError lives in
 * the module's state.  Defined in src/py/pymod.c. */
OPENQ_API struct PyModuleDef *openq_python_module(void);

#endif
