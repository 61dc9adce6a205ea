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
