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
-------
1 0 -1i
1 1i
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
q)/ the console's one rule (q's .Q.S; DISPLAY.md 4-6): a general list is one line per item in
q)/ its one-line form when an item is not a list, when their lengths differ, or when all are
q)/ strings, boolean or byte vectors; otherwise a matrix whose rows' items are cells
q)/ (wp/iterators/index.md: 0 {(+)prior x,0}\ "foo" shows "foo"; ref/doth.md .h.tx[`json])
q)enlist "foo"
"foo"
q)("ab";enlist "c")
"ab"
,"c"
q)/ ref/file-binary.md: 1: reads columns of one item each, shown as a matrix of cells
q)(enlist 4;enlist"i")1:0x01000000
16777216
q)("ich";4 1 2)1:"arthur!"
1752461921
u
8562
q)/ ref/enlist.md: items of different lengths, each in its one-line form
q)enlist[til 5;`ibm`goog;"hello"]
0 1 2 3 4
`ibm`goog
"hello"
q)/ learn/q-by-examples.md: rows of strings line up as a matrix of quoted cells
q)M:("ABC";"123";"!@#")
q)(::;flip;reverse;reverse each;1 rotate)@\:M
"ABC" "123" "!@#"
"A1!" "B2@" "C3#"
"!@#" "123" "ABC"
"CBA" "321" "#@!"
"123" "!@#" "ABC"
q)/ a dict is its key lines beside its value lines, each side by the rule: group's one-item
q)/ lists are a matrix (basics/precision.md), as are equal vectors (ref/dotj.md .j.k)
q)group 1.5 2.5
1.5| 0
2.5| 1
q)group 1.5 2.5 1.5
1.5| 0 2
2.5| ,1
q)`a`b!(1 2 3;`x`y`z)
a| 1 2 3
b| x y z
q)`a`b!(0 1f;("hello";"world"))
a| 0       1
b| "hello" "world"
q)/ values with atoms among them show in full, type letters kept (wp/surveillance/index.md)
q)`qty`px`side`seq!(8f;1.83;"S";451421 451422)
qty | 8f
px  | 1.83
side| "S"
seq | 451421 451422
q)([]c:(1;2i;`a;0n))
c
--
1
2i
`a
0n
q)/ an empty list gives no lines: a typed empty dict prints nothing (basics/dictsandtables.md),
q)/ nor does () (ref/key.md: key`a in \d .foo); empty rows of a matrix are blank (ref/dotq.md .Q.pn: t|)
q)()!()
q)(`symbol$())!`float$()
q)()
q)(enlist `t)!enlist ()
t|
q)/ beside a table the other side of a dict gets a blank header line and a rule
q)/ (basics/funsql.md: ?[t;();`c1;...] shows  | m2 s3 over -| -----)
q)`a`b!([]x:1 2;y:`p`q)
 | x y
-| ---
a| 1 p
b| 2 q
q)([]x:1 2)!`p`q
x|
-| -
1| p
2| q
q)/ the console shows at most rows-2 lines of items, rows-4 of a table's rows; when cut, one
q)/ item fewer and a line .. (basics/syscmds.md \c: til each 20+til 10 at \c 10 10)
q)\c 10 10
q)til each 20+til 10
0 1 2 3..
0 1 2 3..
0 1 2 3..
0 1 2 3..
0 1 2 3..
0 1 2 3..
0 1 2 3..
..
q)til each 1+til 8
,0
0 1
0 1 2
0 1 2 3
0 1 2 3 4
0 1 2 3..
0 1 2 3..
0 1 2 3..
q)([]a:til 7)
a
-
0
1
2
3
4
..
q)([]a:til 6)
a
-
0
1
2
3
4
5
q)`a`b`c`d`e`f`g`h`i!til 9
a| 0
b| 1
c| 2
d| 3
e| 4
f| 5
g| 6
..
q)\c 25 80
q)/ an empty enumeration is its domain cast of () (ref/dotq.md .Q.vp: `sym$())
q)s:`a`b
q)-3!0#`s$`a
"`s$()"
q)-3!([]e:0#`s$`a)
"+(,`e)!,`s$()"
q)/ a line is cut at the console width with its padding: a header whose column is wider than
q)/ the console ends in .. (wp/iterators/index.md: show tab:([]sym:..;time:3#enlist 09:30+til 30;..))
q)\c 10 20
q)([]a:1 2;b:2#enlist til 10)
a b              ..
-----------------..
1 0 1 2 3 4 5 6 7..
2 0 1 2 3 4 5 6 7..
q)([]a:1 2;b:2#enlist til 3)
a b
-------
1 0 1 2
2 0 1 2
q)\c 25 80
q)/ a matrix row's items are cells: nulls blank (kb/programming-idioms.md swin2: 0N-padded windows)
q)(0N 0N 0;0N 0 1;0 1 2)
    0
  0 1
0 1 2
q)/ a nested column of lists of one length is laid out as a matrix, as a dict's values are
q)/ (learn/python/examples/dict.md: grades.q's lab column pads 80 to 78.2's width)
q)([]a:(1 2;10 20))
a
-----
1  2
10 20
q)([]a:(1 2;10 20 30))
a
--------
1 2
10 20 30
