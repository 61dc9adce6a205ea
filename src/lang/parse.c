/* parse.c -- q source to parse trees (lang_int.h says what the trees look like).
 *
 * Grammar (q evaluates right to left, so an expression is a run of items folded from the
 * right):
 *   statements := expr { (';' | newline at top level) expr }
 *   expr       := item*            folded by build(): noun verb expr (dyadic),
 *                                  verb expr (monadic), noun expr (juxtaposition)
 *   item       := term postfix*    postfix: '[' args ']' (application), adverb (derived)
 *   term       := literal | `sym | name | glyph | '(' list ')' | '([' keys ']' cols ')'
 *               | '{' lambda '}' | control '[' args ']'
 */
#include <ctype.h>
#include <stdlib.h>

#include <stdio.h>

#include "lang_int.h"
#include "lex.h"

typedef struct Scope {
    struct Scope *outer; /* enclosing lambda, NULL at top level */
    K locals;            /* symbol vector: names assigned with ':' in this lambda */
    K globals;           /* symbol vector: names assigned with '::' before any ':' to them */
    K params;            /* the declared parameters (borrowed), NULL before or without them */
    int implicit;        /* highest implicit parameter used: 1 x, 2 y, 3 z */
    bool explicit_params;/* the lambda declared [params] */
    int qsql_masked;     /* inside a select, by or where phrase: x y z there are no implicit
                          * parameters (basics/qsql.md); the from phrase is not masked */
} Scope;

typedef struct Parser {
    int qsql_depth; /* inside a qSQL clause at this bracket depth: by/from/where stop it */
    int comma_depth;/* inside a select, by or where phrase at this bracket depth: ',' stops;
                     * a from phrase runs on through commas (from a,select .. from b) */
    int qsql_phrases; /* inside a select, by or where phrase (not in a lambda there) */
    Lexer lx;     /* the token source */
    Token tok;    /* lookahead */
    int depth;    /* bracket nesting: newlines are blanks inside brackets */
    int k_body;   /* the depth of the k lambda body being parsed, where a newline separates */
    bool qsql_from; /* parsing a from phrase: where ends it (before from, where is the keyword) */
    Scope *scope; /* innermost lambda, NULL at top level */
    bool k_mode;  /* parsing k */
    bool after_noun; /* the item being parsed follows a noun (so ':' there assigns) */
    bool train_tail; /* the expression ended in a dropped '::': its tail composes */
    Scope *naming_scope; /* with naming_depth: where name:e names a column of a table literal */
    int naming_depth;    /* or a qSQL phrase, and assigns no local or global */
} Parser;

typedef struct Item {
    size_t pos; /* where the item starts in the source */
    K node;    /* parse tree of the item */
    bool verb; /* a verb (glyph, dyadic keyword, derived): takes a left argument */
    bool colon;/* verb written with ':' after it (op-assign or monadic form) */
    bool global;/* with '::' after it: x,::y */
    bool paren_glyph; /* a glyph in parentheses, (+): applied prefix it is its unary form */
    bool derived_call;/* a derived function applied to one bracketed argument, v/[y]: after a
                       * noun x, as the last item, it is v/[x;y] (ref/accumulators.md) */
} Item;

static K parse_expr(Parser *p);
static void note_pos(const K node, size_t pos);
static void unnote_pos(const K node);

static void advance(Parser *p) {
    if (p->tok.kind == TK_NOUN || p->tok.kind == TK_SYMBOL)
        r0(p->tok.value);
    p->tok = lex_next(&p->lx);
}

/* take ownership of the lookahead's value and advance */
static K take_value(Parser *p) {
    K v = p->tok.value;
    p->tok.value = NULL;
    p->tok.kind = TK_END;
    p->tok = lex_next(&p->lx);
    return v;
}

static K elided(void) { return obj_prim(KUNARY, PRIM_ELIDED); }
static K special(int sf) { return obj_prim(KUNARY, sf); }

/* quote a constant so that evaluation returns it as is: ,x */
static K quote(K x) {
    if (!x)
        return NULL;
    if (x->t == -KS) {
        K v = obj_vec(KS, 1);
        if (v)
            kS(v)[0] = x->s;
        r0(x);
        return v;
    }
    return obj_list(1, x);
}

static bool is_word(const Token *t, const char *w) {
    return t->kind == TK_NAME && t->len == strlen(w) && memcmp(t->text, w, t->len) == 0;
}

/* inside a qSQL clause: the words by/from/where end it, and a ',' at the depth of the
 * innermost select, by or where phrase (which a from phrase inside it also ends at) */
static bool at_qsql_stop(const Parser *p) {
    const Token *t = &p->tok;
    if (t->kind == TK_VERB && t->len == 1 && t->text[0] == ',' && !t->colon)
        return p->comma_depth && p->depth == p->comma_depth - 1;
    if (!p->qsql_depth || p->depth != p->qsql_depth - 1)
        return false;
    return is_word(t, "by") || is_word(t, "from") || (p->qsql_from && is_word(t, "where"));
}

static bool at_stop(const Parser *p) {
    TokenKind k = p->tok.kind;
    if (k == TK_END || k == TK_RPAREN || k == TK_RBRACK || k == TK_RBRACE || k == TK_SEMI ||
        k == TK_ERROR)
        return true;
    if (at_qsql_stop(p))
        return true;
    if (p->k_mode && p->depth == p->k_body && p->depth > 0 && p->tok.line)
        return true;
    return p->depth == 0 && p->tok.newline;
}

static bool has_name(const K names, S name) {
    for (J i = 0; i < names->n; i++)
        if (kS(names)[i] == name)
            return true;
    return false;
}

/* is name a parameter of lambda sc: declared, or x y z when none are declared? */
static bool is_param(const Scope *sc, S name) {
    if (sc->params)
        return has_name(sc->params, name);
    return !sc->explicit_params && name[0] >= 'x' && name[0] <= 'z' && !name[1];
}

/* record a local name assigned inside the current lambda */
static void note_local(Parser *p, S name) {
    if (!p->scope || strchr(name, '.'))
        return;
    K l = p->scope->locals;
    for (J i = 0; i < l->n; i++)
        if (kS(l)[i] == name)
            return;
    js(&p->scope->locals, name);
}

/* is name a parameter or local of a lambda being parsed? */
static bool is_local_name(const Parser *p, S name) {
    for (const Scope *sc = p->scope; sc; sc = sc->outer)
        for (J i = 0; i < sc->locals->n; i++)
            if (kS(sc->locals)[i] == name)
                return true;
    return false;
}

static void note_name(Parser *p, const char *s, size_t n) {
    if (!p->scope || p->scope->explicit_params || p->scope->qsql_masked || n != 1)
        return;
    int v = s[0] == 'x' ? 1 : s[0] == 'y' ? 2 : s[0] == 'z' ? 3 : 0;
    if (v > p->scope->implicit)
        p->scope->implicit = v;
}

/* ---- lists and arguments ---------------------------------------------------------------- */

/* the error where a closing token was wanted (basics/errors.md, "Parse errors"): a bracket
 * that closes nothing open is named by its character, as is an opener the input ends
 * inside (open: '(' '[' '{', or 0 at top level); a lexical error keeps its own name */
static K close_error(const Parser *p, char open) {
    if (p->tok.kind == TK_ERROR && kerr_msg())
        return kerr(kerr_msg());
    const char *c = p->tok.kind == TK_RPAREN ? ")" : p->tok.kind == TK_RBRACK ? "]"
                  : p->tok.kind == TK_RBRACE ? "}" : NULL;
    if (c) {
        RT->lang.parse_error_at = (long)p->tok.pos + 1;
        return kerr(c);
    }
    if (p->tok.kind == TK_END && open)
        return kerr(open == '(' ? "(" : open == '[' ? "[" : "{");
    return kerr("syntax");
}

/* parse `expr; expr; ...` up to the closing token; empty items become ELIDED (for
 * arguments) or (::) */
static K parse_items(Parser *p, TokenKind close, int *count) {
    K items = ktn(0, 0);
    p->depth++;
    for (;;) {
        K e;
        size_t at = p->tok.pos;
        if (p->tok.kind == TK_SEMI || p->tok.kind == close)
            e = elided();
        else
            e = parse_expr(p);
        if (!e) {
            r0(items);
            p->depth--;
            return NULL;
        }
        note_pos(e, at); /* an item's place: a pattern's failing part gets the caret */
        jk(&items, e);
        if (p->tok.kind == TK_SEMI) {
            advance(p);
            continue;
        }
        if (p->tok.kind == close) {
            advance(p);
            break;
        }
        r0(items);
        p->depth--;
        return close_error(p, close == TK_RPAREN ? '(' : close == TK_RBRACK ? '[' : '{');
    }
    p->depth--;
    *count = (int)items->n;
    return items;
}

/* (head; args...) from an item list */
static K apply_node(K head, K args) {
    K node = ktn(0, 0);
    jk(&node, head);
    for (J i = 0; i < args->n; i++)
        jk(&node, r1(kK(args)[i]));
    r0(args);
    return node;
}

/* ---- source positions of applications (for the console's error caret) --------------------- */

typedef struct NodePos {
    const void *node; /* the head of an application in the parse tree */
    size_t pos;       /* its offset in the source */
} NodePos;


