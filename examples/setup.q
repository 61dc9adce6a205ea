/ the table and the password check of the remote-function walkthrough, whose server is
/ `q pykx.q -p 5050`: pykx.q defines the .pykx namespace (built into openq, no file read)
\l pykx.q
N:1000
tab:([]sym:N?`AAPL`MSFT`GOOG`FDP;price:100+N?100f;size:10+N?100)
.z.pw:{[u;p]$[(u~`user)&p~"password";1b;0b]}
