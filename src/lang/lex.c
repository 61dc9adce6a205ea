/* lex.c -- q's tokens: numbers and temporals (atoms and vector literals), strings, symbols,
 * names, glyphs, iterators, punctuation.  lex_next reads one token from a Lexer. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include "../prim/literal.h"
#include "lex.h"

static bool is_name_start(int c) { return isalpha(c) || c == '.'; }
static bool is_name_char(int c, bool k) { return isalnum(c) || c == '.' || (c == '_' && !k); }

/* a character after which a '-' that precedes a digit is subtraction, not a sign */
static bool ends_noun(int c) {
    return isalnum(c) || c == ')' || c == ']' || c == '}' || c == '"' || c == '`' || c == '_' ||
           c == '.';
}

/* ---- the lexer ------------------------------------------------------------------------- */

void lex_init(Lexer *lx, const char *src, size_t n) {
    lx->src = src;
    lx->n = n;
    lx->pos = 0;
    lx->apply_at = (size_t)-1;
    lx->k_names = false;
}

static int peekc(const Lexer *lx, size_t off) {
    return lx->pos + off < lx->n ? (unsigned char)lx->src[lx->pos + off] : 0;
}

/* Skip blanks and comments.  Returns true if a newline was crossed that starts no
 * continuation; *line says whether any newline was. */
static bool skip_space(Lexer *lx, bool *space, bool *line) {
    bool newline = false;
    *space = false;
    *line = false;
    for (;;) {
        int c = peekc(lx, 0);
        if (c == ' ' || c == '\t' || c == '\r') {
            lx->pos++;
            *space = true;
        } else if (c == 0xc2 && peekc(lx, 1) == 0xa0) { /* a no-break space (UTF-8) is a blank */
            lx->pos += 2;
            *space = true;
        } else if (c == '\n') {
            lx->pos++;
            *line = true;
            /* a line that starts with a blank continues the one before it */
            int next = peekc(lx, 0);
            if (next != ' ' && next != '\t')
                newline = true;
            *space = true;
        } else if (c == '/' && (*space || lx->pos == 0)) {
            /* comment to end of line */
            while (lx->pos < lx->n && lx->src[lx->pos] != '\n')
                lx->pos++;
        } else {
            break;
        }
    }
    return newline;
}

/* the length of a number word starting at p: digits, letters, '.', ':' (and a sign after
 * an exponent 'e') */
static size_t word_len(const char *s, size_t p, size_t n) {
    size_t i = p;
    if (i < n && s[i] == '-')
        i++;
    while (i < n) {
        char c = s[i];
        if (isalnum((unsigned char)c) || c == '.' || c == ':') {
            i++;
        } else if ((c == '-' || c == '+') && i > p && (s[i - 1] == 'e' || s[i - 1] == 'E') &&
                   i + 1 < n && isdigit((unsigned char)s[i + 1]) && i - 1 > p &&
                   (isdigit((unsigned char)s[i - 2]) || s[i - 2] == '.')) {
            i++;
        } else {
            break;
        }
    }
    /* a trailing ':' belongs to assignment (x:1 is not a clock) */
    while (i > p && s[i - 1] == ':')
        i--;
    return i - p;
}

static bool starts_number(const Lexer *lx, size_t p) {
    const char *s = lx->src;
    size_t n = lx->n;
    if (p >= n)
        return false;
    if (isdigit((unsigned char)s[p]))
        return true;
    if (s[p] == '.' && p + 1 < n && isdigit((unsigned char)s[p + 1]))
        return true;
    return false;
}

/* may a '-' at position p start a negative number?  Only where a noun cannot end just
 * before it (x-1 is subtraction, x -1 is x applied to -1, 1 -1 is a vector). */
static bool minus_is_sign(const Lexer *lx, size_t p) {
    if (!starts_number(lx, p + 1))
        return false;
    if (p == 0)
        return true;
    int prev = (unsigned char)lx->src[p - 1];
    if (prev == ' ' || prev == '\t' || prev == '\n')
        return true;
    if (prev == '_') { /* the end of a name (a_-1), or drop after a number (1_-10_x) */
        size_t q = p - 1;
        while (q > 0 && is_name_char((unsigned char)lx->src[q - 1], lx->k_names))
            q--;
        return !is_name_start((unsigned char)lx->src[q]);
    }
    return !ends_noun(prev);
}