void parse_track_positions(bool on) {
    RT->lang.track_positions = on;
    if (on)
        RT->lang.node_pos_n = 0;
}

long parse_position_of(const void *node) {
    for (size_t i = RT->lang.node_pos_n; i > 0; i--)
        if (RT->lang.node_pos[i - 1].node == node)
            return (long)RT->lang.node_pos[i - 1].pos;
    return -1;
}

static void unnote_pos(const K node) {
    for (size_t i = RT->lang.node_pos_n; i > 0; i--)
        if (RT->lang.node_pos[i - 1].node == node) {
            RT->lang.node_pos[i - 1].node = NULL;
            return;
        }
}

static void note_pos(const K node, size_t pos) {
    if (!RT->lang.track_positions)
        return;
    NodePos *g = mem_raw_grow(RT->lang.node_pos, &RT->lang.node_pos_cap, RT->lang.node_pos_n + 1, sizeof *g, 64);
    if (!g)
        return;
    RT->lang.node_pos = g;
    RT->lang.node_pos[RT->lang.node_pos_n].node = node;
    RT->lang.node_pos[RT->lang.node_pos_n].pos = pos;
    RT->lang.node_pos_n++;
}


/* ---- where lambdas come from (the frames of an error trace) --------------------------------
 * For each lambda parsed, the name it was assigned to (f:{..}; a lambda inside f is f@), the
 * script and line it starts on, and the offsets of its applications in its source.  Kept per
 * body, holding a reference to it; entries whose body nobody else holds any more are swept
 * before each new one is noted and after each console input (parse_origins_sweep). */

typedef struct LambdaOrigin {
    K body;          /* the lambda's parsed body (a reference: the key) */
    K name;          /* char vector: "f", "f@", or NULL when anonymous */
    K file;          /* char vector: the script it was read from, or NULL */
    long line;       /* the script's line its '{' is on */
    NodePos *pos;    /* applications and their offsets from the lambda's '{' */
    size_t npos;     /* how many */
} LambdaOrigin;

/* the table is RT->lang.origins; parse_set_origin sets RT->lang.origin_file and _line */

void parse_set_origin(const char *file, long line) {
    RT->lang.origin_file = file;
    RT->lang.origin_line = line;
}

static void origin_free(LambdaOrigin *o) {
    r0(o->body);
    r0(o->name);
    r0(o->file);
    mem_raw_free(o->pos);
}

void parse_free(void) {
    for (size_t i = 0; i < RT->lang.origins_n; i++)
        origin_free(&RT->lang.origins[i]);
    mem_raw_free(RT->lang.origins);
    RT->lang.origins = NULL;
    RT->lang.origins_n = RT->lang.origins_cap = 0;
    mem_raw_free(RT->lang.node_pos);
    RT->lang.node_pos = NULL;
    RT->lang.node_pos_n = RT->lang.node_pos_cap = 0;
}

static LambdaOrigin *origin_of(const K lambda) {
    if (lambda->t != KLAMBDA)
        return NULL;
    const K body = kK(lambda)[LAMBDA_BODY];
    for (size_t i = RT->lang.origins_n; i > 0; i--)
        if (RT->lang.origins[i - 1].body == body)
            return &RT->lang.origins[i - 1];
    return NULL;
}

/* remember where lambda f (its source starting at offset start of src) comes from, with the
 * positions noted while its body was parsed (node_pos[mark..]) */
void parse_origins_sweep(void) {
    for (size_t before = RT->lang.origins_n + 1; RT->lang.origins_n < before;) { /* a lambda freed may free those in it */
        before = RT->lang.origins_n;
        size_t kept = 0;
        for (size_t i = 0; i < RT->lang.origins_n; i++)
            if (RT->lang.origins[i].body->r == 0) /* only this table holds it: the lambda is gone */
                origin_free(&RT->lang.origins[i]);
            else
                RT->lang.origins[kept++] = RT->lang.origins[i];
        RT->lang.origins_n = kept;
    }
}

static void origin_note(const K f, const char *src, size_t start, size_t end, size_t mark) {
    parse_origins_sweep(); /* what a lambda no longer alive left costs nothing for long */
    LambdaOrigin *g = mem_raw_grow(RT->lang.origins, &RT->lang.origins_cap, RT->lang.origins_n + 1, sizeof *g, 64);
    if (!g)
        return;
    RT->lang.origins = g;
    LambdaOrigin o = {.body = r1(kK(f)[LAMBDA_BODY])};
    size_t n = RT->lang.node_pos_n > mark ? RT->lang.node_pos_n - mark : 0;
    o.pos = n ? mem_raw_alloc(n * sizeof *o.pos) : NULL;
    for (size_t i = 0; o.pos && i < n; i++) {
        const NodePos *np = &RT->lang.node_pos[mark + i];
        if (np->node && np->pos >= start && np->pos <= end)
            o.pos[o.npos++] = (NodePos){np->node, np->pos - start};
    }
    if (RT->lang.origin_file) {
        long line = RT->lang.origin_line;
        for (size_t i = 0; i < start; i++)
            line += src[i] == '\n';
        o.file = obj_str(RT->lang.origin_file);
        o.line = line;
    }
    RT->lang.origins[RT->lang.origins_n++] = o;
}

/* name the lambdas of an assignment name:{..}: f, and f@ for those inside it */
static void origin_name(const K tree, const char *name, size_t len, int depth) {
    if (tree->t == KLAMBDA) {
        LambdaOrigin *o = origin_of(tree);
        if (o && !o->name) {
            o->name = obj_strn(name, len);
            char at = '@';
            for (int i = 0; o->name && i < depth; i++)
                ja(&o->name, &at);
        }
        if (depth < 8)
            origin_name(kK(tree)[LAMBDA_BODY], name, len, depth + 1);
        return;
    }
    if (tree->t == 0)
        for (J i = 0; i < tree->n; i++)
            origin_name(kK(tree)[i], name, len, depth);
}

/* the source position parse noted for node of a lambda's origin o, or -1 */
static long node_pos(const LambdaOrigin *o, const void *node) {
    long at = -1;
    for (size_t i = 0; o && node && i < o->npos; i++)
        if (o->pos[i].node == node)
            at = (long)o->pos[i].pos;
    return at;
}

bool parse_lambda_frame(const K lambda, const void *node, K *text, long *caret) {
    LambdaOrigin *o = origin_of(lambda);
    K src = kK(lambda)[LAMBDA_SRC];
    long at = node_pos(o, node);
    const char *s = kC(src);
    size_t n = (size_t)src->n, from = 0;
    if (n >= 2 && s[0] == 'k' && s[1] == ')' && at >= 0)
        at += 2;
    if (at >= 0) { /* a lambda over several lines: the line of the caret */
        for (size_t i = 0; i < (size_t)at && i < n; i++)
            if (s[i] == '\n')
                from = i + 1;
    }
    size_t to = from;
    while (to < n && s[to] != '\n')
        to++;
    K out = obj_strn("", 0);
    if (o && o->file) { /* file:line: of the line shown */
        long line = o->line;
        for (size_t i = 0; i < from; i++)
            line += s[i] == '\n';
        char buf[32];
        jv(&out, r1(o->file)); /* jv consumes its second argument */
        jv(&out, obj_strn(buf, (size_t)snprintf(buf, sizeof buf, ":%ld: ", line)));
    }
    if (o && o->name && from == 0) { /* name: on the line the definition starts */
        char colon = ':';
        jv(&out, r1(o->name));
        ja(&out, &colon);
    }
    size_t lead = (size_t)out->n;
    jv(&out, obj_strn(s + from, to - from));
    *text = out;
    *caret = at >= 0 ? (long)lead + at - (long)from : -1;
    return true;
}

K parse_frame_info(const K lambda, const void *node, long *pos) {
    LambdaOrigin *o = origin_of(lambda);
    K src = kK(lambda)[LAMBDA_SRC];
    long at = node_pos(o, node);
    if (at >= 0 && src->n >= 2 && kC(src)[0] == 'k' && kC(src)[1] == ')')
        at += 2;
    *pos = at;
    K info = ktn(0, 4);
    if (!info)
        return NULL;
    kK(info)[0] = o && o->name ? r1(o->name) : obj_strn("", 0);
    kK(info)[1] = o && o->file ? r1(o->file) : obj_strn("", 0);
    kK(info)[2] = kj(o && o->file ? o->line : -1);
    kK(info)[3] = r1(src);
    return info;
}

/* ---- value of a lambda (ref/value.md) ------------------------------------------------------ */

/* the names node reads or sets globally (not in locals) onto *globals, its constants onto
 * *consts, in the order they are written */
static void value_walk(const K node, const K locals, K *globals, K *consts) {
    if (!stack_ok())
        return;
    if (node->t == -KS) {
        if (node->s[0] && !has_name(locals, node->s) && !has_name(*globals, node->s))
            js(globals, node->s);
        return;
    }
    if (node->t == KS && node->n == 1) { /* ,`a: the symbol itself */
        jk(consts, ks(kS(node)[0]));
        return;
    }
    if (node->t == 0 && node->n == 1) { /* ,x: x quoted */
        jk(consts, r1(kK(node)[0]));
        return;
    }
    if (node->t == 0 && node->n > 1) { /* an application: its head (if no primitive), its arguments */
        K h = kK(node)[0];
        J from = h->t == KUNARY || h->t == KBINARY ? 1 : 0;
        for (J i = from; i < node->n; i++)
            value_walk(kK(node)[i], locals, globals, consts);
        return;
    }
    if (node->t == KUNARY || node->t == KBINARY || node->t == KITER)
        return; /* code, not a constant */
    jk(consts, r1(node));
}

