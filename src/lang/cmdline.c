/* cmdline.c -- q's command line `q [file] [args] [-option [values]] ...`, read once.
 *
 * The rule, as q applies it: the single-letter options q knows (the table below) are
 * consumed together with the values they take; the first bare argument that is neither an
 * option's value nor follows an unknown option is the file to load; everything else (bare
 * arguments after the file, unknown options and their values) is kept, in order, for .z.x.
 * .z.X is the whole command line, .z.f the file.  Other layers read option values through
 * cmdline_option, so this table is the only place that knows which options take values. */
#include <stdio.h>
#include <string.h>

#include "cmdline.h"
#include "lang_int.h"

/* q's options and how many values each takes (kdb+ docs, basics/cmdline.md) */
static const struct {
    char letter; /* -letter */
    int values;  /* arguments consumed after it */
} q_options[] = {
    {'b', 0}, {'q', 0}, {'l', 0}, {'L', 0},                                   /* flags */
    {'c', 2}, {'C', 2},                                                       /* rows cols */
    {'e', 1}, {'E', 1}, {'g', 1}, {'m', 1}, {'o', 1}, {'p', 1}, {'P', 1}, {'r', 1},
    {'s', 1}, {'S', 1}, {'t', 1}, {'T', 1}, {'u', 1}, {'U', 1}, {'w', 1}, {'W', 1},
    {'z', 1},
};

/* options whose values are numbers (-p may also be host:port) */
static const char numeric_options[] = "cCeEgoPsStTwWz";

/* what cmdline_parse found is RT->lang.cmd */

/* the number of values -letter takes, or -1 when q has no such option */
static int option_values(const char *arg) {
    if (arg[0] != '-' || !arg[1] || arg[2])
        return -1;
    for (size_t i = 0; i < ARRAY_LEN(q_options); i++)
        if (q_options[i].letter == arg[1])
            return q_options[i].values;
    return -1;
}

void cmdline_parse(int argc, char **argv) {
    memset(&RT->lang.cmd, 0, sizeof RT->lang.cmd);
    RT->lang.cmd.parsed = true;
    K x = ktn(0, 0), raw = ktn(0, 0);
    for (int i = 0; i < argc; i++)
        jk(&raw, obj_str(argv[i]));
    bool after_unknown = false; /* bare arguments after an unknown option are its values */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int nv = option_values(a);
        if (nv >= 0) {
            unsigned char letter = (unsigned char)a[1];
            RT->lang.cmd.value[letter] = nv == 0 ? "" : (i + 1 < argc ? argv[i + 1] : "");
            if (nv == 2)
                RT->lang.cmd.value2[letter] = i + 2 < argc ? argv[i + 2] : NULL;
            i += nv < argc - i ? nv : argc - i - 1;
            after_unknown = false;
            continue;
        }
        if (a[0] == '-' && a[1])
            after_unknown = true;
        else if (!RT->lang.cmd.script && !after_unknown) {
            RT->lang.cmd.script = a;
            continue;
        }
        jk(&x, obj_str(a));
    }
    zvals_set_args(x, raw, RT->lang.cmd.script);
}

const char *cmdline_script(void) { return RT->lang.cmd.script; }

const char *cmdline_option(char letter) {
    unsigned char c = (unsigned char)letter;
    return c < 128 ? RT->lang.cmd.value[c] : NULL;
}

const char *cmdline_option2(char letter) {
    unsigned char c = (unsigned char)letter;
    return c < 128 ? RT->lang.cmd.value2[c] : NULL;
}

/* an integer, optionally negative */
static bool is_integer(const char *v) {
    if (*v == '-')
        v++;
    if (!*v)
        return false;
    for (; *v; v++)
        if (*v < '0' || *v > '9')
            return false;
    return true;
}

bool cmdline_check(char *why, size_t n) {
    for (const char *c = numeric_options; *c; c++) {
        const char *vals[2] = {cmdline_option(*c), cmdline_option2(*c)};
        for (int k = 0; k < 2; k++)
            if (vals[k] && !is_integer(vals[k])) {
                snprintf(why, n, "-%c %s: not a number", *c, vals[k]);
                return false;
            }
    }
    /* -p is checked where it is bound (net_listen: [rp,][host:]port, lo/hi, 0W, a service) */
    return true;
}