static K make_bytes(const char *s, size_t n) {
    size_t digits = n - 2;
    if (digits == 0)
        return ktn(KG, 0);
    size_t count = (digits + 1) / 2;
    K v = digits <= 2 ? obj_atom(-KG) : obj_vec(KG, (J)count);
    if (!v)
        return NULL;
    G *out = v->t < 0 ? &v->g : kG(v);
    size_t j = 0;
    const char *h = s + 2;
    if (digits % 2) {
        out[j++] = (G)strtol((char[]){h[0], 0}, NULL, 16);
        h++;
        digits--;
    }
    for (size_t i = 0; i < digits; i += 2) {
        char pair[3] = {h[i], h[i + 1], 0};
        out[j++] = (G)strtol(pair, NULL, 16);
    }
    return v;
}

/* Read a numeric literal (atom or vector) at lx->pos. */
static K lex_number(Lexer *lx) {
    const char *s = lx->src;
    size_t p = lx->pos;
    size_t len = word_len(s, p, lx->n);
    /* bytes 0x.. */
    if (len >= 2 && s[p] == '0' && s[p + 1] == 'x') {
        for (size_t i = p + 2; i < p + len; i++)
            if (!isxdigit((unsigned char)s[i]))
                return kerr("syntax");
        lx->pos = p + len;
        return make_bytes(s + p, len);
    }
    /* boolean vectors 0101b */
    if (len >= 2 && s[p + len - 1] == 'b') {
        bool ok = true;
        for (size_t i = p; i < p + len - 1; i++)
            ok = ok && (s[i] == '0' || s[i] == '1');
        if (ok) {
            lx->pos = p + len;
            if (len == 2)
                return kb(s[p] - '0');
            K v = obj_vec(KB, (J)(len - 1));
            if (v)
                for (size_t i = 0; i < len - 1; i++)
                    kG(v)[i] = (G)(s[p + i] - '0');
            return v;
        }
    }
    /* a run of words separated by single blanks forms a vector */
    Num nums[1] = {{0}};
    size_t cap = 8, count = 0;
    Num *all = mem_raw_alloc(cap * sizeof(Num));
    if (!all)
        return kerr("wsfull");
    size_t q = p;
    for (;;) {
        size_t wl = word_len(s, q, lx->n);
        Num num;
        if (!lit_parse_word(s + q, wl, &num)) {
            if (count == 0) {
                mem_raw_free(all);
                return kerr("syntax");
            }
            break;
        }
        if (count == cap) {
            cap *= 2;
            Num *grown = mem_raw_realloc(all, cap * sizeof(Num));
            if (!grown) {
                mem_raw_free(all);
                return kerr("wsfull");
            }
            all = grown;
        }
        all[count++] = num;
        q += wl;
        /* continue if blanks then another number word */
        size_t r = q;
        for (;;) { /* blanks, no-break spaces, and a newline followed by a blank (continuation) */
            if (r < lx->n && s[r] == ' ')
                r++;
            else if (r + 1 < lx->n && (unsigned char)s[r] == 0xc2 && (unsigned char)s[r + 1] == 0xa0)
                r += 2;
            else if (r + 1 < lx->n && s[r] == '\n' && (s[r + 1] == ' ' || s[r + 1] == '\t'))
                r++;
            else
                break;
        }
        if (r == q || r >= lx->n)
            break;
        size_t next = r;
        if (!(starts_number(lx, next) || (s[next] == '-' && starts_number(lx, next + 1))))
            break;
        size_t nl = word_len(s, next, lx->n);
        Num probe;
        if (!lit_parse_word(s + next, nl, &probe))
            break;
        q = next;
    }
    UNUSED(nums);
    lx->pos = q;
    /* decide the vector's type: the last item's suffix, else float if any is float, else
     * the common type */
    int type = all[count - 1].type;
    if (!all[count - 1].suffixed) {
        for (size_t i = 0; i < count; i++)
            if (all[i].type == -KF && type == -KJ)
                type = -KF;
        for (size_t i = 0; i < count; i++)
            if (all[i].type != -KJ && all[i].type != -KF)
                type = all[i].type;
    }
    K result;
    if (count == 1) {
        result = obj_atom(all[0].type);
        if (result)
            lit_store_atom(result, &all[0]);
    } else {
        result = obj_vec(-type, (J)count);
        for (size_t i = 0; result && i < count; i++) {
            Num num = all[i];
            if (num.type != type && !lit_coerce(&num, type) ) {
                /* an earlier unsuffixed item takes the last item's suffix: 1 2 3h */
                if (!(all[count - 1].suffixed && num.bare_int)) {
                    r0(result);
                    result = kerr("syntax");
                    break;
                }
                num.suffixed = false;
                if (!lit_coerce(&num, type)) {
                    r0(result);
                    result = kerr("syntax");
                    break;
                }
            }
            lit_store(result, (J)i, &num);
        }
    }
    mem_raw_free(all);
    return result;
}

