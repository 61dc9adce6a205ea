/ bench/threads.sh runs this under each setting: one line per operation, "name<TAB>ms" (the
/ median of 5 timings of 10 runs each, per run)
n:10000000;X:n?1000;Y:n?100f;B:0<X mod 3
tm:{[e]med{[e;i]system"t:10 ",e}[e]each til 5}
ops:("sum Y";"sum X";"max Y";"min X";"avg Y";"X+X";"Y*Y";"Y<50f";"X=Y";"where B";"Y xexp 1.5")
{-1 x,"\t",string 0.1*tm x}each ops;
\\
