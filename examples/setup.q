N:1000
tab:([]sym:N#`AAPL`MSFT`GOOG`FDP;price:100+N#1.5 2.5;size:10+N#1 2 3)
.z.pw:{[u;p]$[(u~`user)&p~"password";1b;0b]}
