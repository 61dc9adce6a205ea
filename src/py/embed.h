/* embed.h -- the Python bridge's entry points for the binary, which does not include
 * Python.h: the .pykx namespace, and Ctrl-C reaching the Python code that runs. */
#ifndef OPENQ_PY_EMBED_H
#define OPENQ_PY_EMBED_H

/* \l pykx.q defines the .pykx namespace, as PyKX's server has it only after loading
 * pykx.q (Python starts on first use) */
void py_register_namespace(void);
/* define the .pykx namespace now (the Python extension: PyKX's embedded q has it) */
void py_define_namespace(void);
/* Ctrl-C: raise KeyboardInterrupt in the Python code running, if any */
void py_interrupt(void);

#endif
