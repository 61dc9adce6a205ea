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
