/ arithmetic, comparison, logic and mathematics (ref/add.md, ref/subtract.md, ref/multiply.md,
/ ref/divide.md, ref/div.md, ref/mod.md, ref/lesser.md, ref/greater.md, ref/fill.md, ref/neg.md,
/ ref/abs.md, ref/signum.md, ref/floor.md, ref/exp.md, ref/log.md, ref/xexp.md, ref/xbar.md,
/ ref/cos.md, ref/sin.md, ref/tan.md, ref/not.md, ref/null.md, ref/mmu.md); null and infinity
/ rules, type promotion, atomic extension over nested lists and dictionaries
q)cos 0.2
0.9800666
q)cos (.2;.3 .4)
0.9800666
0.9553365 0.921061
q)acos -0.4
1.982313
q)acos (.2;.3 .4)
1.369438
1.266104 1.159279
q)sin (.2;.3 .4)
0.1986693
0.2955202 0.3894183
q)asin (.2;.3 .4)
0.2013579
0.3046927 0.4115168
q)sin `x`y`z!3 4#til[12]%10
x| 0         0.09983342 0.1986693 0.2955202
y| 0.3894183 0.4794255  0.5646425 0.6442177
z| 0.7173561 0.7833269  0.841471  0.8912074
q)tan 0 0.5 1 1.5707963 2 0w
0 0.5463025 1.557408 3.732054e+07 -2.18504 0n
q)tan (.2;.3 .4)
0.20271
0.3093362 0.4227932
q)atan 0.5
0.4636476
q)atan (.2;.3 .4)
0.1973956
0.2914568 0.3805064
q)a:2 4#2 4 8 3 5 6 0 7f
q)b:4 3#"f"$til 12
q)a mmu b
87 104 121
81 99  117
q)mmu[;b]peach a
87 104 121
81 99  117
q)2 or 3
3
q)1010b or 1100b
1110b
q)"sat" or "cow"
"sow"
q)2 and 3
2
q)1010b and 1100b
1000b
q)"sat" and "cow"
"cat"
q)3 xbar til 16
0 0 0 3 3 3 6 6 6 9 9 9 12 12 12 15
q)2.5 xbar til 16
0 0 0 2.5 2.5 5 5 5 7.5 7.5 10 10 10 12.5 12.5 15
q)(3;4 5)xbar(10;20 -30)
9
20 -30
q)2 xexp 8
256f
q)-2 2 xexp .5
0n 1.414214
q)1.5 xexp -4.2 0 0.1 0n 0w
0.1821448 1 1.04138 0n 0w
q)3 xexp(1;2 3)
3f
9 27f
q)2 xlog 8
3f
q)2 xlog 0.125
-3f
q)1.5 xlog 0 0.125 1 3 0n
-0w -5.128534 0 2.709511 0n
q)(2;3 4)xlog(4;5 6)
2f
1.464974 1.292481
q)signum -2 0 1 3
-1 0 1 1i
q)signum(10;-20 30)
1i
-1 1i
q)null 0 0n 0w 1 0n
01001b
q)null`
1b
q)neg 01001b
0 -1 0 0 -1i
q)neg (0W;-0w;0N)
-0W
0w
0N
q)not -1 0 1 2
0100b
q)not (0W;-0w;0N)
000b
q)reciprocal (12;13 14)
0.08333333
0.07692308 0.07142857
q)floor -2.1 0 2.1
-3 0 2
q)ceiling -2.1 0 2.1
-2 0 3
q)ceiling 01b
0 1i
q)abs 10 -43 0N
10 43 0N
q)abs(10;20 -30)
10
20 30
q)sqrt (10;20 30)
3.162278
4.472136 5.477226
q)exp -4.2 0 0.1 0n 0w
0.01499558 1 1.105171 0n 0w
q)log -2 0n 0 0.1 1 42
0n 0n -0w -2.302585 0 3.73767
q)log exp 42
42f
q)(10;20 30)div(3 4; -5)
3  2
-4 -6
q)-3 -2 -1 0 1 2 3 4 mod 3
0 1 2 0 1 2 0 1
q)-7 7 mod/:\:-2.5 -2 2 2.5
-2   -1 1 0.5
-0.5 -1 1 2
q)1+2
3
q)1 2 3+10
11 12 13
q)10%4
2.5
q)7 div 2
3
q)-7 mod 3
2
q)1 2 3&2
1 2 2
q)1 2 3|2
2 2 3
q)0N^1 0N 3
1 0N 3
q)3=1 2 3
001b
q)1 2 3<2
100b
q)1 2 3>2
001b
q)1 2 3<=2
110b
q)1 2 3>=2
011b
q)1 2 3<>2
101b
q)neg 1 -2 3
-1 2 -3
q)abs -1.5 2
1.5 2
q)floor 1.5 -1.5
1 -2
q)ceiling 1.2 -1.2
2 -1
q)signum -2 0 3
-1 0 1i
q)sqrt 4 9f
2 3f
q)exp 0
1f
q)log 1
0f
q)reciprocal 4
0.25
q)not 0 1 2
100b
q)null 1 0N 3
010b
q)`a<`b
1b
q)"a"<"b"
1b
q)1+`a
'type
  [0]  1+`a
        ^
