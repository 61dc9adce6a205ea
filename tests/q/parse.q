/ parse trees as parse (-5!) shows them (ref/parse.md, basics/parsetrees.md, basics/funsql.md):
/ an application is (f;args..), names are symbols, constant symbols are enlisted, statements
/ are (";";s1;s2..) with an empty statement as (::), $[..] is ($;..)
q)parse "1 2 3 + 5"
+
1 2 3
5
q)parse "2+4*7"
+
2
(*;4;7)
q)parse "`a`b`c,`d,v"
,
,`a`b`c
(,;,`d;`v)
q)parse "1 2 3 +/: 5 7"
(/:;+)
1 2 3
5 7
q)parse "{x*x}"
{x*x}
q)parse "a;b"
";"
`a
`b
q)parse ";select from t"
";"
::
(?;`t;();0b;())
q)parse "a;;b;"
";"
`a
::
`b
::
q)-5!"a;b"
";"
`a
`b
q)parse "$[a;b;c]"
$
`a
`b
`c
q)eval parse "1;2"
2
q)value "a:1;;b:2;a+b"
3
q)/ keywords q.k defines in k show as that definition (basics/parsetrees.md, basics/variadic.md,
q)/ basics/funsql.md); natively defined ones show their names; the parser puts .q's values in
q)/ the tree (ref/parse.md)
q)deltas
-':
q)sums
+\
q)type
@:
q)iasc
k){$[0h>@x;'`rank;<x]}
q)idesc
k){$[0h>@x;'`rank;>x]}
q)like
like
q)sum
sum
q)parse "fby"
k){@[(#y)#x[0]0#x 1;g;:;x[0]'x[1]g:.=y]}
q)parse "type 6"
@:
6
q)parse "foo each til 5"
k){x'y}
`foo
(k){$[0>@x;!x;'`type]};5)
q)foo:{x+2}
q)eval parse "foo each til 5"
2 3 4 5 6
q)string deltas
"-':"
q)-3!(deltas;til)
"(-':;k){$[0>@x;!x;'`type]})"
q)iasc 2 7 3 1
3 0 2 1
q)deltas 1 4 9
1 3 5
q)/ ': of a unary function is Each Parallel (ref/maps.md), as peach is
q){x+1}':[1 2 3]
2 3 4
q){x+1} peach 1 2 3
2 3 4
q)(+\)peach(2 3 4;9 10 11 12)
2 5 9
9 19 30 42
q)-':[1 4 9]
1 3 5
q)/ a parenthesised glyph applied prefix is its unary form (basics/parsetrees.md); named, or
q)/ applied with brackets, it keeps its rank
q)($)42
"42"
q)(-)5
-5
q)parse"6(+)4"
6
(+:;4)
q)d:`c1`c2!(1 2;3 4)
q)(+)d
c1 c2
-----
1  3
2  4
q)(+)[1;2]
3
q)f:(-)
q)f 3
-[3]
q)/ .q holds the keywords in q.k's order, so reverse lookup finds a k form's keyword
q)/ (basics/parsetrees.md, basics/funsql.md, ref/key.md)
q)key `.q
``neg`not`null`string`reciprocal`floor`ceiling`signum`mod`xbar`xlog`and`or`ea..
q).q?(+:)
`flip
q)qfind:{key[.q]where x~/:string value .q}
q)qfind"~:"
`not`hdel
q)qfind"k){x*y div x:$[16h=abs[@x];\"j\"$x;x]}"
,`xbar
q).q`ltime
%:
q).q`reciprocal
%:
q)/ a column named in a table literal or a qSQL phrase is no local of its lambda
q)f:{sym::1;([]date:();sym:())}
q)f[]
date sym
--------
q)sym
1
q)g:{sym::2;select sym:a from ([]a:1 2)}
q)g[]
sym
---
1
2
q)sym
2
