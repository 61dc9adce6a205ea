/ the evaluator: assignment, application, lambdas, projections, control, errors
q)1+2
3
q)2*3+4
14
q)a:5
q)a
5
q)a+:1
q)a
6
q){x+y}[2;3]
5
q)f:{x*y}
q)f[3;4]
12
q)g:f[2]
q)g 5
10
q){[a;b] a-b}[10;3]
7
q){x+y+z}[1;2;3]
6
q){x}[1;2]
'rank
q)x:1 2 3
q)x[1]:10
q)x
1 10 3
q)d:`a`b!1 2
q)d[`c]:3
q)d
a| 1
b| 2
c| 3
q)$[1b;`yes;`no]
`yes
q){$[x>0;`pos;x<0;`neg;`zero]} each -1 0 1
`neg`zero`pos
q){r:0;do[x;r+:2];r}[5]
10
q){i:0;while[i<3;i+:1];i}[0]
3
q){if[x>0;:`early];`late}[1]
`early
q){'`boom}[]
'boom
q)@[{x+1};`a;{"caught: ",x}]
"caught: type"
q).[{x+y};(1;2)]
3
q).[+;(1;`a);{`err}]
`err
q)+/[1 2 3]
6
q)1+/1 2 3
7
q)+\[1 2 3]
1 3 6
q){x*2}/[3;1]
8
q)(1+)\[3;1]
1 2 3 4
q){x+1}'[1 2 3]
2 3 4
q)1 2+/:10 20
11 12
21 22
q)1 2+\:10 20
11 21
12 22
q)-':[1 4 9]
1 3 5
q)(1;`a;"x")
1
`a
"x"
q)k){x:. x;$[99h<@x;:`$"_pykx_fn_marker";99h~@x;if[` in!x;if[(::)~x`;:`$"_pykx_ctx_marker"]]]x}`.q
`_pykx_ctx_marker
q)value "1+1"
2
q)value (+;1;2)
3
q)undefinedname
'undefinedname
q)1+`a
'type
q)1 2+1 2 3
'length
q)parse "1+2"
+
1
2
q)vb:2
q)va::vb*10
q)va
20
q)vb:3
q)va
30
q)a:3 3#2 4 8 3 5 6 0 7 1f
q)inv a
-0.4512195  0.6341463  -0.195122
-0.03658537 0.02439024 0.1463415
0.2560976   -0.1707317 -0.02439024
q)1=a mmu inv a
100b
010b
001b
q)all null raze inv 2 2#1 2 2 4f
1b
q)inv 2 3#1f
'length
q)b:4 4#2 7 -2 5 5 3 6 1 -2 5 2 7 5 0 3 4f
q)(1f+3 4#til 12) lsq b
-0.1233333 0.16      0.4766667 0.28
0.07666667 0.6933333 0.6766667 0.5466667
0.2766667  1.226667  0.8766667 0.8133333
q)0 xexp 0
1f
q)2 xexp 3 0.5
8 1.414214
q)1=1+1e-15
1b
q)1f<1+1e-15
0b
q)1f<1.000001
1b
q)v::2+c*3
q)c:5
q)v
17
q)view `v
"2+c*3"
q)reval "c:1"
'noupdate
q)selfish::selfish+1
q)selfish
'loop
q)ping::pong+1
q)pong::ping+1
q)ping
'loop
q)pong
'loop
q)pong::c+1
q)ping
7
q)failing::c+`a
q)failing
'type
q)reval "1+1"
2
q)c
5
q)x:2024.03.10D12:00:00.000000000
q)x~ltime gtime x
1b
q)gtime 2024.01.01
'type
q)rand[10 20 30] in 10 20 30
1b
q)type rand 3.5
-9h
q)s:([k:`a`b]v:1 2)
q)t2:([]k:`s$`a`b`a;x:1 2 3)
q)fkeys t2
k| s
q)meta t2
c| t f a
-| -----
k| s s
x| j
q)select k.v, x from t2
v x
---
1 1
2 2
1 3
q)type t2[`k] 0 1
20h
q)tables[]
`s`t2
q)t:([]a:1 2;b:3 4)
q)f:{select from t where a=x}
q)f 1
a b
---
1 3
q){[x;y]select from ([]a:0 1;b:2 3) where a=x,b=y}[0;2]
a b
---
0 2
q){[n] exec b+n from t} 10
13 14
q)upd:`trade`quote!({x+1};{x*2})
q)upd[`quote;21]
42
q)0 1 0'["abc";"xyz"]
"ayc"
q)0 1 0'["a";"xyz"]
"aya"
q)string ([]a:1 2;b:`ibm`goog)
a    b
-----------
,"1" "ibm"
,"2" "goog"
q)-9$`a`b!("quick";"fox")
a| "    quick"
b| "      fox"
q).Q.id flip (5#.Q.res)!(5#())
abs1 acos1 asin1 atan1 avg1
---------------------------
q)`tnew insert ([c1:`a`b];c2:10 20)
0 1
q)`c1 xkey `tnew
`tnew
q)-1@","0:([]x:("foo";"bar,baz"));
x
foo
"bar,baz"
q)parse "2+3"
+
2
3
q)eval parse "2+3"
5
q)eval (+;2;3)
5
q)(+) scan 1 2 3 4 5
1 3 6 10 15
q)(*) over 1 2 3 4 5
120
q){x+y*z}\[1000;5 10 15 20;2 3 4 5]
1010 1040 1100 1200
q){x+y*z}\[1000 2000;5 10 15 20;3]
1015 2015
1045 2045
1090 2090
1150 2150
q)(+) prior til 10
0 1 3 5 7 9 11 13 15 17
q){x+y%10}prior til 10
0n 1 2.1 3.2 4.3 5.4 6.5 7.6 8.7 9.8
q)(+\)peach(2 3 4;(5 6;7 8);9 10 11 12)
2 5 9
(5 6;12 14)
9 19 30 42
q)a:show til 5
0 1 2 3 4
q)a~(::)
1b
q)show a:enlist[til 5;`ibm`goog;"hello"]
0 1 2 3 4
`ibm`goog
"hello"
q)1.5*2
3f
q)2020.01.01+1
2020.01.02
q)2020.01.02-2020.01.01
1i
q)lst:(1 2;3 4;5 6)
q)lst[;1]
2 4 6
q)d2:`a`b!(1 2;3 4)
q)d2[;0]
a| 1
b| 3
q)(,\)2 3 4
,2
2 3
2 3 4
q)/ ref/accumulators.md: a list or dictionary is a finite-state machine; a matrix is binary
q)m:(6 7;6 7;6 7;6 7;6 7;0 1;2 5;3 4;6 7)
q)0 m\0 1 1 0 0
6 5 1 6 2
q)0 m/0 1 1 0 0
2
q)m\[0;0 1 1 0 0]
6 5 1 6 2
q)route:`London`Paris`Genoa!`Paris`Genoa`London
q)route\[`Genoa]
`Genoa`London`Paris
q)3 route\`Paris
`Paris`Genoa`London`Paris
q)(1 2 0)/[0]
2
q)/ ref/accumulators.md (Do, While): a derived f/ or f\ is variadic, and with an integer or a
q)/ function on the left of a further / or \ it is the unary Do or While operand (KX's e/huff.q)
q)2{(x+y;y)}//(1;2)
5 2
q)2{(x+y;y)}/\(1;2)
1 2
3 2
5 2
q){10>first x}{(x+y;y)}//(1;2)
11 2
q)1.5 +// (1 2;3 4)
11.5
q)/ ref/maps.md Each over two dictionaries: item by key; with different keys over their union,
q)/ as the atomic dyads align them, a key of one alone keeping its value (KX's tick/c.q vwap2)
q)(`a`b!1 2),'(`b`a!3 4)
a| 1 4
b| 2 3
q)(`a`b!1 2),'(`b`c!10 20)
a| 1
b| 2 10
c| 20
q)(`a`b!1 2){x-y}'(`b`c!10 20)
a| 1
b| -8
c| 20
q)k1:([s:`a`b]p:(1 2;enlist 3));k2:([s:`a`c]p:(enlist 4;enlist 5))
q)k1,''k2
s| p
-| -----
a| 1 2 4
b| ,3
c| ,5
q)/ basics/application.md: an atom is no map, so it is no iterator's value: 'type
q)1000/[+]til 5
'type
q)(5\)1
'type
q)(2')1 2
'type
q)(neg/)1
-1
q)2 (1 2 0)\0
0 1 2
q){x,y}\[2 3 4]
2
2 3
2 3 4
q){.z.s}[]
{.z.s}
q)d:'[{2*x};{x+y}]
q)d[3;4]
14
q)"|" 0: (`a`b`c;1 2 3;"xyz")
"a|1|x"
"b|2|y"
"c|3|z"
q)"S=;"0:"one=1;two=2;three=3"
one  two  three
,"1" ,"2" ,"3"
q)2003.07 2003.08m
2003.07 2003.08m
q)/ '[;] with open slots is compose as a function of them (ref/compose.md)
q)cf:2*
q)cff:{[a;b;c;d]a+b+c+d}
q)cg:10*
q)cdd:('[;]) over (cg;cf;cff)
q)cdd[1;2;3;4]
200
q)'[;]/[(cg;cf;cff)][1;2;3;4]
200
q)'[neg;][+][1;2]
-3
q)`.rootdot set 1
`.rootdot
q).rootdot+1
2
q).rootdot:3
q).rootdot
3
q)`rootdot in key `
0b
q)/ value by ref/value.md: an operator gives its internal code, a file symbol the file's content, `.q.x` a keyword
q)value each (::;+;-;*;%)
0 1 2 3 4
q)value (neg)
2
q)`:valuef set 10 20 30
`:valuef
q)value `:valuef
10 20 30
q)value(`.q.neg;2)
-2
q)value `neg
-:
q).q.neg 3
-3
q)/ the keywords are in .q as q lists them (ref/key.md)
q)`neg in key `.q
1b
q)value `.q.nosuchkeyword
'.q.nosuchkeyword
q)/ basics/function-notation.md: a local is known from parsing and starts as (), so a read
q)/ before its assignment (a branch not taken) is () and not a global of that name
q)t:([]0 1)
q){if[x;t:([]`a`b)];select from t} 0b
'type
q)()~{if[x;a:1];a}0b
1b
q)()~{b:a;a:1;b}[]
1b
q)/ x op:y of a local not assigned yet is as of an undefined name: op's identity element
q){a:a+:1;a}[]
1
q)/ ref/accumulators.md, Over of empty lists: x v/[y] is v/[x;y], so the left argument
q)/ comes back when y is empty; a keyword on the left is a function and applies to the result
q)42 (3 4#til 12)/[0#0]
42
q)42+/[0#0]
42
q)10 {x+y}/[1 2 3]
16
q)type 1 0 3h/[til 0]
5h
q)/ ref/accumulators.md, Alternative syntax: a b\c for floats is {z+x*y}\[a;b;c]
q)a:1000f;b:1 2 3 4f;c:5 6 7 8f
q)a b\c
1005 2016 6055 24228f
q){z+x*y}\[a;b;c]
1005 2016 6055 24228f
q)a b\1 2f
'length
q)/ indexing a vector by longs: an index outside 0..count-1 (negative, past the end, null) gives the
q)/ list's null (ref/apply.md Index; 8-byte and 4-byte items copied by the gather loop)
q)(1 2 3j)0 5 -1 2 0N
1 0N 0N 3 0N
q)(1 2 3i)0 5 -1 2 0N
1 0N 0N 3 0Ni
q)(2024.01.01 2024.01.02)1 0 7
2024.01.02 2024.01.01 0N
q)(1.5 2.5)1 -2 0
2.5 0n 1.5
q)(`a`b`c)2 0 3
`c`a`
q)(0#1 2i)0 1 -1
0N 0N 0Ni
q)(0#`)0 1
``
q)ge:`a`b`c
q)(`ge$`a`b)0 1 5
`ge$`a`b`
q)x:til 100000
q)sum x 2*til 50000
2499950000
