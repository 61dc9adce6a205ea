/* toplevel.c -- one console input (lang_console): \\ and comments, system commands, the
 * evaluation, the display, and q 4's error text with frames and a caret. */
#include <ctype.h>
#include <stdio.h>

#include "../fmt/fmt.h"
#include "lang_int.h"

/* ---- the console --------------------------------------------------------------------------- */

/* is this parse tree an assignment (console prints nothing for it)? */
static bool is_assignment(const K tree) {
    if (tree->t != 0 || tree->n < 3)
        return false;
    K h = kK(tree)[0];
    if (h->t == KBINARY && h->g == P_IDENTITY)
        return true;
    if (h->t == KUNARY && (h->g == SF_ASSIGN_G || h->g == SF_VIEW))
        return true;
    if (h->t == KUNARY && h->g == SF_SEQ)
        return is_assignment(kK(tree)[tree->n - 1]);
    return false;
}

/* q 4's error display: 'msg, then (for a one-line input whose failing primitive is known)
 * the input as frame [0] and a caret under that primitive */
static K error_text(const char *src, size_t n) {
    const char *msg = kerr_msg() ? kerr_msg() : "error";
    long pos = RT->lang.error_node ? parse_position_of(RT->lang.error_node) : RT->lang.parse_error_at - 1;
    RT->lang.parse_error_at = 0;
    bool one_line = !memchr(src, '\n', n);
    size_t len = strlen(msg) + 2 * n + 64;
    K out = obj_vec(KC, 0);
    out = obj_grow(out, (J)len);
    if (!out)
        return NULL;
    out->n = snprintf(kC(out), (size_t)len, "'%s", msg);
    const char *frames = eval_trace_text();
    const char *where = lang_error_where();
    if (frames) { /* the lambda(s) where q's debugger breaks */
        size_t fl = strlen(frames);
        len += fl;
        out = obj_grow(out, (J)len);
        if (!out)
            return NULL;
        out->n += snprintf(kC(out) + out->n, (size_t)(len - out->n), "\n%.*s", (int)(fl ? fl - 1 : 0), frames);
    }
    if (where && !frames) { /* the failure was inside a script: its file and line, not this input */
        len += strlen(where);
        out = obj_grow(out, (J)len);
        if (!out)
            return NULL;
        out->n += snprintf(kC(out) + out->n, (size_t)(len - out->n), "\n  [0]  %s", where);
    } else if (!frames && pos >= 0 && (size_t)pos < n && one_line) {
        out->n += snprintf(kC(out) + out->n, (size_t)(len - out->n), "\n  [0]  %.*s\n%*s^", (int)n, src,
                           (int)(7 + pos), "");
    }
    lang_error_where_clear();
    kerr_clear();
    eval_trace_clear();
    return out;
}

static K console_input(const char *src, size_t n, int *quit);

/* the debugger's commands at a q)) prompt (basics/debug.md): ` up, . down, & where, 'err
 * (cut back a frame), :e (resume with e) */
static K debug_command(const char *src, size_t n) {
    while (n && (src[n - 1] == '\n' || src[n - 1] == '\r' || src[n - 1] == ' '))
        n--;
    while (n && (*src == ' ' || *src == '\t'))
        src++, n--;
    if (!RT->lang.suspend.base || n < 1)
        return NULL;
    if (n >= 2 && src[0] == '\'') { /* 'err: a signal of a name cuts the stack back a frame */
        size_t i = 1;
        while (i < n && (isalnum((unsigned char)src[i]) || src[i] == '_' || src[i] == '.'))
            i++;
        if (i == n && eval_debug_signal(src + 1, n - 1))
            return obj_strn("", 0);
        return NULL;
    }
    if (src[0] == ':' && (n == 1 || src[1] != ':')) { /* :e resumes with e (default ::) */
        K v;
        if (n == 1) {
            v = obj_identity();
        } else {
            K tree = parse_text(src + 1, n - 1, false);
            v = tree ? eval_node(tree, eval_suspended_frame()) : NULL;
            r0(tree);
        }
        if (!v)
            return error_text(src, n);
        eval_debug_resume(v);
        return obj_strn("", 0);
    }
    if (n != 1 || !strchr("`.&", src[0]))
        return NULL;
    if (src[0] != '&')
        eval_debug_move(src[0] == '`');
    return eval_debug_frame_text(src[0] == '&');
}

K lang_debug_where(void) { return eval_debug_frame_text(true); }

bool lang_debug_signalled(void) { return eval_debug_signalled(); }

K lang_console(const char *src, size_t n, int *quit) {
    K cmd = debug_command(src, n);
    if (cmd) {
        *quit = 0;
        return cmd;
    }
    struct RtInput in = {.src = src, .n = n, .at = -1, .outer = RT->lang.input};
    RT->lang.input = &in;
    K out = console_input(src, n, quit);
    RT->lang.input = in.outer;
    parse_origins_sweep(); /* the input's tree is gone: lambdas that died with it too */
    return out;
}

static K console_input(const char *src, size_t n, int *quit) {
    *quit = 0;
    while (n && (src[n - 1] == '\n' || src[n - 1] == '\r' || src[n - 1] == ' '))
        n--;
    size_t lead = 0;
    while (lead < n && (src[lead] == ' ' || src[lead] == '\t'))
        lead++;
    src += lead;
    n -= lead;
    if (RT->lang.input) { /* frame [0] shows the input as trimmed: its offsets are the parser's */
        RT->lang.input->src = src;
        RT->lang.input->n = n;
    }
    if (n == 0)
        return obj_strn("", 0);
    if (n == 2 && src[0] == '\\' && src[1] == '\\') {
        *quit = 1;
        return obj_strn("", 0);
    }
    if (src[0] == '/' && (n == 1 || src[1] == ' '))
        return obj_strn("", 0);
    K r;
    bool silent = false;
    RT->lang.error_node = NULL;
    RT->lang.parse_error_at = 0;
    lang_error_where_clear();
    eval_trace_clear();
    lang_suspend_reset();
    if (src[0] == '\\') {
        r = sys_command(src + 1, n - 1);
    } else {
        bool k_mode = n >= 2 && src[0] == 'k' && src[1] == ')';
        parse_track_positions(!k_mode);
        K tree = parse_text(src + (k_mode ? 2 : 0), n - (k_mode ? 2 : 0), k_mode);
        parse_track_positions(false);
        if (!tree)
            return error_text(src, n);
        silent = is_assignment(tree);
        r = eval_node(tree, eval_suspended_frame()); /* q)): the suspended frame's locals */
        if (!r) { /* the caret needs the tree's nodes: report before freeing it */
            K e = error_text(src, n);
            r0(tree);
            return e;
        }
        r0(tree);
    }
    if (!r)
        return error_text(src, n);
    if (silent || obj_is_identity(r)) {
        r0(r);
        return obj_strn("", 0);
    }
    K text = fmt_console(r);
    r0(r);
    if (!text)
        return error_text(src, n);
    return text;
}

