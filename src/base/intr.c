/* intr.c -- the interrupt request (intr.h) */
#include "intr.h"

volatile sig_atomic_t intr_pending;
