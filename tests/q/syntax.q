/ the rules of KxSystems/docs docs/basics/syntax.md (and ref/identity.md, ref/dict.md for
/ q 4.1's dictionary literal), one case per rule
q)/ Spaces: a minus sign next to a positive constant is part of it, unless the token to its
q)/ left is a name, a constant, a right parenthesis or a right bracket with no space between
q)x:5
q)x-1
4
q)3.5-1
2.5
q)3.5 -1
3.5 -1
q)x:1 2 3
q)x[1]-1
1
q)(2+3)- 1
4
q)2 - -1
3
q)2*-1
-2
q)/ after a verb (including _ and ! after a constant) the minus starts a constant
q)1_-1_til 5
1 2 3
q)8_-8!1 2
0x07000200000001000000000000000200000000000000
q)3#-1
-1 -1 -1
q)/ Iterators: a glyph with nothing to its left is the iterator itself, a noun
q)eval (/;+)
+/
q)eval ((/;+);(til;(+;2;2)))
6
q)(/;\;/:;\:;':;')
/
\
/:
\:
':
'
q)type each(/;\;')
103 103 103h
q)/ Identity: x :: is x, for any x (ref/identity.md)
q)1 2 3 ::
1 2 3
q)q:3 ::
q)q~3
1b
q)/ ... and a '::' ending a train composes what is before it
q)f:{sum x} enlist ::
q)f[1;2;3]
6
q)g:neg count ::
q)g 1 2 3
-3
q)/ Compositions: a train ends in a verb with no right argument; a verb alone there too
q)(0|+)[1;-3]
0
q)(0|+)\[2 -5 3]
2 0 3
q)x:-100 2 3 4 -100 6 7 8 9 -100
q)(x;0 (0|+)\x)
-100 2 3 4 -100 6 7  8  9  -100
0    2 5 9 0    6 13 21 30 0
q)(-+)[2;3]
-5
q)(count til@)5
5
q)/ Functions defined in .q with two or more arguments are used infix, as keywords are
q).q.myadd:{x+y}
q)2 myadd 3
5
q)myadd[2;3]
5
q)3 myadd/1 2 3
9
q)/ Dictionary literal ([k:v;..]); a bare name n means n:n
q)([a:1;b:2])
a| 1
b| 2
q)type ([a:1;b:2])
99h
q)key ([a:1;b:2 3])
`a`b
q)value ([a:1;b:2 3])
1
2 3
q)a:10;b:`x
q)([a;b])
a| 10
b| `x
q)([k:`x]v:1)
k| v
-| -
x| 1
q)/ Parentheses capture a function with infix syntax; a derived f/ stays variadic, and
q)/ iterated with one argument it is unary: (,/) over n converges as raze over n does
q)n:("the ";("quick ";"brown ";("fox ";"jumps ";"over ");"the ");("lazy ";"dog."))
q)(,/) over n
"the quick brown fox jumps over the lazy dog."
q)raze over n
"the quick brown fox jumps over the lazy dog."
q)(,//)("the ";("quick ";("brown ";"fox.")))
"the quick brown fox."
q)(+\)[1000;1 2 3 4 5]
1001 1003 1006 1010 1015
q)(+\)1 2 3 4 5
1 3 6 10 15
q)(*) scan 1 2 3 4 5
1 2 6 24 120
q)/ an iterator applied with brackets to its operand is a derived function applied prefix,
q)/ not infix, and still variadic (basics/application.md)
q)'[count](1 2;3)
2 1
q);/[+]til 5
10
q);\[+][til 5]
0 1 3 6 10
q);\[+][1000;til 5]
1000 1001 1003 1006 1010
q)/ q disables the unary form of an operator applied prefix; parenthesized it is the unary
q)/ form, and k keeps it (basics/parsetrees.md "Variadic operators")
q)$42
'$
q)($)42
"42"
q)k)$42
"42"
q)string 42
"42"
q)(#;3;,`a`b`c)
',
q)+`a`b!(1 2;3 4)
'+
q)(+)`a`b!(1 2;3 4)
a b
---
1 3
2 4
q)/ negation is kept, and iterators' derived functions apply prefix
q)x:3
q)-x
-3
q)+/[2 3 4]
9
q)(+/)2 3 4
9
q)/ Spaces: '.' is part of a name by default, but right after ')' it is Apply ((!).flip tups,
q)/ ref/apply.md); after ']' it starts a name (ref/dotq.md: .Q.def[d].Q.opt .z.x)
q)tups:(1 2;3 4)
q)(!).flip tups
1| 2
3| 4
q).Q.def[`a`b!1 2].Q.opt ("-a";"5")
a| 5
b| 2
q){[x].q.neg x}3
-3
q)/ basics/errors.md, Parse errors: a bracket that closes nothing open is named by its
q)/ character, and so is an opener (or a string) the text ends inside; Trap parses its
q)/ handler first (ref/apply.md)
q)@[2+;"42";{)}]
')
q)1+)
')
q)(1;2]
']
q)value "{1+2"
'{
q)value "(1;2"
'(
q)value "f[1"
'[
q)value "\"abc"
'"
q)@[value;"(1;2]";{x}]
,"]"
q)/ basics/syntax.md, evaluation right to left: a composition's parts too, so the last part
q)/ may define what the first names (k's F:F@&(_F:!d)like, KX's taq tq.q)
q)k)F:F@&(_F:`a`B`c)like
q)F"b"
,`B
q)/ a symbol does not start with /: `/:x is ` sv x (k's form of sv)
q)`/:(`:a;`b)
`:a/b
q)k)`/:(,`:db/2020.01.02),`
`:db/2020.01.02/
q)`a/b
`a/b
q)/ k: f:' iterates f's unary form (#:' is count each), and '_' is never part of a name
q)k)#:'(1 2;3)
2 1
q)k)-:'(1 2;3)
-1 -2
-3
q)k)x:1 2 3;x_:1;x
1 3
q)k)f:{x_:1;x}
q)f 1 2 3
1 3
q)x_y:5;x_y
5
q)/ a keyword with nothing on its left and a glyph verb on its right is that verb's left
q)/ argument (basics/application.md: ssr . list applies ssr to the list's items)
q)ssr . ("Hello word!";"rd";"rld")
"Hello world!"
q)like . ("abc";"a*")
1b
q)within . (5;1 10)
1b
q)ssr @ enlist "x"
ssr[,"x"]
q)1 2 3 in 2
010b