K parse_lambda_value(const K f) {
    K params = kK(f)[LAMBDA_PARAMS], all = kK(f)[LAMBDA_LOCALS];
    K locals = ktn(KS, 0);
    for (J i = 0; i < all->n; i++)
        if (!has_name(params, kS(all)[i]))
            js(&locals, kS(all)[i]);
    K ctx = kK(f)[LAMBDA_CTX];
    S ns = ctx && ctx->t == -KS ? ctx->s : sym_null;
    K globals = ktn(KS, 1), consts = ktn(0, 0);
    kS(globals)[0] = ns[0] == '.' ? ss(ns + 1) : ns; /* the namespace first: ` or `test */
    value_walk(kK(f)[LAMBDA_BODY], all, &globals, &consts);
    const LambdaOrigin *o = origin_of(f);
    K name;
    if (o && o->name) { /* fully qualified: ..f in the root, .test.f in .test */
        char buf[512];
        int len = snprintf(buf, sizeof buf, "%s.%.*s", ns[0] ? ns : ".", (int)o->name->n, kC(o->name));
        name = obj_strn(buf, (size_t)MIN(len, (int)sizeof buf - 1));
    } else {
        name = ktn(0, 0);
    }
    K r = obj_list(4, ktn(KG, 0), r1(params), locals, globals);
    for (J i = 0; i < consts->n; i++)
        jk(&r, r1(kK(consts)[i]));
    r0(consts);
    jk(&r, ktn(KJ, 0)); /* no bytecode here, so no map from it to the source */
    jk(&r, name);
    jk(&r, o && o->file ? r1(o->file) : obj_strn("", 0));
    jk(&r, kj(o && o->file ? o->line : -1));
    jk(&r, r1(kK(f)[LAMBDA_SRC]));
    return r;
}

/* ---- lambdas ---------------------------------------------------------------------------- */

/* find the end of a {...} starting at the '{' at offset start; strings and nested braces */
static size_t match_brace(const char *s, size_t n, size_t start) {
    int level = 0;
    for (size_t i = start; i < n; i++) {
        char c = s[i];
        if (c == '"') {
            for (i++; i < n && s[i] != '"'; i++)
                if (s[i] == '\\')
                    i++;
        } else if (c == '{') {
            level++;
        } else if (c == '}') {
            if (--level == 0)
                return i;
        } else if (c == '/' && i > start && (s[i - 1] == ' ' || s[i - 1] == '\n')) {
            while (i < n && s[i] != '\n')
                i++;
        }
    }
    return 0;
}

static const char *const implicit_names[3] = {"x", "y", "z"};

static void note_pattern_locals(Parser *p, const K pat);

/* A lambda's signature, after its '[':  param {';' param} ']'.  A param is a name, nothing
 * (a null pattern: an unused argument) or a pattern (basics/pattern.md): `x:`s` checks a
 * type, `x:f` filters through f, `(a;b)` destructures.  Each pattern becomes a statement
 * (:;pattern;`param) in *prelude; a pattern `name:check` keeps name as the param. */
static bool parse_params(Parser *p, K *params, K *prelude) {
    p->depth++;
    if (p->tok.kind == TK_RBRACK) { /* {[]..}: no parameters */
        p->depth--;
        advance(p);
        return true;
    }
    for (int slot = 0;; slot++) {
        K e = p->tok.kind == TK_SEMI || p->tok.kind == TK_RBRACK ? elided() : parse_expr(p);
        if (!e) {
            p->depth--;
            return false;
        }
        S name;
        if (e->t == -KS) {
            name = e->s;
        } else {
            char hidden[16];
            snprintf(hidden, sizeof hidden, " p%d", slot); /* no q name has a blank */
            name = ss(hidden);
            if (e->t == 0 && e->n == 3 && kK(e)[0]->t == KBINARY && kK(e)[0]->g == P_IDENTITY &&
                kK(e)[1]->t == -KS)
                name = kK(e)[1]->s; /* [x:`s]: the param is x, checked on entry */
            if (!(e->t == KUNARY && e->g == PRIM_ELIDED)) {
                note_pattern_locals(p, e);
                jk(prelude, obj_list(3, obj_prim(KBINARY, P_IDENTITY), r1(e), ks(name)));
            }
        }
        r0(e);
        js(params, name);
        if (p->tok.kind == TK_SEMI) {
            advance(p);
            continue;
        }
        p->depth--;
        if (p->tok.kind != TK_RBRACK)
            return kerr("syntax"), false;
        advance(p);
        return true;
    }
}

static K parse_lambda_body(Parser *p, size_t start, size_t end);

static K parse_lambda_at(Parser *p) {
    size_t start = p->tok.pos;
    size_t end = match_brace(p->lx.src, p->lx.n, start);
    if (!end)
        return kerr("{");
    size_t mark = RT->lang.node_pos_n; /* the body's positions are noted for error traces */
    bool tracking = RT->lang.track_positions;
    RT->lang.track_positions = true;
    K f = parse_lambda_body(p, start, end);
    RT->lang.track_positions = tracking;
    if (f)
        origin_note(f, p->lx.src, start, end, mark);
    if (!tracking)
        RT->lang.node_pos_n = mark;
    return f;
}

/* '{' [signature] body '}': the lambda object */
static K parse_lambda_body(Parser *p, size_t start, size_t end) {
    Scope scope = {.outer = p->scope, .locals = ktn(KS, 0), .globals = ktn(KS, 0)};
    p->scope = &scope;
    int saved_phrases = p->qsql_phrases; /* a lambda inside a phrase is plain q again */
    p->qsql_phrases = 0;
    advance(p); /* past '{' */
    K params = NULL;
    K prelude = NULL; /* pattern parameters: (:;pattern;`param) run before the body */
    if (p->tok.kind == TK_LBRACK) {
        scope.explicit_params = true;
        advance(p);
        params = ktn(KS, 0);
        prelude = ktn(0, 0);
        if (!parse_params(p, &params, &prelude)) {
            r0(params);
            r0(prelude);
            r0(scope.locals); r0(scope.globals);
            p->scope = scope.outer;
            p->qsql_phrases = saved_phrases;
            return NULL;
        }
        scope.params = params;
    }
    K body = ktn(0, 0);
    jk(&body, special(SF_SEQ));
    for (J i = 0; prelude && i < prelude->n; i++)
        jk(&body, r1(kK(prelude)[i]));
    J prelude_n = prelude ? prelude->n : 0;
    r0(prelude);
    p->depth++;
    int saved_body = p->k_body;
    p->k_body = p->depth; /* in k a line of a lambda ends its expression, as ; does */
    bool trailing_empty = false;
    for (;;) {
        if (p->tok.kind == TK_RBRACE)
            break;
        if (p->tok.kind == TK_SEMI) {
            advance(p);
            trailing_empty = true;
            continue;
        }
        K e = parse_expr(p);
        if (!e) {
            r0(body);
            r0(params);
            r0(scope.locals); r0(scope.globals);
            p->scope = scope.outer;
            p->qsql_phrases = saved_phrases;
            p->k_body = saved_body;
            p->depth--;
            return NULL;
        }
        jk(&body, e);
        trailing_empty = false;
        if (p->tok.kind == TK_SEMI) {
            advance(p);
            trailing_empty = true;
        } else if (p->k_mode && p->tok.line && p->tok.kind != TK_RBRACE && p->tok.kind != TK_END) {
            p->tok.line = false; /* the next line's expression */
        } else if (p->tok.kind != TK_RBRACE) {
            r0(body);
            r0(params);
            r0(scope.locals); r0(scope.globals);
            p->scope = scope.outer;
            p->qsql_phrases = saved_phrases;
            p->k_body = saved_body;
            p->depth--;
            return close_error(p, '{');
        }
    }
    p->k_body = saved_body;
    p->depth--;
    if (trailing_empty || body->n == 1 + prelude_n)
        jk(&body, obj_identity());
    p->scope = scope.outer;
    p->qsql_phrases = saved_phrases;
    if (!params) {
        params = ktn(KS, 0);
        int nimp = scope.implicit ? scope.implicit : 1;
        for (int i = 0; i < nimp; i++)
            js(&params, (S)implicit_names[i]);
    }
    if (params->n > 8) {
        r0(params);
        r0(body);
        r0(scope.locals); r0(scope.globals);
        return kerr("params");
    }
    /* locals: parameters first, then assigned names */
    K locals = ktn(KS, 0);
    for (J i = 0; i < params->n; i++)
        js(&locals, kS(params)[i]);
    for (J i = 0; i < scope.locals->n; i++) {
        bool dup = false;
        for (J j = 0; j < locals->n; j++)
            dup = dup || kS(locals)[j] == kS(scope.locals)[i];
        if (!dup)
            js(&locals, kS(scope.locals)[i]);
    }
    r0(scope.locals); r0(scope.globals);
    K f = obj_vec(KLAMBDA, LAMBDA_N);
    if (!f) {
        r0(params); r0(body); r0(locals);
        return NULL;
    }
    const char *src = p->lx.src + start;
    size_t srclen = end - start + 1;
    K text;
    if (p->k_mode) {
        text = obj_vec(KC, (J)srclen + 2);
        memcpy(kC(text), "k)", 2);
        memcpy(kC(text) + 2, src, srclen);
    } else {
        text = obj_strn(src, srclen);
    }
    kK(f)[LAMBDA_SRC] = text;
    kK(f)[LAMBDA_PARAMS] = params;
    kK(f)[LAMBDA_LOCALS] = locals;
    /* a body of one expression is that expression, unless it is an object the lambda does not
     * own alone (a .q function: {each}): the trace table is keyed by body, so a body must be
     * the lambda's own */
    kK(f)[LAMBDA_BODY] = body->n == 2 && kK(body)[1]->r == 0 ? r1(kK(body)[1]) : r1(body);
    r0(body);
    K ctx = obj_atom(-KS);
    ctx->s = RT->lang.context;
    kK(f)[LAMBDA_CTX] = ctx;
    if (p->tok.kind != TK_RBRACE) {
        r0(f);
        return kerr("syntax");
    }
    advance(p);
    return f;
}

