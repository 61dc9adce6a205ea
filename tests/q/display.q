/ console display rules (../shared/conformance/DISPLAY.md; KxSystems/docs basics/datatypes.md,
/ basics/implicit-iteration.md)
q)/ a short has no infinity on display (basics/datatypes.md): 0Wh prints 32767h
q)0Wh
32767h
q)-0Wh
-32767h
q)0W 1 0Nh
32767 1 0Nh
q)/ the other typed infinities keep their form
q)0Wi
0Wi
q)-0Wi
-0Wi
q)0W
0W
q)0w
0w
q)0We
0we
q)0Wd
0Wd
q)/ a list of equally long lists prints as a matrix; a boolean row beside a general one
q)/ has its items as cells (basics/implicit-iteration.md)
q)(2 3 4;(5; 6 7;8)) within 3 6
0  1   1
1b 10b 0b
q)(101b;010b)
101b
010b
q)/ a row that is itself a matrix is laid out first, its last column padded too, and the rows
q)/ then line up on those texts (q's .Q.s2; learn/q-by-examples.md: 0 3_/:2 6#til 12)
q)0 3_/:2 6#til 12
0 1 2   3 4 5
6 7  8  9 10 11
q)((1 2;3 4);(5 6;7 8))
1 2 3 4
5 6 7 8
q)((1;`a);(2;`b))
1 `a
2 `b
q)(1 2;`a`b)
1 2
a b
q)/ -3! of a dict brackets a key that would not read alone: a one-item or empty vector, a
q)/ general list (basics/funsql.md: (,`x)!,(#:;`i))
q)-3!(enlist `a)!enlist 1
"(,`a)!,1"
q)-3!`a`b!1 2
"`a`b!1 2"
q)-3!(`symbol$())!`long$()
"(`symbol$())!`long$()"
q)-3!(1;`a)!2 3
"(1;`a)!2 3"
q)-3!(enlist"a")!enlist 1
"(,\"a\")!,1"
q)/ table cells: a vector shows no type letter (ref/deltas.md: signum's ints), a symbol in a
q)/ general column keeps its backtick (ref/dotq.md .Q.ty example)
q)([]a:(1 0 -1i;1 1i))
a
------
1 0 -1
1 1
q)([]c:(3;"xy";`ab))
c
----
3
"xy"
`ab
q)/ a temporal vector of nulls and infinities only carries its type letter once, at the end
q)/ (basics/datatypes.md); beside a value it needs none
q)0Wd 0Wd
0W 0Wd
q)0Wd 0Nd
0W 0Nd
q)2#0Wp
0W 0Wp
q)-0Wn,0Wn
-0W 0Wn
q)2#0Wz
0w 0wz
q)0Wd 2000.01.01
0W 2000.01.01
q)2000.01.01 0Nd
2000.01.01 0N
q)0Wh 0Nh 1h
32767 0N 1h
q)(0Wi;0Wh)
0Wi
32767h
q)/ a dictionary whose values are all empty lists shows no values (ref/dotq.md: .Q.id, .Q.pn t|); beside others () shows
q).Q.id (3#.Q.res)!(3#())
abs1 |
acos1|
asin1|
q)`a`b!(();1 2)
a| ()
b| 1 2