static K lex_string(Lexer *lx) {
    const char *s = lx->src;
    size_t p = lx->pos + 1;
    K out = obj_reserve(KC, 16);
    if (!out)
        return NULL;
    while (p < lx->n && s[p] != '"') {
        char c = s[p++];
        if (c == '\\' && p < lx->n) {
            char e = s[p++];
            switch (e) {
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case 'r': c = '\r'; break;
            case '\\': c = '\\'; break;
            case '"': c = '"'; break;
            default:
                if (e >= '0' && e <= '7') {
                    int v = e - '0';
                    for (int k = 0; k < 2 && p < lx->n && s[p] >= '0' && s[p] <= '7'; k++)
                        v = v * 8 + (s[p++] - '0');
                    c = (char)v;
                } else {
                    c = e;
                }
            }
        }
        if (!(out = obj_push_atom(out, &c)))
            return NULL;
    }
    if (p >= lx->n) {
        r0(out);
        return kerr("\"");
    }
    lx->pos = p + 1;
    if (out->n == 1) {
        K a = kc(kC(out)[0]);
        r0(out);
        return a;
    }
    return out;
}

static bool is_sym_char(int c) { return isalnum(c) || c == '.' || c == '_' || c == ':' || c == '/'; }

static K lex_symbols(Lexer *lx) {
    const char *s = lx->src;
    K v = ktn(KS, 0);
    while (v && lx->pos < lx->n && s[lx->pos] == '`') {
        size_t st = ++lx->pos;
        if (lx->pos < lx->n && s[lx->pos] == '"') {
            K str = lex_string(lx);
            if (!str) {
                r0(v);
                return NULL;
            }
            S sym = str->t == -KC ? sym_intern((char *)&str->g, 1) : sym_intern(kC(str), (size_t)str->n);
            r0(str);
            v = ja(&v, &sym) ? v : NULL;
            continue;
        }
        /* a symbol does not start with '/': `/:x is ` sv x (k's form, KX's tq.q) */
        while (lx->pos < lx->n && is_sym_char((unsigned char)s[lx->pos]) && !(lx->pos == st && s[lx->pos] == '/'))
            lx->pos++;
        /* a symbol does not end with ':' unless it is a file handle `:a: (rare) */
        if (lx->pos > st && s[lx->pos - 1] == ':' && s[st] != ':')
            lx->pos--;
        S sym = sym_intern(s + st, lx->pos - st);
        if (!ja(&v, &sym))
            return NULL;
    }
    if (!v)
        return NULL;
    if (v->n == 1) {
        K a = obj_atom(-KS);
        if (a)
            a->s = kS(v)[0];
        r0(v);
        return a;
    }
    return v;
}

static const char glyphs[] = "+-*%!&|<>=~,^#_$?@.:";

