/* intr.h -- Ctrl-C: the interrupt request every layer may poll.
 *
 * The binary's SIGINT handler (app/main.c) only sets intr_pending; code that runs long
 * checks it where the -T deadline is checked (the evaluator's loops and calls, src/lang)
 * and in the outer loops of long primitives (the radix passes of a sort), and stops with
 * 'stop.  Whoever acts on a request takes it (intr_take), so one Ctrl-C stops one thing;
 * the console drops a request left over before it runs the next input. */
#ifndef OPENQ_INTR_H
#define OPENQ_INTR_H

#include <signal.h>
#include <stdbool.h>

/* set from a signal handler: nothing else in the handler, so it stays async-signal-safe */
extern volatile sig_atomic_t intr_pending;

/* true once per request: the request is consumed */
static inline bool intr_take(void) {
    if (!intr_pending)
        return false;
    intr_pending = 0;
    return true;
}

#endif
