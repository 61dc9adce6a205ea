/* script.c -- q source text run by q's script rules (lang_eval_script): continuation lines,
 * comment blocks, \\ ending a script, system commands, and where a failing statement was. */
#include <stdio.h>
#include <stdlib.h>

#include "lang_int.h"

/* where the statement that failed in a script was: "file:line: text" and a caret line,
 * set by the innermost script that failed, shown with the error, cleared by the console:
 * RT->lang.script_where */
const char *lang_error_where(void) { return RT->lang.script_where[0] ? RT->lang.script_where : NULL; }
const char *lang_error_frames(void) { return eval_trace_text(); }
void lang_error_where_clear(void) { RT->lang.script_where[0] = 0; }

/* the length of the line at s (up to n bytes) without its \n, a trailing \r or blanks */
static size_t line_length(const char *s, size_t n, size_t *next) {
    size_t end = 0;
    while (end < n && s[end] != '\n')
        end++;
    *next = end < n ? end + 1 : n;
    while (end && (s[end - 1] == '\r' || s[end - 1] == ' ' || s[end - 1] == '\t'))
        end--;
    return end;
}

static bool is_blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

/* does the script file name end in .k (all of it k, as q loads one)? */
static bool k_script(const char *file) {
    size_t n = file ? strlen(file) : 0;
    return n > 2 && !strcmp(file + n - 2, ".k");
}

/* one statement of a script: a \command, k) code or q (k throughout a .k script); file, when
 * given, names the script whose line `line` it starts on, for the error location */
static K eval_statement(const char *text, size_t len, const char *file, long line) {
    if (text[0] == '\\')
        return sys_command(text + 1, len - 1);
    bool prefixed = len >= 2 && text[0] == 'k' && text[1] == ')';
    bool k_mode = prefixed || k_script(file);
    size_t skip = prefixed ? 2 : 0;
    const void *saved_node = RT->lang.error_node;
    RT->lang.error_node = NULL;
    parse_track_positions(file && !k_mode);
    parse_set_origin(file, line);
    K tree = parse_text(text + skip, len - skip, k_mode);
    parse_set_origin(NULL, 0);
    parse_track_positions(false);
    K r = tree ? eval_node(tree, NULL) : NULL;
    if (!r && file && !RT->lang.script_where[0]) {
        size_t first = 0;
        while (first < len && text[first] != '\n')
            first++;
        long pos = tree && RT->lang.error_node ? parse_position_of(RT->lang.error_node) : -1;
        int head = snprintf(RT->lang.script_where, sizeof RT->lang.script_where, "%s:%ld: ", file, line);
        int used = snprintf(RT->lang.script_where + head, sizeof RT->lang.script_where - (size_t)head, "%.*s", (int)first, text);
        if (pos >= 0 && (size_t)pos < first && head + used + pos + 8 < (long)sizeof RT->lang.script_where)
            snprintf(RT->lang.script_where + head + used, sizeof RT->lang.script_where - (size_t)(head + used), "\n%*s^",
                     (int)(7 + head + pos), "");
    }
    r0(tree);
    if (r)
        RT->lang.error_node = saved_node;
    return r;
}

/* Run a script by q's rules: a line that starts with a blank continues the statement above
 * it, and blank lines and comment lines (starting "/") between its lines are passed over; a
 * line "/" alone opens a comment block that a line "\\" alone closes; a line "\\" alone
 * outside a block ends the script; a line starting "\\" is a system command.  Statements run
 * in order; the first failure stops the script (NULL + the error, and lang_error_where names
 * file and line when file is given).  The value is the last statement's. */
K lang_eval_script(const char *src, size_t n, const char *file) {
    K last = obj_identity();
    K buf = NULL; /* a statement gathered from several lines (a char vector, reused) */
    size_t i = 0;
    long lineno = 0;
    bool in_comment = false;
    while (i < n) {
        size_t next;
        size_t len = line_length(src + i, n - i, &next);
        const char *text = src + i;
        long start_line = ++lineno;
        i += next;
        if (in_comment) {
            if (len == 1 && text[0] == '\\')
                in_comment = false;
            continue;
        }
        if (len == 1 && text[0] == '/') {
            in_comment = true;
            continue;
        }
        if (len == 1 && text[0] == '\\')
            break; /* the rest of the file is not q */
        if (is_blank(text, len) || text[0] == '/')
            continue;
        /* gather the continuation lines: indented ones join, blank and comment ones between
         * them are passed over; a system command's too (kdb's taq/daily.q: `\t` of a
         * select over three lines) */
        size_t total = len;
        bool joined = false;
        {
            size_t j = i;
            long jline = lineno;
            while (j < n) {
                size_t jn;
                size_t jl = line_length(src + j, n - j, &jn);
                const char *jt = src + j;
                if (is_blank(jt, jl) || (jt[0] == '/' && jl > 1)) {
                    j += jn, jline++;
                    continue;
                }
                if (jt[0] != ' ' && jt[0] != '\t')
                    break;
                if (!joined) {
                    if (buf)
                        buf->n = 0;
                    buf = obj_push_items(buf ? buf : ktn(KC, 0), text, (J)len);
                    joined = true;
                }
                buf = obj_push_items(obj_push_items(buf, "\n", 1), jt, (J)jl);
                if (!buf) {
                    r0(last);
                    return NULL;
                }
                total = (size_t)buf->n;
                j += jn, jline++;
                i = j, lineno = jline;
            }
        }
        K r = eval_statement(joined ? kC(buf) : text, total, file, start_line);
        r0(last);
        if (!r) {
            r0(buf);
            return NULL;
        }
        last = r;
    }
    r0(buf);
    return last;
}

K lang_eval(const char *src, size_t n) { return lang_eval_script(src, n, NULL); }