/* ---- terms -------------------------------------------------------------------------------- */

static bool is_control(const Token *t, const char *w) {
    return t->kind == TK_NAME && t->len == strlen(w) && memcmp(t->text, w, t->len) == 0;
}

/* the verb object for a glyph token */
static K glyph_verb(const Token *t) {
    if (t->len == 2 && t->text[0] == ':' && t->text[1] == ':')
        return obj_identity();
    K v = prim_lookup(t->text, t->len == 3 ? 2 : t->len);
    if (v && t->len == 3)
        v->t = KUNARY; /* 0:: */
    return v ? v : kerr("syntax");
}

static int adverb_id(const Token *t) {
    if (t->len == 1)
        return t->text[0] == '\'' ? ITER_EACH : t->text[0] == '/' ? ITER_OVER : ITER_SCAN;
    return t->text[0] == '\'' ? ITER_PRIOR : t->text[0] == '/' ? ITER_EACHR : ITER_EACHL;
}

static S column_name(const K e);
static S unique_name(const K names, S name);

/* at `name:` followed directly by ';' or the closing bracket (a binding with no value)? */
static bool empty_binding(const Parser *p) {
    if (p->tok.kind != TK_NAME)
        return false;
    const char *s = p->lx.src;
    size_t i = p->lx.pos, n = p->lx.n;
    if (i >= n || s[i] != ':' || (i + 1 < n && s[i + 1] == ':'))
        return false;
    for (i++; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
        ;
    return i < n && (s[i] == ';' || s[i] == ']' || s[i] == ')');
}

/* a column of a table literal or a qSQL phrase: its name:e names the column, so the name
 * becomes no local of the lambda ({sym::1;([]sym:())} is no 'sym) */
static K parse_column(Parser *p) {
    Scope *scope = p->naming_scope;
    int depth = p->naming_depth;
    p->naming_scope = p->scope;
    p->naming_depth = p->depth;
    K e = parse_expr(p);
    p->naming_scope = scope;
    p->naming_depth = depth;
    return e;
}

/* Table and dictionary literals (q 4.1):
 *   '(' '[' keycols ']' cols ')'     a table, keyed when keycols is not empty
 *   '(' '[' k:v {';' k:v} ']' ')'    a dictionary `k..!(v..); a bare name n is n:n */
static K parse_table(Parser *p) {
    /* '(' '[' keycols ']' cols ')' ; p->tok is at '[' */
    advance(p);
    K parts[2] = {NULL, NULL}; /* key part, value part: lists of (name;expr) */
    for (int side = 0; side < 2; side++) {
        TokenKind close = side == 0 ? TK_RBRACK : TK_RPAREN;
        K names = ktn(KS, 0), exprs = ktn(0, 0);
        p->depth++;
        if (side == 1 && p->tok.kind == TK_SEMI) /* ([k:..]; v:..) */
            advance(p);
        while (p->tok.kind != close) {
            K e;
            if (empty_binding(p)) { /* ([a:;b:x]): a key with no value (a null pattern) */
                K none = elided();
                note_pos(none, p->lx.pos);
                e = obj_list(3, obj_prim(KBINARY, P_IDENTITY), ks(sym_intern(p->tok.text, p->tok.len)), none);
                advance(p);
                advance(p);
            } else {
                e = parse_column(p);
            }
            if (!e) {
                r0(names); r0(exprs); r0(parts[0]);
                p->depth--;
                return NULL;
            }
            /* name:expr assigns the column name; a bare name names itself */
            S name = sym_null;
            if (e->t == 0 && e->n == 3 && kK(e)[0]->t == KBINARY && kK(e)[0]->g == P_IDENTITY &&
                kK(e)[1]->t == -KS) {
                name = kK(e)[1]->s;
                K rhs = r1(kK(e)[2]);
                r0(e);
                e = rhs;
            } else if (e->t == -KS) {
                name = e->s;
                const char *dot = strrchr(name, '.');
                if (dot)
                    name = ss((S)dot + 1);
            } else { /* ([]til 2): the first name in the expression, else x */
                name = column_name(e);
                name = unique_name(names, name == sym_null ? ss("x") : name);
            }
            js(&names, name);
            jk(&exprs, e);
            if (p->tok.kind == TK_SEMI)
                advance(p);
            else if (p->tok.kind != close) {
                r0(names); r0(exprs); r0(parts[0]);
                p->depth--;
                return kerr("syntax");
            }
        }
        p->depth--;
        advance(p);
        parts[side] = obj_list(2, names, exprs);
        if (side == 0 && p->tok.kind == TK_RPAREN && names->n) { /* ([a:1;b:2]): a dictionary */
            advance(p);
            K node = obj_list(3, special(SF_DICT), quote(r1(names)), obj_list(1, r1(exprs)));
            r0(parts[0]);
            return node;
        }
    }
    /* (SF_TABLE; ,keynames; keyexprs...; ,names; exprs...) flattened as 4 args */
    K node = obj_list(5, special(SF_TABLE), quote(r1(kK(parts[0])[0])),
                      obj_list(1, r1(kK(parts[0])[1])), quote(r1(kK(parts[1])[0])),
                      obj_list(1, r1(kK(parts[1])[1])));
    r0(parts[0]);
    r0(parts[1]);
    return node;
}

/* one item: a term with its postfixes */
/* ---- qSQL ------------------------------------------------------------------------------------ */

/* is f (borrowed) an iterator in a parse tree (each, over, scan, prior and the others)? */
static bool is_iterator(const K f) { return f->t == KITER; }

/* the name q gives a column computed by expression e: "if possible the leftmost term in the
 * column expression, else x" (basics/qsql.md).  The terms are the arguments, left to right,
 * then the function: the first name among them -- c2+c3 names c2, string c3 c3, 5 xbar
 * time.minute minute, `int$s s (a quoted symbol is no term).  A primitive whose leftmost
 * argument is a literal (2*c2) names nothing: x.  A derived function (an iterator's) names
 * by its last argument alone: -3#'time is time, rng'[price@'inx] inx, (id,'4) x
 * (kb/programming-idioms.md, wp/iterators, basics/qsql.md).  The virtual column i names
 * nothing (select count i from t gives x) */
static S column_name(const K e) {
    if (e->t == -KS) {
        if (e->s == ss("i"))
            return sym_null;
        const char *dot = strrchr(e->s, '.');
        return dot && dot != e->s ? ss((S)dot + 1) : e->s;
    }
    if (e->t == 0 && e->n > 1) {
        K f = kK(e)[0];
        int a = kK(e)[1]->t;
        if ((f->t >= KPROJ && f->t <= KEACHL) || (f->t == 0 && f->n == 2 && is_iterator(kK(f)[0])))
            return column_name(kK(e)[e->n - 1]); /* a derived function: (,'),... */
        char buf[8];
        const char *text = f->t > KLAMBDA && f->t < KPROJ ? prim_display(f, buf) : NULL;
        if (text && !isalpha((unsigned char)text[0]) && a < 0 && a != -KS) /* 2*c2 */
            return sym_null;
        if (e->n == 3 && text && isalpha((unsigned char)text[0])) {
            /* x keyword y names by y when y has a name (size wavg price is price, ref/avg.md;
             * 5 xbar time is time), else by x (c mod 3, s in `a`b) */
            S s = column_name(kK(e)[2]);
            return s != sym_null ? s : column_name(kK(e)[1]);
        }
    }
    if (e->t == 0)
        for (J i = e->n > 1 ? 1 : 0; i < e->n; i++) {
            S s = column_name(kK(e)[i]);
            if (s != sym_null)
                return s;
        }
    if (e->t == 0 && e->n > 1) {
        S s = column_name(kK(e)[0]);
        if (s != sym_null)
            return s;
    }
    return sym_null;
}

/* a derived column name not yet in names: v, else v1, v2 ... (select sum v, avg v) */
static S unique_name(const K names, S name) {
    char buf[256];
    S cand = name;
    for (int k = 1;; k++) {
        bool taken = false;
        for (J i = 0; i < names->n && !taken; i++)
            taken = kS(names)[i] == cand;
        if (!taken)
            return cand;
        snprintf(buf, sizeof buf, "%s%d", name, k);
        cand = ss(buf);
    }
}

/* name:expr, expr, ... up to a clause keyword: a dict of names to parse trees */
static K qsql_columns(Parser *p, bool naming) {
    K names = ktn(KS, 0), exprs = ktn(0, 0);
    int saved = p->qsql_depth, saved_comma = p->comma_depth;
    bool saved_from = p->qsql_from;
    p->qsql_depth = p->comma_depth = p->depth + 1;
    p->qsql_from = false;
    if (p->scope)
        p->scope->qsql_masked++;
    p->qsql_phrases++;
    while (!(is_word(&p->tok, "by") || is_word(&p->tok, "from")) &&
           p->tok.kind != TK_END && p->tok.kind != TK_SEMI && p->tok.kind != TK_RPAREN &&
           p->tok.kind != TK_RBRACK && p->tok.kind != TK_RBRACE) {
        size_t at = p->tok.pos;
        K e = parse_column(p);
        if (e && p->tok.pos == at) { /* nothing parsed: a token no column can start with */
            r0(e);
            e = kerr("syntax");
        }
        if (!e) {
            r0(names);
            r0(exprs);
            p->qsql_depth = saved;
            p->qsql_from = saved_from;
            p->comma_depth = saved_comma;
            if (p->scope)
                p->scope->qsql_masked--;
            p->qsql_phrases--;
            return NULL;
        }
        S name = sym_null;
        if (e->t == 0 && e->n == 3 && kK(e)[0]->t == KBINARY && kK(e)[0]->g == P_IDENTITY && kK(e)[1]->t == -KS) {
            name = kK(e)[1]->s;
            K rhs = r1(kK(e)[2]);
            r0(e);
            e = rhs;
        } else if (naming) {
            name = column_name(e);
            if (name == sym_null)
                name = ss("x");
            name = unique_name(names, name);
        }
        js(&names, name);
        jk(&exprs, e);
        if (p->tok.kind == TK_VERB && p->tok.len == 1 && p->tok.text[0] == ',')
            advance(p);
    }
    p->qsql_depth = saved;
    p->qsql_from = saved_from;
    p->comma_depth = saved_comma;
    if (p->scope)
        p->scope->qsql_masked--;
    p->qsql_phrases--;
    return xD(names, exprs);
}

/* select/exec/update/delete ... to the functional form (?;t;c;b;a) or (!;t;c;b;a) */
static K parse_qsql_core(Parser *p, const char *kind);

/* select[n] / select[>c] / select[n;<c] / select distinct: wrappers around the query */
static K parse_qsql(Parser *p, const char *kind) {
    K limit = NULL, order = NULL;
    bool order_desc = false, distinct = false;
    if (!strcmp(kind, "select") && p->tok.kind == TK_LBRACK && !p->tok.space_before) {
        advance(p);
        p->depth++;
        while (p->tok.kind != TK_RBRACK && p->tok.kind != TK_END) {
            if (p->tok.kind == TK_VERB && (p->tok.text[0] == '<' || p->tok.text[0] == '>') && p->tok.len == 1) {
                order_desc = p->tok.text[0] == '>';
                advance(p);
                if (p->tok.kind != TK_NAME || order)
                    break;
                order = obj_atom(-KS);
                order->s = sym_intern(p->tok.text, p->tok.len);
                advance(p);
            } else if (p->tok.kind == TK_SEMI) {
                advance(p);
            } else if (limit) { /* one limit only: anything more is a syntax error */
                break;
            } else {
                limit = parse_expr(p);
                if (!limit || (p->tok.kind != TK_SEMI && p->tok.kind != TK_RBRACK))
                    break;
            }
        }
        p->depth--;
        if (p->tok.kind != TK_RBRACK) {
            r0(limit);
            r0(order);
            return kerr("syntax");
        }
        advance(p);
    }
    if (!strcmp(kind, "select") && is_word(&p->tok, "distinct")) {
        distinct = true;
        advance(p);
    }
    K node = parse_qsql_core(p, kind);
    if (!node) {
        r0(limit);
        r0(order);
        return NULL;
    }
    /* as q's parse gives them (basics/funsql.md): distinct is b 1b, select[n] the rank-5
     * form ?[t;c;b;a;n], select[n;>c] the rank-6 ?[t;c;b;a;n;(idesc;`c)], n 0W when absent */
    bool select = node->t == 0 && node->n == 5;
    if (distinct && select && kK(node)[3]->t == -KB) {
        kK(node)[3]->g = 1;
    } else if (distinct) {
        node = obj_list(2, prim_lookup("distinct", 8), node);
        select = false;
    }
    if ((limit || order) && select) {
        K more = limit ? limit : kj(wj);
        node = jk(&node, more);
        if (order)
            node = jk(&node, quote(obj_list(2, obj_prim(KUNARY, order_desc ? P_GT : P_LT), order)));
        return node;
    }
    if (order) {
        int sort = order_desc ? P_XDESC : P_XASC;
        node = obj_list(3, obj_prim(prim_default_type(sort), sort), quote(order), node);
    }
    if (limit)
        node = obj_list(3, obj_prim(KBINARY, P_HASH), limit, node);
    return node;
}

/* a dict of column expressions whose every value is a name: its values as one symbol
 * vector, as q's parse gives them (`a`b!`a`b); consumes d */
static K names_as_symbols(K d) {
    K v = DICT_VALS(d);
    if (v->t != 0 || v->n == 0)
        return d;
    for (J i = 0; i < v->n; i++)
        if (kK(v)[i]->t != -KS)
            return d;
    K s = ktn(KS, v->n);
    if (!s) {
        r0(d);
        return NULL;
    }
    for (J i = 0; i < v->n; i++)
        kS(s)[i] = kK(v)[i]->s;
    K r = xD(r1(DICT_KEYS(d)), s);
    r0(d);
    return r;
}

static K parse_qsql_core(Parser *p, const char *kind) {
    bool is_select = !strcmp(kind, "select"), is_exec = !strcmp(kind, "exec");
    bool is_delete = !strcmp(kind, "delete");
    K cols = NULL, by = NULL, where = ktn(0, 0), table = NULL;
    bool exec_unnamed = false, by_named = false;
    if (is_delete) {
        /* delete [cols] from t [where ...] */
        K names = ktn(KS, 0);
        while (p->tok.kind == TK_NAME && !is_word(&p->tok, "from")) {
            js(&names, sym_intern(p->tok.text, p->tok.len));
            advance(p);
            if (p->tok.kind == TK_VERB && p->tok.text[0] == ',')
                advance(p);
        }
        cols = names;
    } else {
        exec_unnamed = is_exec && p->tok.kind != TK_END && !(p->tok.kind == TK_NAME &&
                                                            p->lx.pos < p->lx.n && p->lx.src[p->lx.pos] == ':');
        cols = qsql_columns(p, true);
        if (!cols)
            goto fail;
        if (obj_count(cols) != 1)
            exec_unnamed = false;
        if (is_word(&p->tok, "by")) {
            advance(p);
            /* exec ... by c:e names its key: a key table (ref/exec.md, table!list) */
            by_named = p->tok.kind == TK_NAME && p->lx.pos < p->lx.n && p->lx.src[p->lx.pos] == ':';
            by = qsql_columns(p, true);
            if (!by)
                goto fail;
            /* a column named as a group is no auto-alias: 'dup names for cols/groups c
             * (basics/qsql.md, since V4.0) */
            K cn = DICT_KEYS(cols), bn = DICT_KEYS(by);
            for (J i = 0; is_select && i < cn->n; i++)
                for (J k = 0; k < bn->n; k++)
                    if (kS(cn)[i] == kS(bn)[k]) {
                        char msg[300];
                        snprintf(msg, sizeof msg, "dup names for cols/groups %s", kS(cn)[i]);
                        kerr(msg);
                        goto fail;
                    }
        }
    }
    if (!is_word(&p->tok, "from")) {
        kerr("from");
        goto fail;
    }
    advance(p);
    {
        int saved = p->qsql_depth;
        bool saved_from = p->qsql_from;
        p->qsql_depth = p->depth + 1;
        p->qsql_from = true;
        table = parse_expr(p);
        p->qsql_depth = saved;
        p->qsql_from = saved_from;
    }
    if (!table)
        goto fail;
    if (is_word(&p->tok, "where")) {
        advance(p);
        int saved = p->qsql_depth, saved_comma = p->comma_depth;
        p->qsql_depth = p->comma_depth = p->depth + 1;
        if (p->scope)
            p->scope->qsql_masked++;
        p->qsql_phrases++;
        for (;;) {
            K c = parse_expr(p);
            if (!c) {
                p->qsql_depth = saved;
                p->comma_depth = saved_comma;
                if (p->scope)
                    p->scope->qsql_masked--;
                p->qsql_phrases--;
                goto fail;
            }
            jk(&where, c);
            if (p->tok.kind == TK_VERB && p->tok.len == 1 && p->tok.text[0] == ',' && !p->tok.colon) {
                advance(p);
                continue;
            }
            break;
        }
        p->qsql_depth = saved;
        p->comma_depth = saved_comma;
        if (p->scope)
            p->scope->qsql_masked--;
        p->qsql_phrases--;
    }
    /* as q's parse shows them: no constraints is (), a dict of expressions is the dict itself
     * (a constant), its names-only values a symbol vector */
    K b; /* select: 0b or a dict of groupings; exec: () or the grouping expression */
    K by1 = by && obj_count(by) == 1 ? kK(DICT_VALS(by))[0] : NULL; /* exec's by c: c */
    if (by1 && is_exec && !by_named) {
        b = quote(r1(kK(DICT_VALS(by))[0]));
        r0(by);
    } else if (by && obj_count(by)) {
        b = names_as_symbols(by);
    } else {
        r0(by);
        b = is_exec ? ktn(0, 0) : kb(0);
    }
    K head = obj_prim(KBINARY, is_select || is_exec ? P_QUERY : P_BANG);
    K c = where->n ? obj_list(1, where) : where;
    K a;
    if (is_delete) {
        a = quote(cols);
    } else if (obj_count(cols) == 0) {
        r0(cols);
        a = ktn(0, 0);
    } else if (is_exec && obj_count(cols) == 1 && exec_unnamed) {
        /* exec c from t: the single expression itself, giving a vector */
        a = quote(r1(kK(DICT_VALS(cols))[0]));
        r0(cols);
    } else {
        a = names_as_symbols(cols);
    }
    return obj_list(5, head, table, c, b, a);
fail:
    r0(cols);
    r0(by);
    r0(where);
    r0(table);
    return NULL;
}

static bool is_assign_verb(const Item *it);

static bool parse_item(Parser *p, Item *it) {
    bool after_noun = p->after_noun;
    it->pos = p->tok.pos;
    it->node = NULL;
    it->verb = false;
    it->colon = false;
    it->global = false;
    it->paren_glyph = false;
    it->derived_call = false;
    Token t = p->tok;
    switch (t.kind) {
    case TK_NOUN:
        it->node = take_value(p);
        if (it->node->t == 0)
            it->node = quote(it->node);
        break;
    case TK_SYMBOL:
        it->node = quote(take_value(p));
        break;
    case TK_NAME: {
        int sf = is_control(&t, "if") ? SF_IF : is_control(&t, "do") ? SF_DO
                 : is_control(&t, "while") ? SF_WHILE : 0;
        advance(p);
        static const char *const qsql_words[] = {"select", "exec", "update", "delete"};
        for (int w = 0; w < 4; w++)
            if (is_control(&t, qsql_words[w]) && !(p->tok.kind == TK_VERB && p->tok.text[0] == ':')) {
                it->node = parse_qsql(p, qsql_words[w]);
                if (it->node) /* a query that fails gets the caret at its keyword */
                    note_pos(kK(it->node)[0], it->pos);
                return it->node != NULL;
            }
        if (sf && p->tok.kind == TK_LBRACK) {
            advance(p);
            int n;
            K args = parse_items(p, TK_RBRACK, &n);
            if (!args)
                return false;
            it->node = apply_node(special(sf), args);
            return true;
        }
        K prim = NULL;
        /* a name with a dot inside that is a namespace path is always a name */
        prim = memchr(t.text, '.', t.len) ? NULL : prim_lookup(t.text, t.len);
        if (prim) {
            it->node = prim;
            it->verb = prim->t == KBINARY;
        } else {
            note_name(p, t.text, t.len);
            it->node = obj_atom(-KS);
            it->node->s = sym_intern(t.text, t.len);
            note_pos(it->node, it->pos); /* an undefined name gets the caret */
            /* the keywords q defines in q are used infix: f each x, `:db dsave `t */
            static const char *const infix_words[] = {"each", "over", "scan", "prior", "peach", "dsave", NULL};
            for (int i = 0; infix_words[i]; i++)
                if (strlen(infix_words[i]) == t.len && memcmp(infix_words[i], t.text, t.len) == 0)
                    it->verb = true;
            if (!memchr(t.text, '.', t.len) && t.len < 200 && !is_local_name(p, it->node->s)) {
                /* a name defined in .q is its value in the tree, as q's parser puts it
                 * (ref/parse.md: parse "foo each til 5" shows k){x'y}); a function there with
                 * two or more arguments is used infix, as q's own keywords are: .q.f:{x+y},
                 * then 1 f 2 */
                char qname[256];
                snprintf(qname, sizeof qname, ".q.%.*s", (int)t.len, t.text);
                K qf = env_get(ss(qname));
                kerr_clear();
                if (qf && qf->t >= KLAMBDA && qf->t <= KFOREIGN) {
                    it->verb = it->verb || func_valence(qf) >= 2;
                    unnote_pos(it->node);
                    r0(it->node);
                    it->node = qf; /* shared: no position of its own (the caret) */
                } else {
                    r0(qf);
                }
            }
        }
        /* a keyword used infix with nothing on its left and a glyph verb on its right is
         * that verb's left argument: ssr . (s;a;b) applies ssr (basics/application.md) */
        if (it->verb && !p->after_noun && p->tok.kind == TK_VERB && p->tok.text[0] != ':' && it->node->t != -KS)
            it->verb = false;
        /* a keyword is not a name to assign: cos:12 is 'assign (basics/errors.md); f enlist ::
         * ends in the identity */
        if (it->node->t != -KS && p->tok.kind == TK_VERB && p->tok.text[0] == ':' &&
            (p->tok.len == 1 || (p->tok.len == 2 && p->tok.text[1] == ':' && !p->tok.space_before))) {
            r0(it->node);
            it->node = NULL;
            RT->lang.parse_error_at = (long)it->pos + 1;
            return kerr("assign"), false;
        }
        break;
    }
    case TK_VERB:
        it->node = glyph_verb(&t);
        it->verb = true;
        it->colon = t.colon;
        it->global = t.global;
        advance(p);
        if (!it->node)
            return false;
        break;
    case TK_LPAREN: {
        advance(p);
        if (p->tok.kind == TK_LBRACK && !p->tok.space_before) {
            it->node = parse_table(p);
            if (it->node && it->node->t == 0 && it->node->n)
                note_pos(kK(it->node)[0], it->pos); /* a column that fails: the caret at ( */
            break;
        }
        if (p->tok.kind == TK_RPAREN) {
            advance(p);
            it->node = quote(ktn(0, 0));
            break;
        }
        int n;
        K items = parse_items(p, TK_RPAREN, &n);
        if (!items)
            return false;
        if (n == 1) {
            it->node = r1(kK(items)[0]);
            unnote_pos(it->node); /* (x) is x itself, not an item of a list */
            r0(items);
            /* a parenthesised verb is a noun: (+); applied prefix, a glyph is its unary
             * form (basics/parsetrees.md: ($)42 is "42", 6(+)4 parses as 6 (+:;4)) */
            it->paren_glyph = it->node->t == KBINARY && it->node->g < P_AVG &&
                              it->node->g != P_IDENTITY;
        } else {
            K head = prim_lookup("enlist", 6);
            note_pos(head, it->pos);
            it->node = apply_node(head, items);
        }
        break;
    }
    case TK_LBRACE:
        it->node = parse_lambda_at(p);
        break;
    case TK_LBRACK: { /* [e1;e2;...]: a block, evaluated in order, the value of the last */
        advance(p);
        int n;
        K items = parse_items(p, TK_RBRACK, &n);
        if (!items)
            return false;
        it->node = apply_node(special(SF_SEQ), items);
        break;
    }
    case TK_ADVERB:
        if (t.len == 1 && t.text[0] == '\'') { /* signal, or '[f;g] composition */
            advance(p);
            if (p->tok.kind == TK_LBRACK && !p->tok.space_before) {
                advance(p);
                int n;
                K items = parse_items(p, TK_RBRACK, &n);
                if (!items)
                    return false;
                if (n == 1) { /* '[f]: f each */
                    K f = r1(kK(items)[0]);
                    r0(items);
                    it->node = obj_list(2, obj_prim(KITER, ITER_EACH), f);
                    it->verb = true;
                } else {
                    it->node = apply_node(special(SF_COMPOSE), items);
                }
                break;
            }
            if (at_stop(p)) { /* (';+): each, as a noun */
                it->node = obj_prim(KITER, ITER_EACH);
                return true;
            }
            it->node = special(SF_SIGNAL);
            it->verb = true;
            return true;
        }
        advance(p);
        if (p->tok.kind == TK_LBRACK && !p->tok.space_before) {
            /* /[f], \[f], ':[f] ...: the derived function, applied prefix, not infix
             * (basics/application.md: ;/[+]til 5 is 10, ;\[+][1000;til 5] binary) */
            advance(p);
            int n;
            K items = parse_items(p, TK_RBRACK, &n);
            if (!items)
                return false;
            if (n != 1) {
                r0(items);
                kerr("rank");
                return false;
            }
            it->node = obj_list(2, obj_prim(KITER, adverb_id(&t)), r1(kK(items)[0]));
            r0(items);
            break;
        }
        if (!at_stop(p)) { /* an iterator with nothing to its left: only as a noun, (/;+) */
            kerr("syntax");
            return false;
        }
        it->node = obj_prim(KITER, adverb_id(&t));
        return true;
    default:
        kerr(t.kind == TK_ERROR && kerr_msg() ? kerr_msg() : "syntax");
        return false;
    }
    if (!it->node)
        return false;
    /* postfixes: application and iterators */
    for (;;) {
        if (p->tok.kind == TK_LBRACK && !(p->tok.space_before && it->verb)) {
            if (it->colon && it->node->t == KBINARY) { /* |:["zero"]: the monadic form */
                int id = it->node->g;
                r0(it->node);
                it->node = obj_prim(KUNARY, id);
                it->colon = false;
            }
            bool derived = it->verb && it->node->t == 0 && it->node->n == 2 && kK(it->node)[0]->t == KITER;
            advance(p);
            int n;
            K args = parse_items(p, TK_RBRACK, &n);
            if (!args) {
                r0(it->node);
                return false;
            }
            it->derived_call = derived && n == 1 && !(kK(args)[0]->t == KUNARY && kK(args)[0]->g == PRIM_ELIDED);
            if (n == 1 && kK(args)[0]->t == KUNARY && kK(args)[0]->g == PRIM_ELIDED) {
                r0(kK(args)[0]);
                kK(args)[0] = obj_identity(); /* f[] applies f to (::) */
            }
            if (it->node->t == KBINARY && it->node->g == P_DOLLAR && n >= 3) {
                r0(it->node);
                it->node = special(p->qsql_phrases ? SF_QSQL_COND : SF_COND);
            }
            if (is_assign_verb(it) && !after_noun && n >= 2) { /* :[v;p1;r1;..;rd] */
                r0(it->node);
                it->node = special(SF_PMATCH);
                for (J k = 2; k < args->n; k += 2) /* the patterns' names are locals */
                    note_pattern_locals(p, kK(args)[k - 1]);
            }
            note_pos(it->node, it->pos);
            it->node = apply_node(it->node, args);
            it->verb = false;
            it->colon = false;
            continue;
        }
        if (p->tok.kind == TK_ADVERB && !p->tok.space_before) {
            /* d:'[f;g]: after an assignment, '[ starts a composition */
            if (it->verb && it->node->t == KBINARY && it->node->g == P_IDENTITY && p->tok.len == 1 &&
                p->tok.text[0] == '\'' && p->tok.text + 1 < p->lx.src + p->lx.n && p->tok.text[1] == '[')
                break;
            if (it->colon && it->node->t == KBINARY && !after_noun && it->node->g != P_IDENTITY) {
                /* #:' is count each: the monadic form iterated (k's f:'), not x#:'y */
                int g = it->node->g;
                r0(it->node);
                it->node = obj_prim(KUNARY, g);
            }
            int id = adverb_id(&p->tok);
            advance(p);
            it->node = obj_list(2, obj_prim(KITER, id), it->node);
            it->derived_call = false;
            it->verb = true;
            it->colon = false;
            continue;
        }
        break;
    }
    return true;
}

/* ---- expressions: fold items from the right -------------------------------------------- */

/* the names a pattern (basics/pattern.md) binds become locals of the lambda being parsed */
static void note_pattern_locals(Parser *p, const K pat) {
    if (!p->scope)
        return;
    if (pat->t == -KS) {
        note_local(p, pat->s);
        return;
    }
    if (pat->t != 0 || pat->n < 2)
        return;
    K h = kK(pat)[0];
    if (h->t == -KS) /* a[i]: an indexed name amends, it binds nothing new */
        return;
    if (h->t == KBINARY && h->g == P_IDENTITY) { /* p:check */
        note_pattern_locals(p, kK(pat)[1]);
        return;
    }
    if (is_special(h, SF_DICT) || is_special(h, SF_TABLE)) { /* ([k:p]) ([]c:p) */
        for (J i = 2; i < pat->n; i += 2) {
            K exprs = kK(kK(pat)[i])[0];
            for (J j = 0; j < exprs->n; j++)
                note_pattern_locals(p, kK(exprs)[j]);
        }
        return;
    }
    for (J i = 1; i < pat->n; i++) /* (a;b), a!b, flip p */
        note_pattern_locals(p, kK(pat)[i]);
}

static bool is_assign_verb(const Item *it) {
    return it->verb && it->node->t == KBINARY && it->node->g == P_IDENTITY && !it->colon;
}

static bool is_global_assign(const Item *it) { return it->verb && obj_is_identity(it->node); }

/* an operator glyph whose unary form q disables: every one-character glyph but - (a
 * negation q keeps), : and ' (return and signal) */
static bool disabled_unary(const K v) {
    if (v->t != KBINARY || v->g >= PRIM_COUNT || v->g == P_IDENTITY)
        return false;
    const char *text = prim_table[v->g].text;
    return text[0] && !text[1] && strchr("+*%!&|<>=~,^#_$?@.", text[0]) != NULL;
}

/* the monadic form of a verb used with no left argument */
static K monadic_form(K v) {
    if (v->t == KBINARY && v->g < P_AVG && v->g != P_IDENTITY)
        v->t = KUNARY;
    return v;
}

static K target_name(const K target) {
    if (target->t == -KS)
        return r1(target);
    if (target->t == 0 && target->n >= 1 && kK(target)[0]->t == -KS)
        return r1(kK(target)[0]);
    return NULL;
}

/* items[from..n) form a train: they end with a verb that has a left argument and no right
 * one ("value@", "2#"), so what applies to them from the left composes with them instead:
 * (count til@) is '[count;til@], (`a~2#key@) is '[`a~;'[2#;key@]] */
static bool is_train(const Parser *p, const Item *items, int from, int n) {
    if (p->train_tail && n - from >= 1) /* f g :: : the tail composes, whatever it ends in */
        return true;
    const Item *last = &items[n - 1];
    bool open_verb = last->verb && !last->colon && !is_assign_verb(last) && !is_global_assign(last) &&
                     !is_special(last->node, SF_SIGNAL);
    /* a verb alone as the right argument composes too: (0|+) is '[0|;+] */
    return open_verb && (n - from == 1 || (n - from >= 2 && !items[n - 2].verb));
}

static K compose(K f, K g) { return obj_list(3, special(SF_COMPOSE), f, g); }

static K build(Parser *p, Item *items, int i, int n) {
    if (!obj_stack_ok()) /* a long fold nests as deep as it is long */
        return NULL;
    Item *it = &items[i];
    if (i == n - 1) {
        if (it->colon) /* +: alone is the monadic form */
            return monadic_form(r1(it->node));
        return r1(it->node);
    }
    if (it->verb) {
        K rhs = build(p, items, i + 1, n);
        if (!rhs)
            return NULL;
        if (is_assign_verb(it)) {
            K h = special(SF_RETURN);
            note_pos(h, it->pos);
            return obj_list(2, h, rhs);
        }
        if (is_special(it->node, SF_SIGNAL)) {
            K h = special(SF_SIGNAL);
            note_pos(h, it->pos);
            return obj_list(2, h, rhs);
        }
        if (is_train(p, items, i + 1, n))
            return compose(monadic_form(r1(it->node)), rhs);
        if (!p->k_mode && !it->colon && disabled_unary(it->node)) {
            /* q disables an operator's unary form applied prefix (basics/parsetrees.md,
             * "Variadic operators": $42 is '$; ($)42 and string 42 are not) */
            r0(rhs);
            return kerr(prim_table[it->node->g].text);
        }
        note_pos(it->node, it->pos);
        return obj_list(2, monadic_form(r1(it->node)), rhs);
    }
    Item *v = &items[i + 1];
    if (v->derived_call && !v->verb && i + 1 == n - 1 && it->node->t < KLAMBDA) /* x v/[y]: v/[x;y] */
        return obj_list(3, r1(kK(v->node)[0]), r1(it->node), r1(kK(v->node)[1]));
    if (v->verb) {
        if (i + 1 == n - 1) { /* noun verb: a projection, 2+ */
            if (is_assign_verb(v) || v->colon)
                return kerr("syntax");
            return obj_list(3, r1(v->node), r1(it->node), elided());
        }
        K rhs = build(p, items, i + 2, n);
        if (!rhs)
            return NULL;
        if (is_assign_verb(v) || is_global_assign(v)) {
            K name = target_name(it->node);
            if (!name && is_assign_verb(v)) { /* (a;b):x, (1 2):x ...: a pattern */
                note_pattern_locals(p, it->node);
                note_pos(v->node, v->pos);
                return obj_list(3, r1(v->node), r1(it->node), rhs);
            }
            if (!name) {
                r0(rhs);
                return kerr("assign");
            }
            /* x:v makes x local to the lambda; x[i]:v and x+:v amend a global unless x is
             * already local.  A name assigned with :: first and with : after is q's
             * "global used as local" ('name, basics/debug.md) */
            bool column = p->naming_scope == p->scope && p->naming_depth == p->depth;
            if (p->scope && it->node->t == -KS && !column) {
                bool global = has_name(p->scope->globals, name->s);
                if (is_assign_verb(v) && global) {
                    K e = kerr(name->s);
                    RT->lang.parse_error_at = (long)it->pos + 1;
                    r0(name);
                    r0(rhs);
                    return e;
                }
                if (is_assign_verb(v))
                    note_local(p, name->s);
                else if (!global && !is_local_name(p, name->s) && !is_param(p->scope, name->s) &&
                         !strchr(name->s, '.'))
                    js(&p->scope->globals, name->s);
            }
            r0(name);
            if (it->node->t == -KS && rhs->t == KLAMBDA) /* f:{..}: its frames say f */
                origin_name(rhs, it->node->s, strlen(it->node->s), 0);
            /* a::e is a global assignment in a lambda, and defines a view at top level */
            int head = is_global_assign(v) ? (p->scope ? SF_ASSIGN_G : SF_VIEW) : -1;
            K h = head < 0 ? obj_prim(KBINARY, P_IDENTITY) : special(head);
            note_pos(h, v->pos); /* a failed store gets the caret at its colon */
            return obj_list(3, h, r1(it->node), rhs);
        }
        if (v->colon) { /* x+:y  ->  (:; x; y; +) */
            K name = target_name(it->node);
            if (!name) {
                r0(rhs);
                return kerr("assign");
            }
            r0(name);
            K h = v->global && p->scope ? special(SF_ASSIGN_G) : obj_prim(KBINARY, P_IDENTITY);
            note_pos(h, v->pos);
            return obj_list(4, h, r1(it->node), rhs, r1(v->node));
        }
        if (is_train(p, items, i + 2, n))
            return compose(obj_list(3, r1(v->node), r1(it->node), elided()), rhs);
        note_pos(v->node, v->pos);
        return obj_list(3, r1(v->node), r1(it->node), rhs);
    }
    K rhs = build(p, items, i + 1, n);
    if (!rhs)
        return NULL;
    if (is_train(p, items, i + 1, n))
        return compose(r1(it->node), rhs);
    note_pos(it->node, it->pos);
    return obj_list(2, it->paren_glyph ? monadic_form(r1(it->node)) : r1(it->node), rhs);
}

static K parse_expr(Parser *p) {
    if (!obj_stack_ok()) /* (((... [[[... {{{...: every nesting passes through here */
        return NULL;
    Item stack[64];
    Item *items = stack;
    int n = 0, cap = 64;
    K result = NULL;
    while (!at_stop(p)) {
        if (n == cap) {
            Item *grown = mem_raw_alloc(sizeof(Item) * cap * 2);
            if (!grown)
                goto done;
            memcpy(grown, items, sizeof(Item) * n);
            if (items != stack)
                mem_raw_free(items);
            items = grown;
            cap *= 2;
        }
        p->after_noun = n > 0 && !items[n - 1].verb;
        if (!parse_item(p, &items[n]))
            goto done;
        n++;
    }
    if (p->tok.kind == TK_ERROR) {
        if (!kerr_msg())
            kerr("syntax");
        goto done;
    }
    /* x :: is x; f g :: is the composition of f and g (the '::' ends a train) */
    bool tail = n >= 2 && items[n - 1].verb && obj_is_identity(items[n - 1].node) &&
                !items[n - 1].colon && !items[n - 2].verb;
    if (tail) {
        r0(items[--n].node);
        bool saved = p->train_tail;
        p->train_tail = true;
        result = build(p, items, 0, n);
        p->train_tail = saved;
    } else {
        result = n ? build(p, items, 0, n) : obj_identity();
    }
done:
    for (int i = 0; i < n; i++)
        r0(items[i].node);
    if (items != stack)
        mem_raw_free(items);
    return result;
}

/* ---- entry points ------------------------------------------------------------------------ */

/* the text of a view's expression: what follows '::' in the statement starting at start */
static K view_source(const Parser *p, size_t start) {
    size_t end = p->tok.kind == TK_END ? p->lx.n : p->tok.pos;
    const char *s = p->lx.src + start;
    size_t n = end > start ? end - start : 0;
    const char *dc = NULL;
    for (size_t i = 0; i + 1 < n && !dc; i++)
        if (s[i] == ':' && s[i + 1] == ':')
            dc = s + i + 2;
    if (!dc)
        return obj_strn("", 0);
    size_t len = (size_t)(s + n - dc);
    while (len && (dc[len - 1] == ' ' || dc[len - 1] == '\n' || dc[len - 1] == '\r' || dc[len - 1] == ';'))
        len--;
    while (len && *dc == ' ')
        dc++, len--;
    return obj_strn(dc, len);
}

static K parse_statements(Parser *p) {
    K seq = ktn(0, 0);
    jk(&seq, special(SF_SEQ));
    bool trailing_empty = true;
    while (p->tok.kind != TK_END) {
        if (p->tok.kind == TK_SEMI) { /* an empty statement is (::), as parse shows it */
            advance(p);
            jk(&seq, obj_identity());
            trailing_empty = true;
            continue;
        }
        p->tok.newline = false; /* the newline before a statement only separated it */
        size_t start = p->tok.pos;
        K e = parse_expr(p);
        if (!e) {
            r0(seq);
            return NULL;
        }
        if (!p->scope && e->t == 0 && e->n == 3 && kK(e)[0]->t == KUNARY && kK(e)[0]->g == SF_VIEW) {
            /* v::a;b;e defines v as the rest of the line, whose value is its last expression
             * (learn/views.md: "viewname::[expression;expression;...]expression") */
            if (p->tok.kind == TK_SEMI) {
                K body = ktn(0, 0);
                jk(&body, special(SF_SEQ));
                jk(&body, r1(kK(e)[2]));
                bool last_empty = false;
                while (body && p->tok.kind == TK_SEMI) {
                    advance(p);
                    last_empty = true;
                    if (p->tok.kind == TK_END || p->tok.newline || p->tok.kind == TK_SEMI)
                        continue;
                    K more = parse_expr(p);
                    if (!more) {
                        r0(body);
                        r0(e);
                        r0(seq);
                        return NULL;
                    }
                    jk(&body, more);
                    last_empty = false;
                }
                if (last_empty)
                    jk(&body, obj_identity());
                if (!body) {
                    r0(e);
                    r0(seq);
                    return NULL;
                }
                r0(kK(e)[2]);
                kK(e)[2] = body;
            }
            jk(&e, view_source(p, start)); /* `view` shows a view's definition */
        }
        jk(&seq, e);
        trailing_empty = false;
        if (p->tok.kind == TK_SEMI) {
            advance(p);
            trailing_empty = true;
        } else if (p->tok.kind != TK_END && !p->tok.newline) {
            r0(seq);
            return close_error(p, 0);
        }
    }
    if (trailing_empty || seq->n == 1)
        jk(&seq, obj_identity());
    if (seq->n == 2) {
        K e = r1(kK(seq)[1]);
        r0(seq);
        return e;
    }
    return seq;
}

K parse_text(const char *src, size_t n, bool k_mode) {
    Parser p = {.k_mode = k_mode};
    lex_init(&p.lx, src, n);
    p.lx.k_names = k_mode;
    p.tok = lex_next(&p.lx);
    if (p.tok.kind == TK_ERROR)
        return NULL;
    K tree = parse_statements(&p);
    if (p.tok.kind == TK_NOUN || p.tok.kind == TK_SYMBOL)
        r0(p.tok.value);
    return tree;
}

K parse_lambda_source(const char *src, size_t n, S ctx) {
    bool k_mode = n >= 2 && src[0] == 'k' && src[1] == ')';
    if (k_mode)
        src += 2, n -= 2;
    S saved = RT->lang.context;
    RT->lang.context = ctx;
    Parser p = {.k_mode = k_mode};
    lex_init(&p.lx, src, n);
    p.lx.k_names = k_mode;
    p.tok = lex_next(&p.lx);
    K f = p.tok.kind == TK_LBRACE ? parse_lambda_at(&p) : kerr("syntax");
    RT->lang.context = saved;
    if (p.tok.kind == TK_NOUN || p.tok.kind == TK_SYMBOL)
        r0(p.tok.value);
    return f;
}

K lambda_ensure_parsed(K f) {
    if (kK(f)[LAMBDA_PARAMS] && kK(f)[LAMBDA_PARAMS]->t == KS)
        return f;
    K src = kK(f)[LAMBDA_SRC];
    K ctx = kK(f)[LAMBDA_CTX];
    K g = parse_lambda_source(kC(src), (size_t)src->n, ctx && ctx->t == -KS ? ctx->s : sym_null);
    r0(f);
    return g;
}

int func_valence(const K f) {
    switch (f->t) {
    case KLAMBDA:
        return kK(f)[LAMBDA_PARAMS]->t == KS ? (int)kK(f)[LAMBDA_PARAMS]->n : 1;
    case KUNARY:
        return 1;
    case KBINARY:
        return 2;
    case KPROJ: {
        int free_args = 0, given = (int)f->n - 1;
        for (J i = 1; i < f->n; i++)
            free_args += kK(f)[i]->t == KUNARY && kK(f)[i]->g == PRIM_ELIDED;
        int base = func_valence(kK(f)[0]);
        return free_args + (base > given ? base - given : 0);
    }
    case KCOMP:
        return func_valence(kK(f)[f->n - 1]);
    case KEACH: case KEACHL: case KEACHR:
        return f->t == KEACH ? func_valence(kK(f)[0]) : 2;
    case KOVER: case KSCAN: case KPRIOR: {
        int v = func_valence(kK(f)[0]);
        return v < 2 ? 1 : v;
    }
    case KFOREIGN:
        return obj_foreign_arity(f) ? obj_foreign_arity(f) : 1;
    }
    return 1;
}
