/ order and match (ref/asc.md, ref/match.md, ref/set-attribute.md)
/ asc: vectors sorted with s#; mixed lists by type then value; nested lists lexicographically,
/ a prefix first; an already sorted list only gets s#, in place, seen by every reference.
/ ~ ignores attributes on lists and tables; a sorted dictionary matches only a sorted one.
/ `s#: 's-fail unless ascending, in place; `u#: 'u-fail unless distinct; `p#: simple lists,
/ 'u-fail unless equal items are adjacent; ` removes; s# on a table parts its first column,
/ on a keyed table marks the key table in place; another symbol is 'domain.
q)asc 2 1 3 4 2 1 2
`s#1 1 2 2 2 3 4
q)a:0 1
q)b:a
q)asc b
`s#0 1
q)b
`s#0 1
q)a
`s#0 1
q)asc (1;1b;"b";2009.01.01;"a";0)
1b
0
1
"a"
"b"
2009.01.01
q)type each asc (1;1b;"b";2009.01.01;"a";0)
-1 -7 -7 -10 -10 -14h
q)l:("bat";"dog";"cow";"cat")
q)asc l
"bat"
"cat"
"cow"
"dog"
q)attr asc l
`s
q)iasc (1 2 3;1 2;0 5;1 3)
2 1 0 3
q)asc ("bc";"ab";"abc";"")
""
"ab"
"abc"
"bc"
q)idesc (1 2 3;1 2;0 5;1 3)
3 0 1 2
q)asc ((1;`b);(1;`a);(0;`c))
0 `c
1 `a
1 `b
q)asc `a`b`c!2 1 3
b| 1
a| 2
c| 3
q)meta asc ([]a:3 4 1;b:`a`d`s)
c| t f a
-| -----
a| j   p
b| s
q)meta asc([]a:3 4 1)
c| t f a
-| -----
a| j   s
q)1 2 3~`s#1 2 3
1b
q)(asc 3 1 2)~1 2 3
1b
q)t1:([]x:1 2 3)
q)t2:([]x:`s#1 2 3)
q)t1~t2
1b
q)(`s#`a`b!1 2)~`a`b!1 2
0b
q)(`s#`a`b!1 2)~`s#`a`b!1 2
1b
q)(`u#1 2)~1 2
1b
q)`s#1 2 3
`s#1 2 3
q)`#`s#1 2 3
1 2 3
q)`s#3 2 1
's-fail
q)`u#1 1
'u-fail
q)`u#1 2
`u#1 2
q)`p#2 2 2 1 1 4 4 4 4 3 3
`p#2 2 2 1 1 4 4 4 4 3 3
q)2,`p#2 2 2 1 1 4 4 4 4 3 3
2 2 2 2 1 1 4 4 4 4 3 3
q)`p#1 2 1
'u-fail
q)`p#(1;`a)
'type
q)`g#1 2 1
`g#1 2 1
q)`s#1
'type
q)`x#1 2
'domain
q)attr key `s#`a`b!1 2
`s
q)`s#`b`a!1 2
's-fail
q)t:([1 2 4]y:7 8 9);`s#t;attr each (t;key t)
``s
q)meta `s#([] ti:00:00:00 00:00:01 00:00:03; v:98 98 100.)
c | t f a
--| -----
ti| v   p
v | f
q)`s#([]a:3 1 2)
's-fail
q)`b xasc ([]a:1 2 3;b:30 10 20)
a b
----
2 10
3 20
1 30
q)d:`a`b!(1 2 3;"xyz")
q)reverse each d
a| 3 2 1
b| z y x
q)idesc `a`c`b!1 2 3
`b`c`a
q)floor`a`b!(1.2;3.4 5.6)
a| 1
b| 3 5
q)4 xrank til 8
0 0 1 1 2 2 3 3
q)4 xrank til 9
0 0 0 1 1 2 2 3 3
q)3 xrank 1 37 5 4 0 3
0 2 2 1 0 1
q)rank 2 7 3 2 5
0 4 2 1 3
q)iasc 2 7 3 2 5
0 3 2 4 1
q)iasc idesc 2 7 3 2 5
3 0 2 4 1
q)idesc 2 1 3 4 2 1 2
3 2 0 4 6 1 5
q)1 2 3~1 2 3
1b
q)asc 3 1 2
`s#1 2 3
q)desc 3 1 2
3 2 1
q)iasc 3 1 2
1 2 0
q)idesc 3 1 2
0 2 1
q)rank 30 10 20
2 0 1
q)asc ([]a:4 3 4;b:`s`a`d)
a b
---
3 a
4 d
4 s
q)desc([]a:4 4 1;b:`a`d`s)
a b
---
4 d
4 a
1 s
q)dd:`a`b`c!1 2 3
q)delete b from dd
a| 1
c| 3
q)delete a from `dd
`dd
q)dd
b| 2
c| 3
q)raze (`a`b!1 2;`b`c!3 4)
a| 1
b| 3
c| 4
q)desc `a`b`c!2 1 3
c| 3
a| 2
b| 1
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
q)/ the u# index cache: an entry dropped when its list is freed is reused by later lists
q)a:`u#til 10
q)a?3
3
q)a:`u#til 11
q)sum {x?1} each {`u#til x} each 2+til 20
20
q)/ asc of floats by their keys alone (radix), or by a stable grade when -0f and 0f both occur
q)/ or NaNs differ in their bits: nulls first, infinities at the ends, as q orders them
q)asc 3 1 2 0n -0w 0w 1.5 -2f
`s#0n -0w -2 1 1.5 2 3 0w
q)asc 0 -0 1 -1f
`s#-1 0 0 1f
q)asc -0 1 -1 -0f
`s#-1 0 -0 1f
q)1%asc -0 1 -1 -0f
-1 0w -0w 1
q)asc 0n,(0%0f),1 0n 2f
`s#0n 0n 0n 1 2
q)asc 0#0f
`s#`float$()
q)asc 1#0n
`s#,0n
q)asc 2000.01.01T12:00 1999.01.01T00:00 0Nz
`s#0N 1999.01.01T00:00:00.000 2000.01.01T12:00:00.000
q)attr asc 3 1 2f
`s
q)x:-1e300 1e300 1e-300 -1e-300 0w -0w 5e-324 -5e-324;asc x
`s#-0w -1e+300 -1e-300 -4.940656e-324 4.940656e-324 1e-300 1e+300 0w
q)x:10000?1000f;(asc x)~x iasc x
1b
q)x:(10000?1000f),1000#0n;(asc x)~x iasc x
1b
q)1%asc 0 -0 0 -0f
0w 0w 0w -0w
q)/ an enumerated atom is found in its vector
q)sym:`c`a`b
q)e:`sym$`c`a`b`a
q)e?`sym$`a
1
q)e?`sym$`b`c
2 0
q)/ an enumeration sorts and grades by its indices into the domain (as the vector of longs it holds)
q)u:`c`b`a
q)e:`u$`b`a`c`b
q)iasc e
2 0 3 1
q)asc e
`s#`u$`s#`c`b`b`a
q)idesc e
1 0 3 2
q)select n:count i by e from ([]e)
e| n
-| -
c| 1
b| 2
a| 1
q)/ ref/asc.md xasc: y by value or by reference (sorted in place); s# on the first column given
q)t:([]a:2 1 3;b:`x`y`z)
q)meta `a xasc t
c| t f a
-| -----
a| j   s
b| s
q)`b xdesc `t
`t
q)t
a b
---
3 z
1 y
2 x
q)`zz xasc `t
'zz
q)/ basics/funsql.md: iasc and idesc signal 'rank if not applied to a list
q)iasc 7
'rank
q)idesc `a
'rank
q)/ asc of longs and floats by keys alone (least significant digit first): nulls first, then
q)/ -0w .. 0w; small lists by insertion; long lists in buckets; checked against the stable grade
q)asc 3 0N 1 -0W 0W 2 0N
`s#0N 0N -0W 1 2 3 0W
q)asc 3 0n 1 -0w 0w 2 -1.5
`s#0n -0w -1.5 1 2 3 0w
q)asc 0#0
`s#`long$()
q)asc 1#5.5
`s#,5.5
q)asc 0.0 -0.0 1.0
`s#0 -0 1f
q){(asc x)~x iasc x} each (100000?1000000000;neg 100000?1000000000;-5000+100000?10000;100000?3;(50000?100),0N,0N)
11111b
q){(asc x)~x iasc x} each (100000?1.0;-0.5+100000?1.0;1e300*-0.5+100000?1.0;(50000?1.0),0n,0w,-0w;10000?1 2 3f)
11111b
q){(asc x)~x iasc x} each {x?x} each 31 32 33 64 1000 4096 4097 65536
11111111b
q){(asc x)~x iasc x} each (100000?.z.p;100000?0D01:00:00;100000?2147483647i;10000?.z.d)
1111b
q)asc 2024.01.02D10:00 0Np 2024.01.01D00:00
`s#0N 2024.01.01D00:00:00.000000000 2024.01.02D10:00:00.000000000
q)/ the stable grade's radix paths: a narrow span (keys above positions) and a wide one (positions riding along)
q)iasc 0N 5 -0W 0W 5 0N 1
0 5 2 6 1 4 3
q)idesc 0N 5 -0W 0W 5 0N 1
3 1 4 6 2 0 5
q)iasc 0n 1 -0w 0w -0.0 0 0n 1
0 6 2 4 5 1 7 3
q)iasc `long$()
`long$()
q)iasc enlist 3
,0
q)x:10000?5; (iasc x)~raze (group x) asc distinct x
1b
q)x:10000?0W; x[til 100]:0N; x[100+til 100]:-0W; x:x,x; (iasc x)~raze (group x) asc distinct x
1b
q)x:20000?-10 10 100f,0w,-0w,0n; (iasc x)~raze (group x) asc distinct x
1b
q)x:til 5000; (iasc x;idesc x)~(x;reverse x)
1b
q)x:50000?100h; (iasc x)~raze (group x) asc distinct x
1b
q)/ ref/asc.md on the keys read off the values: 2 items, a
q)/ span of one bit, the sign bit alone, the extremes of long and float, one NaN among many
q)asc 2 1
`s#1 2
q)asc 1 0n
`s#0n 1
q)x:50000?0 1;(asc x)~((sum x=0)#0),(sum x=1)#1
1b
q)x:50000?-1 1;(asc x)~((sum x<0)#-1),(sum x>0)#1
1b
q)x:(50000?0N 0W -0W -1 0 1),neg 0W;(asc x)~x iasc x
1b
q)x:(50000?0n 0w -0w -1 1f),-1.7976931348623157e308 1.7976931348623157e308 4.9e-324;(asc x)~x iasc x
1b
q)x:100000#0n;(asc x)~x
1b
q)/ a NaN whose bits differ from 0n (neg 0n: the sign bit clear) still sorts first; two NaN
q)/ patterns keep their input order, as the stable grade gives them
q)x:(1000?1f),neg 0n;first asc x
0n
q)(-8!first asc x)~-8!neg 0n
1b
q)x:(1000?1f),(neg 0n),0n;(2#asc x)~2#0n
1b
q)((-8!)each 2#asc x)~(-8!neg 0n;-8!0n)
1b
q)x:(1000?1f),0n,neg 0n;((-8!)each 2#asc x)~(-8!0n;-8!neg 0n)
1b
q)/ ref/asc.md: asc and iasc of 8-byte items (least significant digit first, the keys read off the values) against the merge grade of one-item lists, a path of its own
q)r:{iasc enlist each x}
q)x:20000?0W;x[til 50]:0N;x[50+til 50]:-0W;x[100+til 50]:0W;(iasc x)~r x
1b
q)x:(20000?-1 1)*20000?0W;((iasc x)~r x),(asc x)~x r x
11b
q)x:20000?-0w 0w 0n,-3+til 7;(iasc x)~r x
1b
q)x:(10000?1e300*-0.5+10000?1.0),-0.0,0.0,-0.0,0n,0w,-0w,0n;((iasc x)~r x),(asc x)~x r x
11b
q)x:(10000?1f),neg[0n],0n,neg 0n;(iasc x)~r x
1b
q)x:10000?.z.p;((iasc x)~r x),(asc x)~x r x
11b
q)x:10000?2;(iasc x)~r x
1b
q){x:x?100000000;((iasc x)~r x),(asc x)~x r x} each 31 32 33 34 100 1000 4097
11b
11b
11b
11b
11b
11b
11b
q)x:33#5;(iasc x;asc x)~(til 33;`s#33#5)
1b
q)x:33#-0.0;(-8!asc x)~-8!`s#x
1b
q)x:(33?1f),-0.0;(1%first (asc x) where 0=asc x)~-0w
1b
q)/ ref/match.md: functions match by their text (and context), parsed or as they came over IPC
q){x+y}~{x+y}
1b
q){x+y}~{x + y}
0b
q)({x+y}~-9!-8!{x+y}),({x+y}[til 3]~-9!-8!{x+y}[til 3]),{x+y}[1]~{x+y}[2]
110b