q)1 2+1 2 3
'length
  [0]  1 2+1 2 3
          ^
q)-2#1 2 3
2 3
q)-1_1 2 3
1 2
q)1+0N
0N
q)(2; 3 4) + ((5 6; 7 8 9); (10; 11 12))
7 8 9 10 11
13  15 16
q)3 xbar til 16
0 0 0 3 3 3 6 6 6 9 9 9 12 12 12 15
q)(3;4 5)xbar(10;20 -30)
9
20 -30
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
q)7h div 3
2i
q)0x80 div 16
8i
q)"\023" div 8
2i
q)0N div 5
0N
q)'[neg;+][1;2]
-3
q)|:["zero"]
"orez"
q)-1!`a
`:a
q)-2!`s#1 2 3
`s
q)/ basics/datatypes.md, Infinities: integer infinities are plain values in arithmetic; nulls stay null
q)0Wi+5
2147483652
q)0Wi+5i
-2147483644i
q)0Wh+1
32768
q)10+0W+til 3
-9223372036854775799 0N -9223372036854775797
q)1+-1+-1+1+ -0W 0N 0W 1 2 3
0N 0N 0N 1 2 3
q)/ ref/sqrt.md: a short infinity is 32767 to a float function
q)sqrt 0Wh
181.0166
q)0Wi+0.5
2.147484e+09
q)/ ref/add.md, subtract.md, multiply.md, mod.md, divide.md, Range and domains: the result
q)/ type of every pair of types, as their tables give it
q)s:(1b;"G"$"00000000-0000-0000-0000-000000000001";0x01;1h;1i;1;1e;1f;"a";`a;2000.01.01D00:00:01;2000.02m;2000.01.02;2000.01.02T00:00;0D00:00:01;00:01;00:00:01;00:00:00.001)
q)ty:{[op;x;y] r:.[op;(x;y);{`err}]; $[`err~r;".";.Q.t abs type r]}
q)tbl:{[op] {[op;x] ty[op;x] each s}[op] each s}
q)tbl[+]
"i.iiijef..pmdznuvt"
".................."
"i.iiijef..pmdznuvt"
"i.iiijef..pmdznuvt"
"i.iiijef..pmdznuvt"
"j.jjjjef..pmdznuvt"
"e.eeeeef..pmdznuvt"
"f.fffffff.ffzzffff"
".......f..pmdznuvt"
".................."
"p.pppppfp.n...pppp"
"m.mmmmmfm..i..pppp"
"d.dddddzd...i.pppp"
"z.zzzzzzz....fpzzz"
"n.nnnnnfn.ppppnnnn"
"u.uuuuufu.pppznuvt"
"v.vvvvvfv.pppznvvt"
"t.tttttft.pppznttt"
q)(tbl[-])~tbl[+]
0b
q)-1 raze tbl[-];
i.iiijefi.pmdznuvt..................i.iiijefi.pmdznuvti.iiijefi.pmdznuvti.iiijefi.pmdznuvtj.jjjjefj.pmdznuvte.eeeeefe.pmdznuvtf.fffffff.ffzzffff.......f..pmdznuvt..................p.pppppfp.n...ppppm.mmmmmfm..i..ppppd.dddddzd...i.ppppz.zzzzzzz....fpzzzn.nnnnnfn.ppppnnnnu.uuuuufu.pppznuvtv.vvvvvfv.pppznvvtt.tttttft.pppznttt
q)-1 raze tbl[*];
i.iiijef..pmdznuvt..................i.iiijef..pmdznuvti.iiijef..pmdznuvti.iiijef..pmdznuvtj.jjjjef..pmdznuvte.eeeeef..pmdznuvtf.fffffff.ffzzffff.......f..pmdznuvt..................p.pppppfp.........m.mmmmmfm.........d.dddddzd.........z.zzzzzzz.........n.nnnnnfn.........u.uuuuufu.........v.vvvvvfv.........t.tttttft.........
q)-1 raze tbl[mod];
i.iiijef..pmdznuvt..................i.iiijef..pmdznuvti.iiijef..pmdznuvti.iiijef..pmdznuvtj.jjjjef..pmdznuvtf.fffffff.ffzzfffff.fffffff.ffzzffff.......f..pmdznuvt..................n.nnnnnfn.........i.iiiiifi.........i.iiiii.i.........f.fffffff.........n.nnnnnfn.........u.uuuuufu.........v.vvvvvfv.........t.tttttft.........
q)distinct raze tbl[%]
"f."
q)/ the values: units meet in the result's
q)2000.11.22 + 03:44:55.666
2000.11.22D03:44:55.666000000
q)2024.01m+00:01
2024.01.01D00:01:00.000000000
q)00:01+00:00:30
00:01:30
q)00:01+00:00:00.500
00:01:00.500
q)0D01:00+00:30
0D01:30:00.000000000
q)2024.01.01D00:00+12:30
2024.01.01D12:30:00.000000000
q)"z"%"a"
1.257732
q)1h+1h
2i
q)2024.01.01*1.5
2036.01.01T00:00:00.000
q)2024.01m*2
2048.01m
q)2024.01.01D10:00 mod 7
0D00:00:00.000000003
q)2024.01.02 mod 7
3i
q)/ ref/greater.md, lesser.md, Domain and range: | and & keep the wider type; no symbols or guids
q)-1 raze tbl[|];
b.xhijefc.pmdznuvt..................x.xhijefc.pmdznuvth.hhijefc.pmdznuvti.iiijefc.pmdznuvtj.jjjjefc.pmdznuvte.eeeeefc.pmdznuvtf.ffffffc.pmdznuvtc.ccccccc.pmdznuvt..................p.ppppppp.ppppnuvtm.mmmmmmm.pmd.....d.ddddddd.pddz....z.zzzzzzz.p.zznuvtn.nnnnnnn.n..nnnnnu.uuuuuuu.u..unuvtv.vvvvvvv.v..vnvvtt.ttttttt.t..tnttt
q)(tbl[&])~tbl[|]
1b
q)2024.01.01D10:00|2024.01.02
2024.01.02D00:00:00.000000000
q)98|"a"
"b"
q)`a|`b
'type
q)/ the monads' Domain and range rows (ref/log.md, exp.md, sqrt.md, sin.md, neg.md, abs.md,
q)/ signum.md, reciprocal.md, floor.md, ceiling.md)
q)ty1:{[f;x] r:@[f;x;{`err}]; $[`err~r;".";.Q.t abs type r]}
q)row:{[f] ty1[f] each s}
q){-1 (string x),"\t",row value x;} each `log`exp`sqrt`sin`cos`tan`neg`abs`signum`reciprocal`floor`ceiling;
log	f.fffffff.fffzffff
exp	f.fffffff.fffzffff
sqrt	f.fffffff.fffzffff
sin	f.fffffff.fffzffff
cos	f.fffffff.fffzffff
tan	f.fffffff.fffzffff
neg	i.ihijefi.pmdznuvt
abs	i.ihijefi.pmdznuvt
signum	i.iiiiiii.iiiiiiii
reciprocal	f.fffffff.pffzffff
floor	...hijjjcs........
ceiling	i.ihijjji.........
q)floor "ABC"
"abc"
q)floor `ABC
`abc
q)ceiling "a"
97i
q)sqrt 2000.01.05
2f
q)/ ref/subtract.md, Implicit iteration: upsert semantics, a key only in y negated
q)d:`a`b!(10 -21 3;4 5 -6)
q)d-`b`c!(10 20 30;1000*1 2 3)
a| 10    -21   3
b| -6    -15   -36
c| -1000 -2000 -3000
q)/ ref/exp.md xexp: computed as exp y*log x; a null or negative x is 0n
q)-2 2 xexp .5
0n 1.414214
q)-2 xexp 2
0n
q)1.5 xexp -4.2 0 0.1 0n 0w
0.1821448 1 1.04138 0n 0w
q)\P 0
q)2 xexp 3
7.9999999999999982
q)exp 3 * log 2
7.9999999999999982
q)\P 7
q)/ x^y has the types of x|y (ref/fill.md, greater.md): numbers and chars under a temporal
q)/ become it, a wider temporal takes the other in its own units
q)2.5^0N 2000.01.02
2000.01.03 2000.01.02
q)"a"^0N 2000.01.01
2000.04.07 2000.01.01
q)2000.01.01D01^0N 2000.01.02
2000.01.01D01:00:00.000000000 2000.01.02D00:00:00.000000000
q)0D01^0N 00:01
0D01:00:00.000000000 0D00:01:00.000000000
q)00:00:05^0N 12:00
00:00:05 12:00:00
q)1b^0x0001
0x0001
q)2000.01m^0N 2000.01.05
2000.01.01 2000.01.05
q)2000.01m^0N 2000.01.05D00
2000.01.01D00:00:00.000000000 2000.01.05D00:00:00.000000000
q)`a^`b`
`b`a
q)/ chars compare with numbers and temporals as their codes (ref/less-than.md domain table)
q)"a"<2000.01.01
0b
q)"a">2000.01.01
1b
q)2000.04.07="a"
1b
q)/ x xbar y over integers is a long when either side is (ref/xbar.md domain table)
q)2i xbar 7
6
q)2h xbar 7 8 9
6 8 8
q)3i xbar 7i
6i
q)/ g^g (ref/fill.md): y's guid, x's where y's is null; g|g is 'type (ref/greater.md)
q)x:"G"$("8c680a01-5a49-5aab-5a65-d4bfddb6a661";"00000000-0000-0000-0000-000000000001")
q)(^\x)~x
1b
q)(x[0]^0Ng)~x 0
1b
q)(fills x,0Ng)~x,x 1
1b
