/ keywords: 2-4 cases each, with edge cases (nulls, infinities, empty lists, type errors);
/ expected outputs are the examples in the kdb+ reference (code.kx.com/q/ref)
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
q)avgs 1 2 3 0n 4 -0w 0w
1 1.5 2 2 2.5 -0w 0n
q)0 2 4 6 8 10 bin -10 0 4 5 6 20
-1 0 2 2 3 5
q)0 1 1 2 bin 0 1 2
0 2 3
q)0 1 1 2 binr 0 1 2
0 1 3
q)t:([]a:3 4 5; b:6 7 8; c:`z`u`i)
q)cols t
`a`b`c
q)`d`e xcol t
d e c
-----
3 6 z
4 7 u
5 8 i
q)29 10 54 cor 1 3 9
0.7727746
q)1 3 9 cor neg 1 3 9
-1f
q)1 3 1 3 cor 1 1 3 3
0f
q)1 1 1 cor 1 3 9
0n
q)2 3 5 7 cov 3 3 5 9
4.5
q)t:([]a:2 3 5 7;b:4 3 0 2)
q)exec a cov b from t
-1.8125
q)2 3 5 7 scov 3 3 5 9
6f
q)exec a scov b from t
-2.416667
q)ema[1%3;1,5#0]
1 0.6666667 0.4444444 0.2962963 0.1975309 0.1316872
q)parse "2+3"
+
2
3
q)eval parse "2+3"
5
q)eval (+;2;3)
5
q)fills 0N 2 3 0N 0N 7 0N
0N 2 3 3 3 7 7
q)reverse fills reverse 0N 2 3 0N 0N 7 0N
2 2 3 7 7 7 0N
q)fills {(x where x=0W):0N;x} 0N 2 3 0W 0N 7 0W
0N 2 3 3 3 7 7
q)getenv `UNKNOWN
""
q)`RTMP setenv "/home/user/temp"
q)getenv `RTMP
"/home/user/temp"
q)trim "   IBM   "
"IBM"
q)ltrim"   IBM   "
"IBM   "
q)rtrim"   IBM   "
"   IBM"
q)3 mcount 0 1 2 3 4 5
1 2 3 3 3 3
q)3 mcount 0N 1 2 3 0N 5
0 1 2 3 2 2
q)2 mdev 1 2 3 5 7 10
0 0.5 0.5 1 1 1.5
q)5 mdev 1 2 3 5 7 10
0 0.5 0.8164966 1.47902 2.154066 2.87054
q)5 mdev 0N 2 0N 5 7 0N
0n 0 0 1.5 2.054805 2.054805
q)3 mmax 2 7 1 3 5 2 8
2 7 7 7 5 5 8
q)3 mmax 0N -3 -2 0N 1 0
-0W -3 -2 -2 1 1
q)3 mmin 0N -3 -2 1 -0W 0
0N 0N 0N -3 -0W -0W
q)3 mmin 0N -3 -2 1 0N -0W
0N 0N 0N -3 0N 0N
q)a:2 4#2 4 8 3 5 6 0 7f
q)b:4 3#"f"$til 12
q)a mmu b
87 104 121
81 99  117
q)1 2 3f$4 5 6f
32f
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
q)type 1 0 3h/[til 0]
5h
q)(+) prior til 10
0 1 3 5 7 9 11 13 15 17
q){x+y%10}prior til 10
0n 1 2.1 3.2 4.3 5.4 6.5 7.6 8.7 9.8
q)count each ("the";"quick";" brown";"fox")
3 5 6 3
q)(+\)peach(2 3 4;(5 6;7 8);9 10 11 12)
2 5 9
(5 6;12 14)
9 19 30 42
q)sdev 10 343 232 55
155.1322
q)var 2 3 5 7
3.6875
q)var 2 3 5 0n 7
3.6875
q)svar 2 3 5 7
4.916667
q)a:show til 5
0 1 2 3 4
q)a~(::)
1b
q)p:2 3 5 7 11
q)3 sublist p
2 3 5
q)10 sublist p
2 3 5 7 11
q){x$x sublist y}[10;]"take me"
"take me   "
q)system "P"
7i
q)\a
,`t
q)system "a"
,`t
q)count system "a"
1
q)views[]
`symbol$()
q)2 3 4 wavg 1 2 4
2.666667
q)2 0N 4 5 wavg 1 2 0N 8
6f
q)0 wavg 2 3
0n
q)(1 2;3 4) wavg (500 400; 300 200)
350 266.6667
q)`b xasc ([]a:1 2 3;b:30 10 20)
a b
----
2 10
3 20
1 30
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
q)2 xprev 2 7 5 3 11
0N 0N 2 7 5
q)-2 xprev 2 7 5 3 11
5 3 11 0N 0N
q)1 xprev "abcde"
" abcd"
q)4 xrank til 8
0 0 1 1 2 2 3 3
q)4 xrank til 9
0 0 0 1 1 2 2 3 3
q)3 xrank 1 37 5 4 0 3
0 2 2 1 0 1
q)md5 "this is a not so secret message"
0x6cf192c1938b79012c323fa30e62787e
q)raze string md5 "this is my password"
"210d53992dff432ec1b1a9698af9da16"
q)hsym`10.43.23.197
`:10.43.23.197
q)hsym `host:port`localhost:8001
`:host:port`:localhost:8001
q)hsym `abc`:def`::ghi
`:abc`:def`::ghi
q)deltas 1 4 9 16
1 3 5 7
q)deltas 2000 2005 2007 2012 2020
2000 5 2 5 8
q)differ`IBM`IBM`MSFT`CSCO`CSCO
10110b
q)differ 1 3 3 4 5 6 6
1101110b
q)differ (7;`a;`a;09:34)
1101b
q)next 2 3 5 7 11
3 5 7 11 0N
q)next (1 2;"abc";`ibm)
"abc"
`ibm
`long$()
q)prev 2 3 5 7 11
0N 2 3 5 7
q)prev (1 2;"abc";`ibm)
`long$()
1 2
"abc"
q)ratios 2000 2005 2007 2012 2020
2000 1.0025 1.000998 1.002491 1.003976
q)prds 2 3 0N 7
2 6 6 42
q)prds (1 2 3;2 3 5)
1 2 3
2 6 15
q)prds "abc"
'type
q)prd 2 3 0N 7
42
q)prd 101b
0i
q)maxs 2 5 7 1 3
2 5 7 7 7
q)maxs "genie"
"ggnnn"
q)maxs 0N 5 0N 1 3
-0W 5 5 5 5
q)mins "genie"
"geeee"
q)mins 0N 5 0N 1 3
0W 5 5 1 1
q)2 rotate 2 3 5 7 11
5 7 11 2 3
q)-2 rotate 2 3 5 7 11
7 11 2 3 5
q)0 1 -1 rotate' 3 4#til 12
0  1 2 3
5  6 7 4
11 8 9 10
q)` sv `quick`brown`fox
`quick.brown.fox
q)` sv `mywork`dat
`mywork.dat
q)"," vs "one,two,three"
"one"
"two"
"three"
q)"|" vs "red|green||blue"
"red"
"green"
""
"blue"
q)0 4 5 _ til 7
0 1 2 3
,4
5 6
q)4 cut til 10
0 1 2 3
4 5 6 7
8 9
q)1 2 3 4 1 3 except 2 3
1 4 1
q)1 2 3 1 4 inter 4 1 4
1 1 4
q)1 2 3 3 6 union 2 4 6 8
1 2 3 6 4 8
q)5 within (1 2 6;3 5 7)
010b
q)(1 3 10 6 4;"acyxmpu") within ((2;"b");(6;"r"))
01011b
0100110b
q)`quick like "qu?ck"
1b
q)`brown like "br[ao]wn"
1b
q)`quick like "quickish"
0b
q)"We the people of the United States" ss "the"
3 17
q)s:"toronto ontario"
q)s ss "t?r"
0 10
q)ssr[s;"t?r";upper]
"TORonto onTARio"
q)string 2
,"2"
q)string {x*x}
"{x*x}"
q)string "cat"
,"c"
,"a"
,"t"
q)string `a`b`c!2002 2004 2010
a| "2002"
b| "2004"
c| "2010"
q)upper`ibm`msft
`IBM`MSFT
q)lower`IBM
`ibm
q)upper(`The;(`quick`brown;(`fox;`jumps`over));`a;`lazy`dog)
`THE
(`QUICK`BROWN;(`FOX;`JUMPS`OVER))
`A
`LAZY`DOG
q)reverse 1 2 3 4
4 3 2 1
q)d:`a`b!(1 2 3;"xyz")
q)reverse each d
a| 3 2 1
b| "zyx"
q)signum -2 0 1 3
-1 0 1 1i
q)signum (0n;0N;0Nt;0Nd;0Nz;0Nu;0Nv;0Nm;0Nh;0Nj;0Ne)
-1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1i
q)signum 1999.12.31
-1i
q)signum(10;-20 30)
1i
-1 1i
q)null 0 0n 0w 1 0n
01001b
q)null`
1b
q)D:`q`w`e!(1 2;3 4;5 6)
q)key D
`q`w`e
q)key `D
`q`w`e
q)key ([s:`q`w`e]g:1 2 3;h:4 5 6)
s
-
q
w
e
q)keys ([s:`q`w`e]g:1 2 3;h:4 5 6)
,`s
q)keys ([]a:1 2)
`symbol$()
q)value D
1 2
3 4
5 6
q)value "2+3"
5
q)type 5
-7h
q)type (2 3 5;"hello")
0h
q)type ()
0h
q)type (+)
102h
q)attr 1 3 4
`
q)attr asc 1 3 4
`s
q)rank 2 7 3 2 5
0 4 2 1 3
q)iasc 2 7 3 2 5
0 3 2 4 1
q)iasc idesc 2 7 3 2 5
3 0 2 4 1
q)idesc 2 1 3 4 2 1 2
3 2 0 4 6 1 5
q)idesc `a`c`b!1 2 3
`b`c`a
q)distinct 2 3 7 3 5 3
2 3 7 5
q)distinct flip `a`b`c!(1 2 1;2 3 2;"aba")
a b c
-----
1 2 a
2 3 b
q)group "mississippi"
m| ,0
i| 1 4 7 10
s| 2 3 5 6
p| 8 9
q)where 2 3 0 1
0 0 1 1 1 3
q)where `amr`ibm`msft!2 3 1
`amr`amr`ibm`ibm`ibm`msft
q)til 0
`long$()
q)til 1b
,0
q)til 5f
'type
q)sum 7
7
q)sum 2 3 0N 7
12
q)sum `a`b`c!1 2 3
6
q)sum "abc"
'type
q)sum (0n 8;8 0n)
0n 0n
q)sum 0n 8
8f
q)sums 2 3 0N 7
2 5 5 12
q)sums "abc"
'type
q)avg 1 2 3
2f
q)avg 1 0w
0w
q)avg -0w 0w
0n
q)avg 1 0n 2 3
2f
q)avg (1 2;0N 4)
0n 3
q)avg 101b
0.6666667
q)med 10 34 23 123 5 56
28.5
q)dev 10 343 232 55
134.3484
q)max 0N 5 0N 1 3
5
q)max 0N 0N
-0W
q)max "genie"
"n"
q)min 0N 0N
0W
q)min (1 2;0N 4)
0N 2
q)all 1 2 3 = 1 2 4
0b
q)all 2000.01.01
0b
q)any 1 2 3 = 1 20 30
1b
q)any 2000.01.01 2000.01.02
1b
q)count 0
1
q)count (2;3 5;"eight")
3
q)count `a`b`c!2 3 5
3
q)count ([]city:`London`Paris`Berlin; country:`England`France`Germany)
3
q)first 42
42
q)first `a`b`c!(1 2;3 4 5;"hello")
1 2
q)last til 10
9
q)last `a`b`c!1 2 3
3
q)type each (10;enlist 10;enlist enlist 10)
-7 7 0h
q)show a:enlist[til 5;`ibm`goog;"hello"]
0 1 2 3 4
`ibm`goog
"hello"
q)raze (1 2;3 4 5)
1 2 3 4 5
q)raze 42
,42
q)raze/[(1 2;(3 4;5 6);7;8)]
1 2 3 4 5 6 7 8
q)flip (1 2 3;4 5 6)
1 4
2 5
3 6
q)neg 01001b
0 -1 0 0 -1i
q)neg (0W;-0w;0N)
-0W
0w
0N
q)neg 2000.01.01 2012.01.01
2000.01.01 1988.01.01
q)not -1 0 1 2
0100b
q)not 2000.01.01 2020.06.30
10b
q)not (0W;-0w;0N)
000b
q)reciprocal (12;13 14)
0.08333333
0.07692308 0.07142857
q)floor -2.1 0 2.1
-3 0 2
q)floor`a`b!(1.2;3.4 5.6)
a| 1
b| 3 5
q)ceiling -2.1 0 2.1
-2 0 3
q)ceiling 01b
0 1i
q)abs 10 -43 0N
10 43 0N
q)abs 1999.01.01
2000.12.31
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
q)2 3 4 wsum 1 2 4
24f
q)2 wsum 1 2 4
14
q)(1 2;3 4) wsum (500 400;300 200)
1400 1600
q)5 mavg 0N 2 0N 5 7 0N
0n 2 2 3.5 4.666667 4.666667
q)0 mavg 2 3
0n 0n
q)3 msum 0N 2 3 5 0N 11
0 2 5 10 8 16
