/ tests/threads/tsan.sh: the parallel primitives and peach under ThreadSanitizer (vectors just
/ above the threshold, so that the instrumented build stays quick); prints 111b and .Q.fc's result
n:300007;X:n?1000;X[n?n div 10]:0N;Y:n?100f;Y[n?n div 10]:0n;B:0<X mod 3
f:{[](sum X;min X;max X;avg X;sum Y;min Y;max Y;avg Y;X+X;X*2;Y%3;X<500;Y=Y;Y<50f;X=Y;where B;X-Y;sum B;max 0N,X;min 0n,Y;`timestamp$X;sum `timestamp$X;X|Y;asc X;asc Y)}
\s 0
s0:f[]
\s 2
s2:f[];s3:f[];s4:f[]
0N!((-8!s0)~-8!s2;s2~s3;s3~s4)
0N!.Q.fc[{x*x};til 7]
\\
