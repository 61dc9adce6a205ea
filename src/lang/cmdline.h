/* cmdline.h -- q's command line, parsed once by the binary (src/lang/cmdline.c). */
#ifndef OPENQ_CMDLINE_H
#define OPENQ_CMDLINE_H

#include <stdbool.h>
#include <stddef.h>

/* read argv by q's rule (see cmdline.c) and set .z.x, .z.X and .z.f; argv must outlive
 * the process (option values point into it) */
void cmdline_parse(int argc, char **argv);
/* the file named on the command line, or NULL */
const char *cmdline_script(void);
/* the value given to -letter ("" for an option without values), or NULL when absent */
const char *cmdline_option(char letter);
/* the second value of a two-value option (-c rows cols), or NULL */
const char *cmdline_option2(char letter);

/* true when every option's value has the form it needs (numbers, [host:]port); else false
 * with the reason, naming the option, in why */
bool cmdline_check(char *why, size_t n);

#endif
