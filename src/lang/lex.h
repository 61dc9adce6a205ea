/* lex.h -- tokens of q source. */
#ifndef OPENQ_LEX_H
#define OPENQ_LEX_H

#include "../obj/obj.h"

typedef enum {
    TK_END,    /* end of input */
    TK_ERROR,  /* lexical error; kerr is pending */
    TK_NOUN,   /* a literal: value holds it */
    TK_SYMBOL, /* `a or `a`b: value holds the atom or vector */
    TK_NAME,   /* identifier (text, len) */
    TK_VERB,   /* glyph (text, len); colon: directly followed by ':' */
    TK_ADVERB, /* ' / \ ': /: \: */
    TK_LPAREN, TK_RPAREN, TK_LBRACK, TK_RBRACK, TK_LBRACE, TK_RBRACE, TK_SEMI
} TokenKind;

typedef struct Token {
    TokenKind kind;    /* what it is */
    K value;           /* TK_NOUN / TK_SYMBOL: the value (owned by the token) */
    const char *text;  /* TK_NAME / TK_VERB / TK_ADVERB: the source text */
    size_t len;        /* its length */
    size_t pos;        /* offset in the source */
    bool space_before; /* blank (or newline) before it */
    bool newline;      /* a newline before it (not one that starts a continuation line) */
    bool line;         /* any newline before it (k lambdas end an expression there) */
    bool colon;        /* TK_VERB: written with a trailing ':' */
    bool global;       /* TK_VERB: with '::' (x,::y amends a global inside a lambda) */
} Token;

typedef struct Lexer {
    const char *src; /* the source (not NUL-terminated) */
    size_t n;        /* its length */
    size_t pos;      /* next unread byte */
    size_t apply_at; /* a '.' here is Apply: it directly follows a ')' */
    bool k_names;    /* k text: '_' is never part of a name (x_:y drops), as in k */
} Lexer;

void lex_init(Lexer *lx, const char *src, size_t n);
Token lex_next(Lexer *lx);

/* one literal word as an atom ("D"$"2020.01.01"): of type `type` when the word allows it,
 * else of the word's own type; NULL + kerr when it is no literal (cast.c) */
K lex_parse_atom(const char *s, size_t n, int type);

#endif
