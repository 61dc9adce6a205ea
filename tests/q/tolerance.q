/ comparison tolerance (basics/precision.md): = < > ~ differ within use it (2^-43 of the larger
/ magnitude, no non-zero value equals 0); ? distinct except group iasc compare exactly.
q)a:1f
q)b:a-10 xexp -13
q)a=b
1b
q)a~b
1b
q)a>b
0b
q)floor b
0
q)(a,a)?b
2
q)(a,a) except b
1 1f
q)count distinct a,b
2
q)count group a,b
2
q)iasc a,b
1 0
q)x:0
q)do[1000;x+:.001]
q)x=1
1b
q)x~1f
1b
q)differ 96.100000000000009 96.099999999999994
10b
q)differ 1 1.1 1.1
110b
q)1e13=1e13-1
1b
q)1e12=1e12-1
0b
q)0=1e-300
0b
q)(1;2.0)~(1;2.0+1e-15)
1b
q)0w~0w
1b
q)0n~0n
1b
q)/ a float vector against a float atom: the plain comparison outside the tolerance band,
q)/ q's tolerant one inside it (basics/precision.md); nulls, infinities, -0f; sym in syms
q)v:(1f;1+1e-14;1-1e-14;1+1e-12;1-1e-12;0n;0w;-0w;0f;-0f;2f;-1f;1e-300;-1e-300)
q)v>1
00010010001000b
q)v<1
00001101110111b
q)v=1
11100000000000b
q)1<v
00010010001000b
q)1>v
00001101110111b
q)1=v
11100000000000b
q)v>0
11111010001010b
q)v<0
00000101000101b
q)v=0
00000000110000b
q)0<v
11111010001010b
q)v>-1
11111010111011b
q)v<-1-1e-14
00000101000000b
q)v>=1
11110010001000b
q)v<=1
11101101110111b
q)v>0w
00000000000000b
q)v<0n
00000000000000b
q)v=0n
00000100000000b
q)v>1e300
00000010000000b
q)(1e15+til 3)>1e15
000b
q)1 2 3f>2
001b
q)`a`b`c`a in `a`c
1011b
q)`a`b`` in `
0011b
q)(`$()) in `a
`boolean$()
q)`a`b in `$()
00b
q)`a`b`a in `a`a`b
111b
q)`a in `a`b
1b
q)`a`b in `b
01b
q)/ a float vector against an atom: items within the tolerance of it are equal to it, the rest
q)/ compare plainly, wherever they sit in the vector
q)v:(1000#1 2 3f),(1+1e-15;1-1e-15;0n;1.5;-0w;0w)
q)sum v>1
668i
q)sum v<1
2i
q)sum v=1
336i
q)-6#v>1
000101b
q)-6#v<1
001010b
q)-6#v=1
110000b
q)where 0 1 0 1 1 0 0 0b
1 3 4
q)10#where 1000#0 0 1b
2 5 8 11 14 17 20 23 26 29
q)/ a float list against an atom, eight items at a time: those within tolerance of the atom by the
q)/ tolerant rule, wherever they fall (ref/equal.md, basics/precision.md)
q)w:0n,(1+1e-14)*til 40
q)where w=7
,8
q)where w=7.0000000000001
,8
q)((w<7)~{x<y}[;7] each w),((w>7)~{x>y}[;7] each w),((w<=7)~{x<=y}[;7] each w),(w>=7)~{x>=y}[;7] each w
1111b
q)sum w>20
19i
q)/ a short float sum adds its items in order, as q does (basics/precision.md: sum 7#r7), nulls
q)/ skipped; sums ends where sum does
q)r7:1%7
q)\P 17
q)sum 7#r7
0.99999999999999978
q)(-8!sum 7#r7)~-8!last sums 7#r7
1b
q)sum 0.1 0n 0.2 0.3
0.60000000000000009
q)\P 7
