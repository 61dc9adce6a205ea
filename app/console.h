/* console.h -- the q console as a user drives it (app/console.c): input gathered while
 * brackets are open, the prompt and line editing on a terminal (inside the server's loop,
 * so clients and the timer are served while the user types), history, Ctrl-C, the banner,
 * the q)) debug prompt. */
#ifndef OPENQ_APP_CONSOLE_H
#define OPENQ_APP_CONSOLE_H

#include <stdbool.h>
#include <stdio.h>

/* Ctrl-C stops what runs ('stop) and never ends the process: the SIGINT handler only
 * raises the interrupt request (base/intr.h) and asks Python to stop if it is running */
void console_catch_interrupt(void);
/* the banner: openq, its version and the q it follows (terminal only, not with -q) */
void console_banner(void);
/* The terminal console: the q) prompt, libedit line editing and history, driven from the
 * server's loop (src/net) together with clients and the timer; returns when the user
 * leaves (\\, Ctrl-D) */
int console_terminal(void);
/* a pipe or a file on stdin: each input run as the console would, no prompt; 1 when it
 * ended with \\ */
int console_stream(FILE *fp);
/* OPENQ_STEPS=1: length-framed inputs (test drivers) */
void console_steps(void);

#endif
