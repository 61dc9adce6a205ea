/ more: divergences from the kdb+ reference fixed one by one (code.kx.com/q/ref examples)
q)string (2 3;"abc")
(,"2";,"3")
(,"a";,"b";,"c")
q)(2; 3 4) + ((5 6; 7 8 9); (10; 11 12))
7 8 9 10 11
13  15 16
q)d:`a`b!(1 2 3;"xyz")
q)reverse each d
a| 3 2 1
b| "zyx"
q)5 xbar 11:00 + 0 2 3 5 7 11 13
11:00 11:00 11:00 11:05 11:05 11:10 11:10
q)3 xbar til 16
0 0 0 3 3 3 6 6 6 9 9 9 12 12 12 15
q)`date$3+3 xbar `month$2019.11.19
2020.01.01
q)(3;4 5)xbar(10;20 -30)
9
20 -30
q)0D01:00:00 xbar 2014.05.09D12:34:56 2014.05.09D13:00:00
2014.05.09D12:00:00.000000000 2014.05.09D13:00:00.000000000
q)5 xbar 0N 7 12
0N 5 10
q)7 div 3
2
q)-7 7 div/:\:-2.5 -2 2 2.5
2  3  -4 -3
-3 -4 3  2
q)7f div 2
3f
q)6i div 4
1i
q)2014.10.13 div 365
2000.01.15
q)7h div 3
2i
q)0x80 div 16
8i
q)"\023" div 8
2i
q)0N div 5
0N
q)(,\)2 3 4
,2
2 3
2 3 4
q){x,y}\[2 3 4]
2
2 3
2 3 4
q)mt:0#0
q)type each (mt;*/[mt];{x*y}/[mt])
7 -7 0h
q)(+/)mt
0
q)(*/)mt
1
q)()~({x+y}/)mt
1b
q)()~{x+y*z}\[`foo;mt;mt]
1b
q)42+/mt
42
q)5 enlist\1
1
,1
,,1
,,,1
,,,,1
,,,,,1
q)-3!enlist (1;`a)
",(1;`a)"
q)trim 0N 0N 1 2 3 0N 0N  4 5 0N 0N
1 2 3 0N 0N 4 5
q)trim 42
42
q)trim(("fox";("jumps ";"over   "));("a";"dog "))
"fox" ("jumps";"over")
"a"   "dog"
q)ltrim`a`b!(("fox";("jumps ";"over   "));("a";"dog "))
a| "fox" ("jumps ";"over   ")
b| "a"   "dog "
q)rtrim ([]a:("fox";("jumps ";"over   "));b:("a";"dog "))
a                b
----------------------
"fox"            "a"
("jumps";"over") "dog"
q)kt:`k xkey update k:`abc`def`ghi from t:flip d:`a`b!(10 21 3;4 5 6)
q)ratios d
a| 10  21        3
b| 0.4 0.2380952 2
q)ratios t
a         b
--------------
10        4
2.1       1.25
0.1428571 1.2
q)2 mdev d
a| 0 0 0
b| 3 8 1.5
q)2 mdev kt
k  | a   b
---| -------
abc| 0   0
def| 5.5 0.5
ghi| 9   0.5
q)2 mmax d
a| 10 21 3
b| 10 21 6
q)2 mcount t
a b
---
1 1
2 2
2 2
q)all "YNYN"
1b
q)all ()
1b
q)any ()
0b
q)all " \000"
0b
q)all ([] c1:1 2 3; c2:0n 0w -0w; c3:0 1 2f)
c1| 1
c2| 1
c3| 0
q)var (1 2;3 5;4 9)
1.555556 8.222222
q)var ([]a:1 2 4;b:1 3 5)
a| 1.555556
b| 2.666667
q)avg (1;0n;2;3)
1.5
q)avg ([]a:3 5; b:6 8f)
a| 4
b| 7
q)med `a`b!(10 -21 3;4 5 -6)
7 -8 -1.5
q)1 3 0N cor 1 3 9
1f
q)29 10 54 cor 1 3 9
0.7727746
q)exp 00:00:00 00:00:12 12:00:00
1 162754.8 0w
q)sqrt 12:00:00.000000000
6572671f
q)1 rotate ([]a:1 2 3;b:`x`y`z)
a b
---
2 y
3 z
1 x
q)asc ([]a:4 3 4;b:`s`a`d)
a b
---
3 a
4 d
4 s
q)meta asc ([]a:3 4 1;b:`a`d`s)
c| t f a
-| -----
a| j   p
b| s
q)meta asc([]a:3 4 1)
c| t f a
-| -----
a| j   s
q)meta asc ([c1:`a`b] c2:2 1; c3:01b)
c | t f a
--| -----
c1| s
c2| j   p
c3| b
q)desc([]a:4 4 1;b:`a`d`s)
a b
---
4 d
4 a
1 s
q)type each desc (1;1b;"b";2009.01.01;"a";0)
-14 -10 -10 -7 -7 -1h
q)desc `a`b`c!2 1 3
c| 3
a| 2
b| 1
q)("apple";"banana";"coffee") bin ("anise";"berry";"curry")
-1 1 2
q)("apple";"banana";"coffee") bin "banana"
1
q)(`a`b`c!0 2 4) bin -1 3
``b
q)` sv ("one";"two";"three")
"one\ntwo\nthree\n"
q)` vs "abc\r\ndef\r\nghi"
"abc"
"def"
"ghi"
q)` vs "abc\ndef\nghi\n"
"abc"
"def"
"ghi"
q)0x02 vs 0x0102010201
,0x01
,0x01
,0x01
q)0x0203 vs 0x000102030405
0x0001
0x0405
q)0x02 sv (enlist 0x01;enlist 0x01;enlist 0x01)
0x0102010201
q)" "vs"x"$"a b"
,"a"
,"b"
q)0 24 60 60 sv 2 3 5 7
183907
q)0x0 sv "x" $128 255
-32513h
q)0x0 sv "x" $0 64 128 255
4227327i
q)0b sv 64#1b
-1
q)0b sv 16#1b
-1h
q)0b sv 8#1b
0xff
q)0b sv 10001100011010111000101101100100011010000001010101100000100001000000101000111110000101111000010000000001001001010001101101101000b
8c6b8b64-6815-6084-0a3e-178401251b68
q)0b vs 23173h
0101101010000101b
q)0b vs 23173i
00000000000000000101101010000101b
q)0x0 vs 2413e
0x4516d000
q)0x0 vs 2413f
0x40a2da0000000000
q)s:"toronto ontario"
q)s ss "[ir]o"
2 13
q)ssr[s;"[ir]o";"--"]
"to--nto ontar--"
q)"A grown man in a gown" ss ""
'length
q)"We the people of the United States" ss "t?e"
3 17
q)asc 3 1 0N 2 -5
`s#0N -5 1 2 3
q)asc 2000.01.02 2000.01.01
`s#2000.01.01 2000.01.02
q)asc 3 1 0N 2h
`s#0N 1 2 3h
q)asc "hello"
`s#"ehllo"
q)asc 10:00 09:00
`s#09:00 10:00
q)asc 3 -1 2i
`s#-1 2 3i
q)asc 0x0200ff
`s#0x0002ff
q)factorial:{$[x<2;1;x*.z.s x-1]}
q)factorial 5
120
q){.z.s}[]
{.z.s}
q)'[count][("The";"quick";"fox")]
3 5 3
q)d:'[{2*x};{x+y}]
q)d[3;4]
14
q)'[neg;+][1;2]
-3
q)dd:`a`b`c!1 2 3
q)delete b from dd
a| 1
c| 3
q)delete a from `dd
`dd
q)dd
b| 2
c| 3
q)(12h;"m";`date)$42
2000.01.01D00:00:00.000000042
2003.07m
2000.02.12
q)`hh`uu`ss$03:55:58.11
3 55 58i
q)u:`a`b`c
q)"i"$`u$`a`a`b`c
0 0 1 2i
q)enlist[2]#til 10
0 1
q)(2 2 3#til 5)~((0 1 2;3 4 0);(1 2 3;4 0 1))
1b
q)0N 3#til 7
0 1 2
3 4 5
,6
q)"|" 0: (`a`b`c;1 2 3;"xyz")
"a|1|x"
"b|2|y"
"c|3|z"
q)"S=;"0:"one=1;two=2;three=3"
one  two  three
,"1" ,"2" ,"3"
q)0N!"I=*,"0:"5=\"hello,world\",6=1";
(5 6i;("hello,world";,"1"))
q)2003.07 2003.08m
2003.07 2003.08m
q)\c
25 80
q)\c 10 10
q)til 20
0 1 2 3..
q)\c 25 80
q)"D"$"06/01/2010"
2010.06.01
q)\z 1
q)"D"$"06/01/2010"
2010.01.06
q)\z 0
q)|:["zero"]
"orez"
q)x:`a`b`c
q)`x!0 1 2 1
`x$`a`b`c`b
q)`q`Q`h in key`
111b
q)`z in key`
0b
q)string 2024.01m
"2024.01"
q)string 2024.01 2024.02m
"2024.01"
"2024.02"
q)raze (([]a:1 2);([]a:,3))
a
-
1
2
3
q)raze (`a`b!1 2;`b`c!3 4)
a| 1
b| 3
c| 4
q)select count i from ([]a:1 2 3)
x
-
3
q)-1!`a
`:a
q)-2!`s#1 2 3
`s
q)/ m 0N#x since V3.3 (ref/take.md): m rows of (count x) div m, the last takes the rest
q)3 0N#til 10
0 1 2
3 4 5
6 7 8 9
q)4 0N#til 9
0 1
2 3
4 5
6 7 8
q)(3 0N)#(),10
`long$()
`long$()
,10
q)/ cross is raze x,/:\:y (ref/cross.md): items joined, not paired
q)-1 .Q.s1 (1 2;3 4) cross (5 6;7 8);
(1 2 5 6;1 2 7 8;3 4 5 6;3 4 7 8)
q)-1 .Q.s1 (enlist each (1 2;3 4)) cross enlist each (5 6;7 8);
((1 2;5 6);(1 2;7 8);(3 4;5 6);(3 4;7 8))
q)1 2 cross `a`b
1 `a
1 `b
2 `a
2 `b
