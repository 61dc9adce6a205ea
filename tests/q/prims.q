/ primitives: one or two cases each (arith, compare, aggregates, casts, structure, search,
/ sort, text); outputs checked against q's documented behaviour
q)1+2
3
q)1 2 3+10
11 12 13
q)1.5*2
3f
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
q)2020.01.01+1
2020.01.02
q)2020.01.02-2020.01.01
1i
q)12:00:00+1
12:00:01
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
q)sum 1 2 3
6
q)sum 1.5 2.5
4f
q)prd 1 2 3 4
24
q)min 3 1 2
1
q)max 3 1 2
3
q)avg 1 2 3 4
2.5
q)med 3 1 2 5
2.5
q)var 1 2 3 4
1.25
q)dev 1 2 3 4
1.118034
q)sums 1 2 3
1 3 6
q)prds 1 2 3
1 2 6
q)mins 3 1 2
3 1 1
q)maxs 1 3 2
1 3 3
q)deltas 1 4 9
1 3 5
q)ratios 1 2 8
1 2 4f
q)all 1 1 0
0b
q)any 0 0 1
1b
q)3 mavg 1 2 3 4 5
1 1.5 2 3 4
q)2 msum 1 2 3
1 3 5
q)2 wsum 1 2
6
q)`int$1.6
2i
q)`float$1 2
1 2f
q)"J"$"42"
42
q)"D"$"2020.01.02"
2020.01.02
q)`$"abc"
`abc
q)`date$2020.01.02D12:00:00
2020.01.02
q)`year$2020.03.04
2020i
q)string 12
"12"
q)string `abc
"abc"
q)til 5
0 1 2 3 4
q)count 1 2 3
3
q)first 1 2 3
1
q)last 1 2 3
3
q)reverse 1 2 3
3 2 1
q)where 1 0 1
0 2
q)enlist 5
,5
q)1,2 3
1 2 3
q)2#1 2 3
1 2
q)-2#1 2 3
2 3
q)5#1 2
1 2 1 2 1
q)2 3#til 6
0 1 2
3 4 5
q)2_1 2 3
,3
q)-1_1 2 3
1 2
q)1 2 3~1 2 3
1b
q)raze (1 2;3 4)
1 2 3 4
q)flip (1 2;3 4)
1 3
2 4
q)`a`b!1 2
a| 1
b| 2
q)key `a`b!1 2
`a`b
q)value `a`b!1 2
1 2
q)1 2 3?2
1
q)1 2 3?5
3
q)2 in 1 2 3
1b
q)distinct 1 2 1 3
1 2 3
q)group `a`b`a
a| 0 2
b| ,1
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
q)1 3 5 bin 4
1
q)1 2 3 except 2
1 3
q)1 2 3 inter 2 3 4
2 3
q)1 2 union 2 3
1 2 3
q)2 cut til 5
0 1
2 3
,4
q)1 rotate 1 2 3
2 3 1
q)next 1 2 3
2 3 0N
q)prev 1 2 3
0N 1 2
q)differ 1 1 2
101b
q)lower "ABC"
"abc"
q)upper "abc"
"ABC"
q)trim "  a  "
,"a"
q)"," vs "a,b"
,"a"
,"b"
q)"-" sv ("ab";"cd")
"ab-cd"
q)"abc" like "a*"
1b
q)"abcab" ss "b"
1 4
q)ssr["abc";"b";"x"]
"axc"
q)1 2 3 within 2 3
011b
q)type 1
-7h
q)type 1 2
7h
q)type `a
-11h
q)lst:(1 2;3 4;5 6)
q)lst[;1]
2 4 6
q)d2:`a`b!(1 2;3 4)
q)d2[;0]
a| 1
b| 3
q)1 2 3f$1 2 3f
14f
q)(1 2f;3 4f)$(1 2f;3 4f)
7  10
15 22
q)1+0N
0N
q)sum (1 2;0N 4)
0N 6