Token lex_next(Lexer *lx) {
    Token t = {0};
    bool space;
    t.newline = skip_space(lx, &space, &t.line);
    t.space_before = space;
    t.pos = lx->pos;
    if (lx->pos >= lx->n) {
        t.kind = TK_END;
        return t;
    }
    const char *s = lx->src;
    int c = (unsigned char)s[lx->pos];
    int c1 = peekc(lx, 1);
    if (starts_number(lx, lx->pos) || (c == '-' && minus_is_sign(lx, lx->pos))) {
        /* 0: 1: 2: are verbs unless two digits make a clock (1:30); `f 0:100000#x writes */
        int c2 = peekc(lx, 2);
        bool clock = isdigit(c2) && isdigit(peekc(lx, 3)) && !isdigit(peekc(lx, 4));
        if ((c == '0' || c == '1' || c == '2') && c1 == ':' && !clock) {
            t.kind = TK_VERB;
            t.text = s + lx->pos;
            t.len = 2;
            lx->pos += 2;
            if (peekc(lx, 0) == ':') { /* 0:: monadic form */
                t.len = 3;
                lx->pos++;
            }
            return t;
        }
        t.kind = TK_NOUN;
        t.value = lex_number(lx);
        if (!t.value)
            t.kind = TK_ERROR;
        return t;
    }
    if (c == '"') {
        t.kind = TK_NOUN;
        t.value = lex_string(lx);
        if (!t.value)
            t.kind = TK_ERROR;
        return t;
    }
    if (c == '`') {
        t.kind = TK_SYMBOL;
        t.value = lex_symbols(lx);
        if (!t.value)
            t.kind = TK_ERROR;
        return t;
    }
    /* a '.' right after ')' is Apply even before a letter: (!).flip x; after ']' it starts a
     * name (ref/dotq.md: .Q.def[d].Q.opt .z.x) */
    bool dot_apply = c == '.' && lx->pos == lx->apply_at;
    if (is_name_start(c) && !dot_apply && !(c == '.' && !is_name_start(c1) && !isalpha(c1))) {
        size_t st = lx->pos;
        while (lx->pos < lx->n && is_name_char((unsigned char)s[lx->pos], lx->k_names))
            lx->pos++;
        /* a name never ends with '.' */
        while (lx->pos > st + 1 && s[lx->pos - 1] == '.')
            lx->pos--;
        t.kind = TK_NAME;
        t.text = s + st;
        t.len = lx->pos - st;
        return t;
    }
    switch (c) {
    case '(': t.kind = TK_LPAREN; lx->pos++; return t;
    case ')': t.kind = TK_RPAREN; lx->apply_at = ++lx->pos; return t;
    case '[': t.kind = TK_LBRACK; lx->pos++; return t;
    case ']': t.kind = TK_RBRACK; lx->pos++; return t;
    case '{': t.kind = TK_LBRACE; lx->pos++; return t;
    case '}': t.kind = TK_RBRACE; lx->pos++; return t;
    case ';': t.kind = TK_SEMI; lx->pos++; return t;
    case '\'':
        t.kind = TK_ADVERB;
        t.text = s + lx->pos;
        t.len = c1 == ':' ? 2 : 1;
        lx->pos += t.len;
        return t;
    case '/': case '\\':
        t.kind = TK_ADVERB;
        t.text = s + lx->pos;
        t.len = c1 == ':' ? 2 : 1;
        lx->pos += t.len;
        return t;
    }
    if (strchr(glyphs, c)) {
        t.kind = TK_VERB;
        t.text = s + lx->pos;
        t.len = 1;
        if ((c == '<' && (c1 == '=' || c1 == '>')) || (c == '>' && c1 == '='))
            t.len = 2;
        else if (c == ':' && c1 == ':')
            t.len = 2;
        lx->pos += t.len;
        /* a glyph directly followed by ':' (x+:1, or +: as the monadic form), or by '::'
         * (x,::y: a global amended in a lambda) */
        if (t.len == 1 && c != ':' && peekc(lx, 0) == ':') {
            t.colon = true;
            t.global = peekc(lx, 1) == ':';
            lx->pos += t.global ? 2 : 1;
        }
        return t;
    }
    t.kind = TK_ERROR;
    lx->pos++;
    kerr("char");
    return t;
}
