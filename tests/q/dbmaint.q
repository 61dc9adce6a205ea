/ database maintenance as KX's dbmaint.q does it (add, copy, rename, cast, re-attribute,
/ delete, reorder columns; fix a partition missing a column; add and rename tables), written
/ here with the file primitives it relies on: get of a path list, amend of a directory at a
/ file name (@[d;`.d;,;c]), `:file?syms, hdel, -2!, read1 of a header; then a fresh \l
/ of the database answers queries
q)trade:([]sym:`a`b`a;price:1 2 3f;size:10 20 30)
q)quote:([]sym:`a`b;bid:1 2f)
q){.Q.dpft[`:db;x;`sym;`trade];.Q.dpft[`:db;x;`sym;`quote]} each 2024.01.01 2024.01.02
`quote`quote
q)parts:{[db;t] ` sv/: db,/:(p where (p:key db) like "[0-9]*"),\:t}
q)parts[`:db;`trade]
`:db/2024.01.01/trade`:db/2024.01.02/trade
q)colsof:{get x,`.d}
q)colsof each parts[`:db;`trade]
sym price size
sym price size
q)addc:{[d;c;v] if[not c in colsof d; (` sv d,c) set (count get d,first colsof d)#v; @[d;`.d;,;c]]}
q)addc[;`num;10] each parts[`:db;`trade];
q)addc[;`tag;`:db/sym?`new] each parts[`:db;`trade];
q)get `:db/sym
`a`b`new
q)colsof each parts[`:db;`trade]
sym price size num tag
sym price size num tag
q)type get `:db/2024.01.01/trade/tag
20h
q)-2!get `:db/2024.01.01/trade/sym
`p
q)first "i"$read1(`:db/2024.01.01/trade/num;2;1)
7i
q)copyc:{[d;o;n] (` sv d,n) set get d,o; @[d;`.d;,;n]}
q)copyc[;`size;`size2] each parts[`:db;`trade]
`:db/2024.01.01/trade`:db/2024.01.02/trade
q)renc:{[d;o;n] (` sv d,n) set get d,o; hdel ` sv d,o; @[d;`.d;:;@[c;where o=c:colsof d;:;n]]}
q)renc[;`price;`px] each parts[`:db;`trade]
`:db/2024.01.01/trade`:db/2024.01.02/trade
q)fnc:{[d;c;f] (` sv d,c) set f get d,c}
q)fnc[;`size;`short$] each parts[`:db;`trade]
`:db/2024.01.01/trade/size`:db/2024.01.02/trade/size
q)fnc[;`px;2*] each parts[`:db;`trade]
`:db/2024.01.01/trade/px`:db/2024.01.02/trade/px
q)fnc[;`sym;`g#] each parts[`:db;`trade]
`:db/2024.01.01/trade/sym`:db/2024.01.02/trade/sym
q)attr get `:db/2024.01.02/trade/sym
`g
q)fnc[;`sym;`#] each parts[`:db;`trade]
`:db/2024.01.01/trade/sym`:db/2024.01.02/trade/sym
q)attr get `:db/2024.01.02/trade/sym
`
q)@[`:db/2024.01.02/trade;`sym;`p#]
`:db/2024.01.02/trade
q)attr get `:db/2024.01.02/trade/sym
`p
q)delc:{[d;c] hdel ` sv d,c; @[d;`.d;:;colsof[d] except c]}
q)delc[;`size2] each parts[`:db;`trade]
`:db/2024.01.01/trade`:db/2024.01.02/trade
q)key `:db/2024.01.01/trade
`.d`num`px`size`sym`tag
q)@[;`.d;:;`sym`num`px`size`tag] each parts[`:db;`trade]
`:db/2024.01.01/trade`:db/2024.01.02/trade
q)delc[`:db/2024.01.01/trade;`tag]
`:db/2024.01.01/trade
q){[good;d] {[good;d;c] addc[d;c;0#get good,c]}[good;d] each (colsof good) except colsof d}[`:db/2024.01.02/trade] each parts[`:db;`trade];
q)colsof each parts[`:db;`trade]
sym num px size tag
sym num px size tag
q)get `:db/2024.01.01/trade/tag
`sym$```
q)@[;`;:;.Q.en[`:db] ([]sym:`symbol$();v:`long$())] each parts[`:db;`extra]
`:db/2024.01.01/extra`:db/2024.01.02/extra
q)rent:{[o;n] (` sv n,`) set get ` sv o,`; hdel each ` sv/: o,/:key o; hdel o}
q)rent'[parts[`:db;`quote];parts[`:db;`quotes]]
`:db/2024.01.01/quote`:db/2024.01.02/quote
q)key `:db/2024.01.01
`extra`quotes`trade
q)delete trade, quote from `.;
q)\l db
q)tables`.
`extra`quotes`trade
q)meta trade
c   | t f a
----| -----
date| d
sym | s   p
num | j
px  | f
size| h
tag | s
q)select from trade
date       sym num px size tag
------------------------------
2024.01.01 a   10  2  10
2024.01.01 a   10  6  30
2024.01.01 b   10  4  20
2024.01.02 a   10  2  10   new
2024.01.02 a   10  6  30   new
2024.01.02 b   10  4  20   new
q)select sum px, n:count i by sym from trade where date=2024.01.02
sym| px n
---| ----
a  | 8  2
b  | 4  1
q)select count i by date from quotes
date      | x
----------| -
2024.01.01| 2
2024.01.02| 2
q)count extra
0
q)meta extra
c   | t f a
----| -----
date| d
sym | s
v   | j
q)exec tag from trade where date=2024.01.02
`sym$`new`new`new
